// The order's lines with how many of each may come back; the customer picks quantities
// and a reason from the shop's list, and may add a note.
import { useId, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { formatDate, humanize } from '../../format.ts';
import { refusalLabel } from '../labels.ts';
import type { Eligibility, EligibilityLine } from '../types.ts';
import { QuantityStepper } from './QuantityStepper.tsx';

export interface ReturnChoice { items: { line_id: string; quantity: number; reason: string }[]; note: string }

const NOTE_LENGTH_MAX = 2000;

/** "You can return up to 2 of 3, until 12 May", or why not. */
function lineNote(line: EligibilityLine): string {
  if (line.returnable <= 0) return refusalLabel(line.refused);
  // The last day is a calendar date: read it as local midnight so no time zone shifts it.
  const until = line.last_day ? `, until ${formatDate(`${line.last_day}T00:00:00`)}` : '';
  return `You can return up to ${line.returnable} of ${line.quantity}${until}`;
}

interface Props {
  eligibility: Eligibility;
  busy: boolean;
  headingRef: Ref<HTMLHeadingElement> | undefined;
  problem: ReactNode;
  onSubmit(choice: ReturnChoice): void;
  onChangeOrder(): void;
}

export function ReturnItemsForm({ eligibility, busy, headingRef, problem, onSubmit, onChangeOrder }: Props) {
  const id = useId();
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [nothingChosen, setNothingChosen] = useState(false);
  const returnable = eligibility.lines.filter((line) => line.returnable > 0);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const items = returnable
      .filter((line) => (quantities[line.line_id] ?? 0) > 0)
      .map((line) => ({ line_id: line.line_id, quantity: quantities[line.line_id] ?? 0, reason: reasons[line.line_id] ?? '' }));
    setNothingChosen(items.length === 0);
    if (items.length === 0) return;
    onSubmit({ items, note: String(new FormData(event.currentTarget).get('note') ?? '').trim() });
  };

  return (
    <section className="public-result" aria-labelledby={`${id}-title`}>
      <div className="public-result-head">
        <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>Order #{eligibility.order}</h2>
        <button type="button" className="button button-quiet button-small" onClick={onChangeOrder}>Another order</button>
      </div>
      {problem}
      {returnable.length === 0 ? (
        <div className="notice">
          <p><strong>Nothing on this order can be returned now.</strong></p>
          <ul className="plain-list">{eligibility.lines.map((line) => <li key={line.line_id}>{line.name}: {refusalLabel(line.refused).toLowerCase()}</li>)}</ul>
        </div>
      ) : (
        <form className="form-stack" onSubmit={submit}>
          <ul className="return-lines">
            {eligibility.lines.map((line) => {
              const quantity = quantities[line.line_id] ?? 0;
              return (
                <li key={line.line_id} className="public-card return-line">
                  <p className="strong" id={`${id}-${line.line_id}-name`}>{line.name}</p>
                  <p className="muted small">{line.sku} · {lineNote(line)}</p>
                  {line.returnable > 0 ? (
                    <div className="return-line-controls">
                      <div className="field">
                        <label htmlFor={`${id}-${line.line_id}-qty`}>Quantity to return</label>
                        <QuantityStepper id={`${id}-${line.line_id}-qty`} itemName={line.name} value={quantity} max={line.returnable}
                          onChange={(value) => { setQuantities((q) => ({ ...q, [line.line_id]: value })); setNothingChosen(false); }} />
                      </div>
                      <div className="field">
                        <label htmlFor={`${id}-${line.line_id}-reason`}>Reason</label>
                        <select id={`${id}-${line.line_id}-reason`} required={quantity > 0} disabled={quantity === 0} value={reasons[line.line_id] ?? ''}
                          onChange={(event) => setReasons((r) => ({ ...r, [line.line_id]: event.target.value }))}>
                          <option value="">Choose a reason</option>
                          {eligibility.reasons.map((reason) => <option key={reason} value={reason}>{humanize(reason)}</option>)}
                        </select>
                      </div>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <div className="field">
            <label htmlFor={`${id}-note`}>Anything else we should know? <span className="muted">(optional)</span></label>
            <textarea id={`${id}-note`} name="note" rows={3} maxLength={NOTE_LENGTH_MAX} />
          </div>
          {nothingChosen ? <p className="field-error" role="alert">Choose at least one item to return.</p> : null}
          <button type="submit" className="button button-primary button-block" disabled={busy}>{busy ? 'Sending…' : 'Request return'}</button>
        </form>
      )}
    </section>
  );
}
