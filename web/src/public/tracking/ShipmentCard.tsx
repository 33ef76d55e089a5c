// One parcel: carrier, tracking number, status and its journey, newest first.
import { formatDateTime } from '../../format.ts';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { carrierLabel, shipmentStatusLabel } from '../labels.ts';
import type { TrackedShipment } from '../types.ts';

export function ShipmentCard({ shipment, title }: { shipment: TrackedShipment; title: string }) {
  const events = [...shipment.events].sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
  return (
    <article className="public-card shipment" aria-label={title}>
      <div className="public-result-head">
        <h3>{title}</h3>
        <StatusBadge status={shipment.status} label={shipmentStatusLabel(shipment.status)} />
      </div>
      <dl className="facts facts-inline">
        <div><dt>Carrier</dt><dd>{carrierLabel(shipment.carrier, shipment.service)}</dd></div>
        {shipment.tracking_number ? <div><dt>Tracking number</dt><dd className="mono">{shipment.tracking_number}</dd></div> : null}
        <div><dt>Shipped</dt><dd>{formatDateTime(shipment.shipped_at)}</dd></div>
        {shipment.delivered_at ? <div><dt>{shipment.carrier === 'pickup' ? 'Picked up' : 'Delivered'}</dt><dd>{formatDateTime(shipment.delivered_at)}</dd></div> : null}
      </dl>
      {events.length > 0 ? (
        <>
          <h4 className="sr-only">Journey of {title.toLowerCase()}</h4>
          <ol className="timeline">
            {events.map((event, i) => (
              <li key={`${event.occurred_at}-${i}`}>
                <p className="timeline-type">{shipmentStatusLabel(event.status)}</p>
                {event.description ? <p className="timeline-detail">{event.description}</p> : null}
                <p className="muted small">
                  <time dateTime={event.occurred_at}>{formatDateTime(event.occurred_at)}</time>
                  {event.place ? ` · ${event.place}` : null}
                </p>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </article>
  );
}
