// The pick list in walking order: bin, SKU, name, quantity, picked, the orders a line
// serves and, while the wave is open, a count and a Confirm button per line.
import { useState } from 'react';
import type { PickLine } from '../../api/types.ts';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { FulfillmentBadge } from './FulfillmentBadge.tsx';

export interface PickListTableProps {
  lines: PickLine[];
  editable: boolean;
  busyLine: string | null;
  /** The line the last scan went to, marked in the table. */
  activeLine: string | null;
  onConfirm(line: PickLine, picked: number): void;
}

const where = (line: PickLine) => `${line.sku} at ${line.bin ?? 'no bin'}`;

function ConfirmCell({ line, busy, onConfirm }: { line: PickLine; busy: boolean; onConfirm(picked: number): void }) {
  const [count, setCount] = useState(String(line.quantity));
  const inputId = `found-${line.id}`;
  const valid = /^\d+$/.test(count) && Number(count) <= line.quantity;
  return (
    <form className="confirm-cell" onSubmit={(e) => { e.preventDefault(); if (valid) onConfirm(Number(count)); }}>
      <label htmlFor={inputId} className="sr-only">Units found of {where(line)}</label>
      <input id={inputId} type="number" min={0} max={line.quantity} step={1} inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} className="count-input" aria-invalid={!valid} />
      <button type="submit" className="button button-small" disabled={busy || !valid} aria-label={`Confirm ${where(line)}`}>{busy ? 'Saving…' : 'Confirm'}</button>
    </form>
  );
}

export function PickListTable({ lines, editable, busyLine, activeLine, onConfirm }: PickListTableProps) {
  return (
    <TableWrap label="Pick list">
      <thead>
        <tr>
          <th scope="col">Bin</th><th scope="col">SKU</th><th scope="col">Product</th>
          <th scope="col" className="num">Qty</th><th scope="col" className="num">Picked</th>
          <th scope="col">Orders</th><th scope="col">Status</th>
          {editable ? <th scope="col">Found</th> : null}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.id} className={line.id === activeLine ? 'row-active' : line.confirmed ? 'row-done' : undefined} aria-current={line.id === activeLine ? 'true' : undefined}>
            <td className="mono strong">{line.bin ?? <span className="muted">No bin</span>}</td>
            <td className="mono">{line.sku}{line.barcode ? <span className="block small muted">{line.barcode}</span> : null}</td>
            <td>{line.name}</td>
            <td className="num strong">{line.quantity}</td>
            <td className={`num ${line.picked < line.quantity && line.confirmed ? 'text-danger' : ''}`}>{line.picked}</td>
            <td className="small">{line.orders.map((o) => `#${o.order_number} × ${o.quantity}`).join(', ')}</td>
            <td>
              {line.confirmed
                ? <FulfillmentBadge status={line.picked < line.quantity ? 'exception' : 'completed'} label={line.picked < line.quantity ? 'Short' : 'Confirmed'} />
                : <FulfillmentBadge status={line.picked > 0 ? 'picking' : 'open'} label={line.picked > 0 ? 'In progress' : 'To pick'} />}
            </td>
            {editable ? (
              <td className="actions-cell">
                {line.confirmed ? null : <ConfirmCell line={line} busy={busyLine === line.id} onConfirm={(picked) => onConfirm(line, picked)} />}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </TableWrap>
  );
}
