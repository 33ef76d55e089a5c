// The orders behind one dashboard number (/reports/stages/:stage), oldest first.
import { query } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { Stage, StageOrders } from '../../api/types.ts';
import { formatCount, formatDateTime, humanize } from '../../format.ts';
import { Link, useLocation } from '../../router/router.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { STAGE_INFO, stageListHref } from './stages.ts';

const PAGE_SIZE = 50;
const isStage = (value: string): value is Stage => Object.hasOwn(STAGE_INFO, value);

function StageOrdersList({ stage }: { stage: Stage }) {
  const { search } = useLocation();
  const cursor = search.get('cursor') ?? '';
  const info = STAGE_INFO[stage];
  const orders = useApi<StageOrders>(`/v1/reports/stages/${stage}${query({ cursor, limit: PAGE_SIZE })}`);
  const rows = orders.data?.data ?? [];
  return (
    <>
      <p className="breadcrumb"><Link to="/">Dashboard</Link></p>
      <PageHeader title={`${info.label}`} subtitle={`Orders ${stage === 'late' && orders.data ? `not shipped ${orders.data.late_after_hours} hours after ordering` : info.note}, oldest first.`}
        actions={info.work ? <Link className="button" to={info.work.to}>{info.work.label}</Link> : undefined} />
      <div aria-live="polite" aria-busy={orders.loading}>
        {orders.loading ? <Loading label="Loading orders…" /> : null}
        {orders.error ? <ErrorState error={orders.error} onRetry={orders.reload} /> : null}
        {orders.data && rows.length === 0 ? <Empty title="No order is waiting here.">{cursor ? <Link to={stageListHref(stage)}>Back to the first page</Link> : null}</Empty> : null}
      </div>
      {rows.length > 0 ? (
        <>
          <TableWrap label={`Orders: ${info.label.toLowerCase()}`}>
            <thead><tr><th scope="col">Order</th><th scope="col">Channel</th><th scope="col">Status</th><th scope="col">Placed</th><th scope="col" className="num">Waiting</th><th scope="col">Fulfillment</th></tr></thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id}>
                  <td><Link to={`/orders/${encodeURIComponent(o.number)}`} className="strong">#{o.number}</Link></td>
                  <td>{o.channel}</td>
                  <td><StatusBadge status={o.status} /></td>
                  <td className="nowrap">{formatDateTime(o.created_at)}</td>
                  <td className="num nowrap">{formatCount(o.waiting_hours)} h</td>
                  <td>{o.fulfillment_orders.length > 0 ? o.fulfillment_orders.map((f) => `${f.location}: ${humanize(f.status)}`).join(', ') : <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </TableWrap>
          <Pager shown={rows.length} nextHref={orders.data?.next_cursor ? `${stageListHref(stage)}${query({ cursor: orders.data.next_cursor })}` : null} firstHref={cursor ? stageListHref(stage) : null} />
        </>
      ) : null}
    </>
  );
}

export function StageOrdersPage({ params }: { params: Record<string, string> }) {
  const stage = params.stage ?? '';
  return isStage(stage) ? <StageOrdersList stage={stage} /> : <NotFoundPage />;
}
