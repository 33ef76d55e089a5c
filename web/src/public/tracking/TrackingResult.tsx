// What the customer came for: the order's state and each parcel with its journey.
import { forwardRef } from 'react';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { orderStatusLabel } from '../labels.ts';
import type { Tracking } from '../types.ts';
import { OrderProgress } from './OrderProgress.tsx';
import { ShipmentCard } from './ShipmentCard.tsx';

export const TrackingResult = forwardRef<HTMLHeadingElement, { tracking: Tracking }>(function TrackingResult({ tracking }, ref) {
  const { shipments, pickup } = tracking;
  const pickupPlace = pickup?.location;
  return (
    <section className="public-result" aria-labelledby="tracking-result-title">
      <div className="public-result-head">
        <h2 id="tracking-result-title" ref={ref} tabIndex={-1}>Order #{tracking.order_number}</h2>
        <StatusBadge status={tracking.status === 'canceled' ? 'canceled' : tracking.fulfillment_status} label={orderStatusLabel(tracking.status, tracking.fulfillment_status)} />
      </div>
      {tracking.status === 'canceled' ? <p>This order was canceled.</p> : <OrderProgress fulfillmentStatus={tracking.fulfillment_status} pickup={Boolean(pickup)} />}
      {pickup ? (
        <p className="notice" role="status">
          {pickup.ready ? `Your order is ready for pickup${pickupPlace ? ` at ${pickupPlace}` : ''}.` : `We are preparing your order for pickup${pickupPlace ? ` at ${pickupPlace}` : ''}. We will e-mail you when it is ready.`}
        </p>
      ) : null}
      {shipments.length === 0 && !pickup && tracking.status !== 'canceled' ? (
        <p className="notice">Nothing has shipped yet. We will e-mail you the tracking number as soon as your parcel leaves us.</p>
      ) : null}
      {shipments.map((shipment, i) => (
        <ShipmentCard key={shipment.tracking_number ?? `${shipment.carrier}-${shipment.shipped_at ?? i}`} shipment={shipment}
          title={shipments.length === 1 ? 'Your parcel' : `Parcel ${i + 1} of ${shipments.length}`} />
      ))}
    </section>
  );
});

