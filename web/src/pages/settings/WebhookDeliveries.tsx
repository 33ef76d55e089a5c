// The latest deliveries to one webhook: what was sent, and how the endpoint answered.
import { useApi } from '../../api/useApi.ts';
import type { Page, WebhookDelivery } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

const DELIVERIES_SHOWN = 20;
const TONE: Record<WebhookDelivery['status'], string> = { pending: 'on_hold', delivered: 'active', failed: 'disabled' };

export function WebhookDeliveries({ webhookId, url }: { webhookId: string; url: string }) {
  const deliveries = useApi<Page<WebhookDelivery>>(`/v1/webhooks/${encodeURIComponent(webhookId)}/deliveries?limit=${DELIVERIES_SHOWN}`);
  return (
    <div aria-live="polite">
      {deliveries.loading ? <Loading label="Loading deliveries…" /> : null}
      {deliveries.error ? <ErrorState error={deliveries.error} onRetry={deliveries.reload} /> : null}
      {deliveries.data?.data.length === 0 ? <Empty title="Nothing sent yet.">Events matching its topics will appear here.</Empty> : null}
      {deliveries.data && deliveries.data.data.length > 0 ? (
        <TableWrap label={`Deliveries to ${url}`}>
          <thead><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col" className="num">Attempts</th><th scope="col">Last answer</th><th scope="col">Queued</th></tr></thead>
          <tbody>
            {deliveries.data.data.map((d) => (
              <tr key={d.id}>
                <td className="mono small">{d.topic}</td>
                <td><StatusBadge status={TONE[d.status]} label={d.status === 'pending' && d.next_attempt_at ? `Retry ${formatDateTime(d.next_attempt_at)}` : d.status} /></td>
                <td className="num">{d.attempts}</td>
                <td className="small">{d.last_status ? `HTTP ${d.last_status}` : null}{d.last_error ? ` ${d.last_error}` : null}{!d.last_status && !d.last_error ? '—' : null}</td>
                <td className="nowrap">{formatDateTime(d.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      ) : null}
    </div>
  );
}
