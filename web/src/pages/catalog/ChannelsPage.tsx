// Sales channels: where orders come from.
import { useApi } from '../../api/useApi.ts';
import type { Channel, Page } from '../../api/types.ts';
import { formatDate, humanize } from '../../format.ts';
import { Link } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

export function ChannelsPage() {
  const channels = useApi<Page<Channel>>('/v1/channels');
  return (
    <>
      <PageHeader title="Channels" subtitle="Each order arrives through one channel." />
      {channels.loading ? <Loading label="Loading channels…" /> : null}
      {channels.error ? <ErrorState error={channels.error} onRetry={channels.reload} /> : null}
      {channels.data && channels.data.data.length === 0 ? <Empty title="No channels yet.">Create channels through the API (POST /v1/channels).</Empty> : null}
      {channels.data && channels.data.data.length > 0 ? (
        <TableWrap label="Channels">
          <thead><tr><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Since</th><th scope="col"><span className="sr-only">Orders</span></th></tr></thead>
          <tbody>
            {channels.data.data.map((c) => (
              <tr key={c.id}>
                <td className="mono">{c.code}</td>
                <td>{c.name}</td>
                <td>{humanize(c.kind)}</td>
                <td>{formatDate(c.created_at)}</td>
                <td><Link to={`/orders?channel=${encodeURIComponent(c.code)}`} aria-label={`Orders from ${c.name}`}>Orders</Link></td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      ) : null}
    </>
  );
}
