// One shipment: tracking number, service, label, contents, its tracking events (newest
// first) and the form to add one.
import { useState } from 'react';
import { useApi } from '../../api/useApi.ts';
import type { Shipment } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { formatDateTime, formatMoney, humanize } from '../../format.ts';
import { Link } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { FulfillmentBadge } from './FulfillmentBadge.tsx';
import { FULFILLMENT_PATHS, orderHref } from './paths.ts';
import { TrackingEventForm } from './TrackingEventForm.tsx';
import './fulfillment.css';

const FINAL = new Set(['delivered', 'picked_up']);

function Facts({ shipment }: { shipment: Shipment }) {
  return (
    <section className="card" aria-labelledby="shipment-facts-title">
      <h2 className="card-title" id="shipment-facts-title">Details</h2>
      <dl className="facts">
        <div><dt>Tracking number</dt><dd className="mono tracking-number">{shipment.tracking_number ?? '—'}</dd></div>
        <div><dt>Order</dt><dd><Link to={orderHref(shipment.order.number)}>#{shipment.order.number}</Link></dd></div>
        <div><dt>Service</dt><dd>{shipment.service_name ?? humanize(shipment.carrier)}{shipment.service ? <span className="muted"> ({shipment.service})</span> : null}</dd></div>
        <div><dt>From</dt><dd>{shipment.location}</dd></div>
        <div><dt>Cost</dt><dd>{shipment.cost !== null && shipment.currency ? formatMoney(shipment.cost, shipment.currency) : '—'}</dd></div>
        <div><dt>Shipped</dt><dd>{formatDateTime(shipment.shipped_at)}</dd></div>
        {shipment.delivered_at ? <div><dt>Delivered</dt><dd>{formatDateTime(shipment.delivered_at)}</dd></div> : null}
        <div><dt>Contents</dt><dd>{shipment.items.map((i) => `${i.sku} × ${i.quantity}`).join(', ')}</dd></div>
        <div><dt>Packages</dt><dd>{shipment.packages.length}</dd></div>
      </dl>
    </section>
  );
}

function Events({ shipment }: { shipment: Shipment }) {
  const events = [...shipment.events].sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
  return (
    <section className="card" aria-labelledby="shipment-events-title">
      <h2 className="card-title" id="shipment-events-title">Tracking events</h2>
      {events.length === 0 ? <Empty title="No events yet." /> : (
        <ol className="timeline">
          {events.map((e, i) => (
            <li key={`${e.occurred_at}-${e.status}-${i}`}>
              <p className="timeline-type">{humanize(e.status)}</p>
              {e.description || e.place ? <p className="timeline-detail">{[e.description, e.place].filter(Boolean).join(' · ')}</p> : null}
              <p className="muted small"><time dateTime={e.occurred_at}>{formatDateTime(e.occurred_at)}</time></p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function ShipmentDetailPage({ params }: { params: Record<string, string> }) {
  const id = params.shipment ?? '';
  const { can } = useSession();
  const loaded = useApi<Shipment>(`/v1/shipments/${encodeURIComponent(id)}`);
  const [updated, setUpdated] = useState<Shipment | null>(null);
  const shipment = updated ?? loaded.data;

  return (
    <>
      <p className="breadcrumb"><Link to={FULFILLMENT_PATHS.shipments}>Shipments</Link></p>
      <PageHeader
        title={shipment ? (shipment.tracking_number ? `Shipment ${shipment.tracking_number}` : `Shipment of order #${shipment.order.number}`) : 'Shipment'}
        subtitle={shipment ? <FulfillmentBadge status={shipment.status} /> : null}
        actions={shipment?.label_url ? <a className="button" href={shipment.label_url} target="_blank" rel="noopener">Print label</a> : null}
      />
      {loaded.loading ? <Loading label="Loading the shipment…" /> : null}
      {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : null}
      {shipment ? (
        <div className="order-layout">
          <div className="order-main">
            <Events shipment={shipment} />
            {can('fulfillment:write') && !FINAL.has(shipment.status) ? <TrackingEventForm shipment={shipment} onRecorded={setUpdated} /> : null}
          </div>
          <div className="order-side"><Facts shipment={shipment} /></div>
        </div>
      ) : null}
    </>
  );
}
