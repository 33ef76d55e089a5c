// One page of orders as a table; the number links to the order.
import type { Order } from '../../api/types.ts';
import { formatDateTime, formatMoney } from '../../format.ts';
import { Link } from '../../router/router.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

export function OrdersTable({ orders }: { orders: Order[] }) {
  return (
    <TableWrap label="Orders">
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">Placed</th>
          <th scope="col">Customer</th>
          <th scope="col">Channel</th>
          <th scope="col">Status</th>
          <th scope="col">Fulfillment</th>
          <th scope="col" className="num">Items</th>
          <th scope="col" className="num">Total</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr key={order.id}>
            <td><Link to={`/orders/${order.number}`} className="strong">#{order.number}</Link>{order.external_id ? <div className="muted small">{order.external_id}</div> : null}</td>
            <td className="nowrap">{formatDateTime(order.created_at)}</td>
            <td>{order.customer ? <>{order.customer.name ?? order.customer.email}<div className="muted small">{order.customer.name ? order.customer.email : null}</div></> : <span className="muted">Guest</span>}</td>
            <td>{order.channel}</td>
            <td><StatusBadge status={order.status} /></td>
            <td><StatusBadge status={order.fulfillment_status} /></td>
            <td className="num">{order.lines.reduce((n, l) => n + l.quantity, 0)}</td>
            <td className="num nowrap">{formatMoney(order.total, order.currency)}</td>
          </tr>
        ))}
      </tbody>
    </TableWrap>
  );
}
