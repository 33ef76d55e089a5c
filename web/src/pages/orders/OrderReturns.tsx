// The order's returns: number, status, what is coming back and what was refunded.
import type { Order } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { formatDate, formatMoney } from '../../format.ts';
import { Link } from '../../router/router.tsx';
import { ReturnStatusBadge } from '../returns/ReturnStatusBadge.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

export function OrderReturns({ order }: { order: Order }) {
  const { can } = useSession();
  const returns = order.returns ?? [];
  if (returns.length === 0) return null;
  const linked = can('returns:read');
  return (
    <section className="card" aria-labelledby="returns-title">
      <div className="section-head">
        <h2 className="card-title" id="returns-title">Returns</h2>
        {linked ? <Link to={`/returns?order=${encodeURIComponent(order.number)}`} className="small">In the returns list</Link> : null}
      </div>
      <TableWrap label="Returns of this order">
        <thead><tr><th scope="col">Return</th><th scope="col">Status</th><th scope="col">Items</th><th scope="col" className="num">Refund</th><th scope="col">Requested</th></tr></thead>
        <tbody>
          {returns.map((r) => (
            <tr key={r.id}>
              <td>{linked ? <Link to={`/returns/${r.number}`} className="strong">#{r.number}</Link> : `#${r.number}`}
                {r.exchange_order ? <span className="block small">Exchange <Link to={`/orders/${r.exchange_order.number}`}>#{r.exchange_order.number}</Link></span> : null}</td>
              <td><ReturnStatusBadge status={r.status} /></td>
              <td>{r.items.map((i) => `${i.sku} × ${i.quantity}`).join(', ')}</td>
              <td className="num">{r.refund_amount !== null ? formatMoney(r.refund_amount, order.currency) : '—'}</td>
              <td className="nowrap">{formatDate(r.created_at)}</td>
            </tr>
          ))}
        </tbody>
      </TableWrap>
    </section>
  );
}
