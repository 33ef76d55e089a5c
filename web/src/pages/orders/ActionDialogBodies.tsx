// What the hold, release and cancel dialogs ask and explain before anything is sent.
import type { Order } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import { activeHolds, anyShipped, shippedUnits, unshippedUnits } from './order-facts.ts';
import { STAFF_HOLD_TYPES, holdTypeLabel } from './labels.ts';

function ReasonField({ label = 'Reason', required = true }: { label?: string; required?: boolean }) {
  return (
    <div className="field">
      <label htmlFor="action-reason">{label}</label>
      <textarea id="action-reason" name="reason" required={required} maxLength={500} rows={3} />
    </div>
  );
}

/** Hold: which kind (one active hold per kind) and why. */
export function HoldFields({ order }: { order: Order }) {
  const active = new Set(activeHolds(order).map((h) => h.type));
  const first = STAFF_HOLD_TYPES.find((t) => !active.has(t)) ?? 'manual';
  return (
    <>
      <p>A held order keeps its reserved stock but is not worked on until every hold is released.</p>
      <div className="field">
        <label htmlFor="action-hold-type">Hold type</label>
        <select id="action-hold-type" name="type" defaultValue={first}>
          {STAFF_HOLD_TYPES.map((type) => (
            <option key={type} value={type} disabled={active.has(type)}>{holdTypeLabel(type)}{active.has(type) ? ' (already on)' : ''}</option>
          ))}
        </select>
      </div>
      <ReasonField />
    </>
  );
}

/** Release: every active hold goes (one at a time from the Holds card when there are several). */
export function ReleaseSummary({ order }: { order: Order }) {
  const holds = activeHolds(order);
  return (
    <>
      <p>The order goes back to open and can be fulfilled.</p>
      {holds.length > 1 ? (
        <>
          <p>These {holds.length} holds are lifted:</p>
          <ul className="plain-list">
            {holds.map((h) => <li key={h.id}><strong>{holdTypeLabel(h.type)}</strong>{h.reason ? ` · ${h.reason}` : ''} <span className="muted">since {formatDateTime(h.created_at)}</span></li>)}
          </ul>
        </>
      ) : null}
      <ReasonField label="Note (optional)" required={false} />
    </>
  );
}

/** Cancel: everything, or after a partial shipment only what has not shipped — listed. */
export function CancelSummary({ order }: { order: Order }) {
  if (!anyShipped(order)) {
    return (<><p>Every reservation is released. This cannot be undone.</p><ReasonField /></>);
  }
  const left = unshippedUnits(order);
  const shipped = order.lines.reduce((n, l) => n + shippedUnits(l), 0);
  return (
    <>
      <p>{shipped} {shipped === 1 ? 'unit has' : 'units have'} already shipped and stay on the order. Only what has not shipped is canceled:</p>
      <ul className="plain-list">
        {left.map(({ line, units }) => <li key={line.id}><span className="mono">{line.sku}</span> {line.name} × {units}</li>)}
      </ul>
      <p>The totals shrink to what shipped; reserved stock is released. This cannot be undone.</p>
      <ReasonField />
    </>
  );
}
