// One order: status and actions, then lines, fulfillment, shipments, money and returns
// beside the facts, holds and the timeline.
import { useState } from 'react';
import { useApi } from '../../api/useApi.ts';
import type { Order } from '../../api/types.ts';
import { Link, useLocation } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState, Loading } from '../../ui/States.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { OrderActions } from './OrderActions.tsx';
import { OrderFacts } from './OrderFacts.tsx';
import { OrderFulfillment } from './OrderFulfillment.tsx';
import { OrderHolds } from './OrderHolds.tsx';
import { OrderLines } from './OrderLines.tsx';
import { OrderPayments } from './OrderPayments.tsx';
import { OrderReturns } from './OrderReturns.tsx';
import { OrderShipments } from './OrderShipments.tsx';
import { OrderTimeline } from './OrderTimeline.tsx';
import './after-sales.css';

export function OrderDetailPage({ params }: { params: Record<string, string> }) {
  const ref = params.order ?? '';
  const { search } = useLocation();
  const loaded = useApi<Order>(`/v1/orders/${encodeURIComponent(ref)}`);
  // An action that answers the order shows it at once; one that does not (a refund)
  // reloads it. `revision` refreshes the timeline after either.
  const [updated, setUpdated] = useState<Order | null>(null);
  const [revision, setRevision] = useState(0);
  const order = updated ?? loaded.data;
  const onChanged = (next?: Order) => {
    setRevision((r) => r + 1);
    if (next) setUpdated(next);
    else { setUpdated(null); loaded.reload(); }
  };
  const edited = search.get('edited');

  return (
    <>
      <p className="breadcrumb"><Link to="/orders">Orders</Link></p>
      <PageHeader
        title={order ? `Order #${order.number}` : `Order ${ref}`}
        subtitle={order ? (
          <span className="badges">
            <StatusBadge status={order.status} />
            <StatusBadge status={order.fulfillment_status} />
            <StatusBadge status={order.payment_status} label={`Payment ${order.payment_status.replace('_', ' ')}`} />
          </span>
        ) : null}
      />
      {loaded.loading && !order ? <Loading label="Loading the order…" /> : null}
      {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : null}
      {order ? (
        <>
          {edited ? <p className="notice notice-success" role="status">The edit is saved: the order is now at version {edited}.</p> : null}
          <OrderActions order={order} onChanged={onChanged} />
          <div className="order-layout">
            <div className="order-main">
              <OrderLines order={order} />
              <OrderFulfillment order={order} />
              <OrderShipments order={order} />
              <OrderPayments order={order} />
              <OrderReturns order={order} />
            </div>
            <div className="order-side">
              <OrderHolds order={order} onChanged={onChanged} />
              <OrderFacts order={order} />
              <OrderTimeline orderId={order.id} currency={order.currency} version={`${order.updated_at}/${revision}`} />
            </div>
          </div>
        </>
      ) : null}
    </>
  );
}
