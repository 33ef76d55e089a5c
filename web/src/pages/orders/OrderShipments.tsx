// Shipments and counter pickups: carrier, tracking number, status and, for staff who may
// read fulfillment, the carrier's tracking events.
import { useApi } from '../../api/useApi.ts';
import type { Order, OrderShipment, Page, Shipment } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { formatDateTime, humanize } from '../../format.ts';
import { Link } from '../../router/router.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';

function TrackingEvents({ shipment }: { shipment: Shipment | undefined }) {
  if (!shipment || shipment.events.length === 0) return null;
  return (
    <details className="disclosure">
      <summary>Tracking events ({shipment.events.length})</summary>
      <ol className="event-list">
        {shipment.events.map((e, i) => (
          <li key={`${e.occurred_at}-${i}`}>
            <strong>{humanize(e.status)}</strong>{e.place ? ` · ${e.place}` : ''}{e.description ? ` · ${e.description}` : ''}
            <span className="block muted small"><time dateTime={e.occurred_at}>{formatDateTime(e.occurred_at)}</time></span>
          </li>
        ))}
      </ol>
    </details>
  );
}

function ShipmentEntry({ shipment, detail, linked }: { shipment: OrderShipment; detail: Shipment | undefined; linked: boolean }) {
  const pickup = shipment.status === 'picked_up' && !shipment.tracking_number;
  return (
    <article className="sub-card" aria-label={`Shipment ${shipment.tracking_number ?? shipment.id}`}>
      <header className="sub-card-head">
        <p><strong>{pickup ? 'Counter pickup' : `${detail?.service_name ?? shipment.service ?? humanize(shipment.carrier)}`}</strong>
          {shipment.tracking_number ? <span className="block small">Tracking <span className="mono">{shipment.tracking_number}</span></span> : null}</p>
        <StatusBadge status={shipment.status} />
      </header>
      <p className="small muted">
        {detail ? `From ${detail.location} · ` : ''}Shipped {formatDateTime(shipment.shipped_at)}{shipment.delivered_at ? ` · Delivered ${formatDateTime(shipment.delivered_at)}` : ''}
      </p>
      <p className="small">{shipment.items.map((i) => `${i.sku} × ${i.quantity}`).join(', ')}</p>
      <TrackingEvents shipment={detail} />
      {linked ? <Link to={`/fulfillment/shipments/${encodeURIComponent(shipment.id)}`} className="small">Shipment details</Link> : null}
    </article>
  );
}

export function OrderShipments({ order }: { order: Order }) {
  const { can } = useSession();
  const shipments = order.shipments ?? [];
  // The order view lists shipments without their events; the shipments API has them.
  const details = useApi<Page<Shipment>>(can('fulfillment:read') && shipments.length > 0 ? `/v1/shipments?order=${encodeURIComponent(order.id)}&limit=200` : null, order.updated_at);
  const byId = new Map((details.data?.data ?? []).map((s) => [s.id, s]));
  return (
    <section className="card" aria-labelledby="shipments-title">
      <h2 className="card-title" id="shipments-title">Shipments</h2>
      {shipments.length === 0 ? <p className="muted">Nothing has shipped yet.</p> : null}
      <div className="stack">
        {shipments.map((s) => <ShipmentEntry key={s.id} shipment={s} detail={byId.get(s.id)} linked={can('fulfillment:read')} />)}
      </div>
    </section>
  );
}
