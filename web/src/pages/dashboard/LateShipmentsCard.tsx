// The orders waiting longest for their shipment, oldest first.
import { useApi } from '../../api/useApi.ts';
import type { StageOrders } from '../../api/types.ts';
import { formatCount, formatDateTime, humanize } from '../../format.ts';
import { Link } from '../../router/router.tsx';
import { ErrorState, Loading } from '../../ui/States.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { Card } from './Card.tsx';
import { stageListHref } from './stages.ts';

const SHOWN = 5;

export function LateShipmentsCard() {
  const late = useApi<StageOrders>(`/v1/reports/stages/late?limit=${SHOWN}`);
  const rows = late.data?.data ?? [];
  return (
    <Card title="Late shipments">
      {late.loading ? <Loading label="Loading late shipments…" /> : null}
      {late.error ? <ErrorState error={late.error} onRetry={late.reload} /> : null}
      {late.data && rows.length === 0 ? <p className="muted">Nothing is late: every order placed over {late.data.late_after_hours} hours ago has shipped.</p> : null}
      {rows.length > 0 ? (
        <>
          <TableWrap label="Late shipments, oldest first">
            <thead><tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col" className="num">Waiting</th><th scope="col">Where</th></tr></thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id}>
                  <td><Link to={`/orders/${encodeURIComponent(o.number)}`}>#{o.number}</Link></td>
                  <td className="nowrap">{formatDateTime(o.created_at)}</td>
                  <td className="num nowrap">{formatCount(o.waiting_hours)} h</td>
                  <td>{o.fulfillment_orders.map((f) => `${f.location}: ${humanize(f.status)}`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </TableWrap>
          {late.data?.next_cursor ? <p className="muted"><Link to={stageListHref('late')}>All late shipments</Link></p> : null}
        </>
      ) : null}
    </Card>
  );
}
