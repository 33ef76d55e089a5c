// Fulfillment orders: which location ships (or hands over) which units, and how far it got.
import type { Order } from '../../api/types.ts';
import { humanize } from '../../format.ts';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

export function OrderFulfillment({ order }: { order: Order }) {
  const fulfillmentOrders = order.fulfillment_orders ?? [];
  return (
    <section className="card" aria-labelledby="fulfillment-title">
      <h2 className="card-title" id="fulfillment-title">Fulfillment</h2>
      {fulfillmentOrders.length === 0 ? <p className="muted">No fulfillment orders: nothing is reserved at a location.</p> : null}
      <div className="stack">
        {fulfillmentOrders.map((fo) => (
          <article key={fo.id} className="sub-card" aria-label={`Fulfillment from ${fo.location}`}>
            <header className="sub-card-head">
              <p><strong>{fo.location}</strong> <span className="muted">· {fo.delivery_type === 'pickup' ? 'Pickup at the store' : 'Ship'}</span></p>
              <StatusBadge status={fo.status} />
            </header>
            <TableWrap label={`Units from ${fo.location}`}>
              <thead><tr><th scope="col">SKU</th><th scope="col" className="num">Qty</th><th scope="col" className="num">Picked</th><th scope="col">Status</th></tr></thead>
              <tbody>
                {fo.lines.map((line) => (
                  <tr key={line.allocation_id}>
                    <td className="mono">{line.sku}</td>
                    <td className="num">{line.quantity}</td>
                    <td className="num">{line.picked}</td>
                    <td>{humanize(line.status)}</td>
                  </tr>
                ))}
              </tbody>
            </TableWrap>
          </article>
        ))}
      </div>
    </section>
  );
}
