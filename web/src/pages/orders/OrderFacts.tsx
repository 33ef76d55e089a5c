// Who ordered, where it goes, and how it came in.
import type { Address, Order } from '../../api/types.ts';
import { formatDateTime, humanize } from '../../format.ts';
import { Link } from '../../router/router.tsx';

function AddressLines({ address }: { address: Address }) {
  return (
    <address>
      {[address.name, address.line1, address.line2, `${address.postal_code} ${address.city}${address.region ? `, ${address.region}` : ''}`, address.country]
        .filter(Boolean).map((line) => <span key={line} className="block">{line}</span>)}
    </address>
  );
}

export function OrderFacts({ order }: { order: Order }) {
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 className="card-title" id="facts-title">Details</h2>
      <dl className="facts">
        <div><dt>Customer</dt><dd>{order.customer ? <Link to={`/customers/${order.customer.id}`}>{order.customer.name ?? order.customer.email}</Link> : 'Guest'}{order.customer?.name ? <span className="block muted">{order.customer.email}</span> : null}</dd></div>
        <div><dt>Channel</dt><dd>{order.channel}{order.external_id ? <span className="block muted">External id {order.external_id}</span> : null}</dd></div>
        <div><dt>Placed</dt><dd>{formatDateTime(order.created_at)}</dd></div>
        <div><dt>Delivery</dt><dd>{order.delivery.type === 'pickup' ? `Pickup at ${order.delivery.location}` : order.shipping ? `Ship · ${humanize(order.shipping.method)}` : 'Ship'}</dd></div>
        {order.shipping_address ? <div><dt>Ship to</dt><dd><AddressLines address={order.shipping_address} /></dd></div> : null}
        <div><dt>Payment</dt><dd>{humanize(order.payment_status)}</dd></div>
        {order.hold_reason ? <div><dt>Hold reason</dt><dd>{order.hold_reason}</dd></div> : null}
        {order.cancel_reason ? <div><dt>Cancel reason</dt><dd>{order.cancel_reason}</dd></div> : null}
        {order.note ? <div><dt>Note</dt><dd>{order.note}</dd></div> : null}
      </dl>
    </section>
  );
}
