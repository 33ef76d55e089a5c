// One order: status, actions, lines with allocations, facts and the timeline.
import { useState } from 'react';
import { useApi } from '../../api/useApi.ts';
import type { Order } from '../../api/types.ts';
import { Link } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState, Loading } from '../../ui/States.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { OrderActions } from './OrderActions.tsx';
import { OrderFacts } from './OrderFacts.tsx';
import { OrderLines } from './OrderLines.tsx';
import { OrderTimeline } from './OrderTimeline.tsx';

export function OrderDetailPage({ params }: { params: Record<string, string> }) {
  const ref = params.order ?? '';
  const loaded = useApi<Order>(`/v1/orders/${encodeURIComponent(ref)}`);
  // An action answers the updated order; show it at once, then keep it until a reload.
  const [updated, setUpdated] = useState<Order | null>(null);
  const order = updated && loaded.data && updated.updated_at >= loaded.data.updated_at ? updated : loaded.data;

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
      {loaded.loading ? <Loading label="Loading the order…" /> : null}
      {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : null}
      {order ? (
        <>
          <OrderActions order={order} onChanged={(next) => { if (next) setUpdated(next); else loaded.reload(); }} />
          <div className="order-layout">
            <div className="order-main">
              <OrderLines order={order} />
            </div>
            <div className="order-side">
              <OrderFacts order={order} />
              <OrderTimeline orderId={order.id} version={order.updated_at} />
            </div>
          </div>
        </>
      ) : null}
    </>
  );
}
