// Sales channels: where orders come from.
import { useApi } from '../../api/useApi.ts';
import type { Channel, Page } from '../../api/types.ts';
import { formatDate, humanize } from '../../format.ts';
import { Link } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { useSession } from '../../auth/session.tsx';
import { ChannelForm } from './ChannelForm.tsx';

export function ChannelsPage() {
  const { can } = useSession();
  const canEdit = can('settings:write');
  const channels = useApi<Page<Channel>>('/v1/channels');
  return (
    <>
      <PageHeader title="Channels" subtitle="Each order arrives through one channel." />
      {canEdit ? <ChannelForm collapsed onSaved={() => channels.reload()} /> : null}
      {channels.loading ? <Loading label="Loading channels…" /> : null}
      {channels.error ? <ErrorState error={channels.error} onRetry={channels.reload} /> : null}
      {channels.data && channels.data.data.length === 0 ? <Empty title="No channels yet.">{canEdit ? 'Add one with “New channel” above.' : null}</Empty> : null}
      {channels.data && channels.data.data.length > 0 ? (
        <TableWrap label="Channels">
          <thead><tr><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Capture</th><th scope="col">Since</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {channels.data.data.map((c) => (
              <tr key={c.id}>
                <td className="mono">{c.code}</td>
                <td>{c.name}</td>
                <td>{humanize(c.kind)}</td>
                <td>{c.capture_mode === 'immediate' ? 'At once' : 'On shipment'}</td>
                <td>{formatDate(c.created_at)}</td>
                <td className="actions-cell">
                  <div className="button-row">
                    <Link to={`/orders?channel=${encodeURIComponent(c.code)}`} aria-label={`Orders from ${c.name}`}>Orders</Link>
                    {canEdit ? <Link to={`/channels/${encodeURIComponent(c.code)}/edit`} aria-label={`Edit ${c.name}`}>Edit</Link> : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      ) : null}
    </>
  );
}
