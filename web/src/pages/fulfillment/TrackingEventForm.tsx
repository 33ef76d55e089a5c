// Record what the carrier reported for a shipment (when no carrier webhook does it).
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { Shipment } from '../../api/types.ts';
import { humanize } from '../../format.ts';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';
import { fromLocalInput } from './format.ts';
import { useCommand } from './useCommand.ts';

export const TRACKING_EVENT_STATUSES = ['in_transit', 'out_for_delivery', 'delivered', 'exception'] as const;

export function TrackingEventForm({ shipment, onRecorded }: { shipment: Shipment; onRecorded(shipment: Shipment): void }) {
  const id = useId();
  const command = useCommand();
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const occurredAt = fromLocalInput(text('occurred_at'));
    setDone(null);
    const next = await command.run(() => api<Shipment>('POST', `/v1/shipments/${encodeURIComponent(shipment.id)}/events`, {
      status: text('status'),
      ...(occurredAt ? { occurred_at: occurredAt } : {}),
      ...(text('description') ? { description: text('description') } : {}),
      ...(text('place') ? { place: text('place') } : {}),
    }));
    if (next) {
      form.reset();
      setDone(next.status === shipment.status ? `Event recorded; the status stays ${humanize(next.status).toLowerCase()}.` : `Event recorded; the shipment is now ${humanize(next.status).toLowerCase()}.`);
      onRecorded(next);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 className="card-title" id={`${id}-title`}>Add a tracking event</h2>
      <form className="form-grid" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} name="status" required defaultValue="in_transit">
            {TRACKING_EVENT_STATUSES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-at`}>When <span className="muted">(optional)</span></label>
          <input id={`${id}-at`} name="occurred_at" type="datetime-local" aria-describedby={`${id}-at-hint`} />
          <p className="field-hint" id={`${id}-at-hint`}>Empty: now.</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-place`}>Place <span className="muted">(optional)</span></label>
          <input id={`${id}-place`} name="place" maxLength={200} />
        </div>
        <div className="field field-wide">
          <label htmlFor={`${id}-description`}>Description <span className="muted">(optional)</span></label>
          <input id={`${id}-description`} name="description" maxLength={500} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={command.busy}>{command.busy ? 'Saving…' : 'Add event'}</button>
        </div>
      </form>
      {done ? <p className="notice notice-success" role="status">{done}</p> : null}
      {command.error ? <ProblemMessage error={command.error} onDismiss={command.clear} /> : null}
    </section>
  );
}
