// The shipments a fulfillment order has left in: tracking number, label and status.
import { useEffect, useRef } from 'react';
import { query } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { Page, Shipment } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import { Link } from '../../router/router.tsx';
import { ErrorState, Loading } from '../../ui/States.tsx';
import { FulfillmentBadge } from './FulfillmentBadge.tsx';
import { shipmentHref } from './paths.ts';

export interface FoShipmentsProps {
  orderId: string; fulfillmentOrderId: string; version: number;
  /** A shipment just made: the section's heading takes the focus once it is listed. */
  focusOn: string | null;
}

export function FoShipments({ orderId, fulfillmentOrderId, version, focusOn }: FoShipmentsProps) {
  const shipments = useApi<Page<Shipment>>(`/v1/shipments${query({ order: orderId, limit: 100 })}`, version);
  const mine = (shipments.data?.data ?? []).filter((s) => s.fulfillment_order_id === fulfillmentOrderId);
  const heading = useRef<HTMLHeadingElement>(null);
  const listed = focusOn !== null && mine.some((s) => s.id === focusOn);
  useEffect(() => { if (listed) heading.current?.focus(); }, [listed]);
  if (shipments.data && mine.length === 0) return null;
  return (
    <section className="card" aria-labelledby="fo-shipments-title">
      <h2 className="card-title" id="fo-shipments-title" ref={heading} tabIndex={-1}>Shipped</h2>
      {shipments.loading ? <Loading label="Loading shipments…" /> : null}
      {shipments.error ? <ErrorState error={shipments.error} onRetry={shipments.reload} /> : null}
      <ul className="plain-list">
        {mine.map((s) => (
          <li key={s.id} className="shipment-row">
            <span>
              <span className="muted small block">{s.service_name ?? s.carrier} · {formatDateTime(s.shipped_at)}</span>
              Tracking number <strong className="mono tracking-number">{s.tracking_number ?? '—'}</strong>
            </span>
            <FulfillmentBadge status={s.status} />
            <span className="button-row">
              {s.label_url ? <a className="button button-small" href={s.label_url} target="_blank" rel="noopener">Print label</a> : null}
              <Link className="button button-small button-quiet" to={shipmentHref(s.id)}>Shipment details</Link>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
