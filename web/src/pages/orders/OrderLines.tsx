// The order's lines with where each unit is held (or canceled), and the totals.
import type { Allocation, Order, OrderLine } from '../../api/types.ts';
import { formatMoney } from '../../format.ts';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

/** Allocations summed per location and status (an edit may add a second reservation at a location). */
function grouped(line: OrderLine): Allocation[] {
  const sums = new Map<string, Allocation>();
  for (const a of line.allocations) {
    const key = `${a.location}\u0000${a.status}`;
    const seen = sums.get(key);
    sums.set(key, seen ? { ...seen, quantity: seen.quantity + a.quantity } : { ...a });
  }
  return [...sums.values()];
}

function Allocations({ line }: { line: OrderLine }) {
  const canceled = line.canceled ?? 0;
  return (
    <ul className="allocations">
      {grouped(line).map((a) => <li key={`${a.location}-${a.status}`}>{a.location} × {a.quantity} <StatusBadge status={a.status} /></li>)}
      {line.backordered > 0 ? <li><StatusBadge status="on_hold" label={`${line.backordered} backordered`} /></li> : null}
      {canceled > 0 ? <li><StatusBadge status="canceled" label={`${canceled} canceled`} /></li> : null}
      {line.allocations.length === 0 && line.backordered === 0 && canceled === 0 ? <li className="muted">Released</li> : null}
    </ul>
  );
}

export function OrderLines({ order }: { order: Order }) {
  const money = (amount: number) => formatMoney(amount, order.currency);
  const totals = [
    ['Subtotal', order.subtotal], ['Discount', -order.discount_total], ['Shipping', order.shipping_total], ['Tax', order.tax_total],
  ] as const;
  return (
    <section className="card card-wide" aria-labelledby="lines-title">
      <h2 className="card-title" id="lines-title">Lines</h2>
      <TableWrap label="Order lines">
        <thead>
          <tr><th scope="col">SKU</th><th scope="col">Product</th><th scope="col" className="num">Qty</th><th scope="col" className="num">Unit price</th><th scope="col" className="num">Total</th><th scope="col">Allocated at</th></tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id}>
              <td className="mono">{line.sku}</td>
              <td>{line.name}</td>
              <td className="num">{line.quantity}</td>
              <td className="num">{money(line.unit_price)}</td>
              <td className="num">{money(line.total)}</td>
              <td><Allocations line={line} /></td>
            </tr>
          ))}
        </tbody>
      </TableWrap>
      <dl className="totals">
        {totals.filter(([, v]) => v !== 0).map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{money(value)}</dd></div>)}
        <div className="totals-grand"><dt>Total</dt><dd>{money(order.total)}</dd></div>
      </dl>
    </section>
  );
}
