// The returns list: newest first, filtered by status (and order) through the URL, so a
// filtered list can be shared and Back works.
import { useApi } from '../../api/useApi.ts';
import type { Page, Return } from '../../api/types.ts';
import { formatDate, humanize } from '../../format.ts';
import { Link, useLocation } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { ReturnStatusBadge } from './ReturnStatusBadge.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { RETURN_STATUSES, apiPath, filterFromSearch, listHref, returnHref, type ReturnFilter } from './paths.ts';
import '../orders/after-sales.css';

function StatusFilter({ filter }: { filter: ReturnFilter }) {
  const options = ['', ...RETURN_STATUSES];
  return (
    <nav className="segmented" aria-label="Filter by status">
      {options.map((status) => (
        <Link key={status || 'all'} className="segment" to={listHref({ status, order: filter.order })} aria-current={filter.status === status ? 'page' : undefined}>
          {status ? humanize(status) : 'All'}
        </Link>
      ))}
    </nav>
  );
}

function ReturnsTable({ returns }: { returns: Return[] }) {
  return (
    <TableWrap label="Returns">
      <thead><tr><th scope="col">Return</th><th scope="col">Order</th><th scope="col">Status</th><th scope="col">Items</th><th scope="col">From</th><th scope="col">Requested</th></tr></thead>
      <tbody>
        {returns.map((r) => (
          <tr key={r.id}>
            <td><Link to={returnHref(r.number)} className="strong">#{r.number}</Link></td>
            <td><Link to={`/orders/${encodeURIComponent(r.order.number)}`}>#{r.order.number}</Link></td>
            <td><ReturnStatusBadge status={r.status} /></td>
            <td>{r.items.map((i) => `${i.sku} × ${i.quantity}`).join(', ')}</td>
            <td>{r.source === 'customer' ? 'Customer' : 'Staff'}</td>
            <td className="nowrap">{formatDate(r.created_at)}</td>
          </tr>
        ))}
      </tbody>
    </TableWrap>
  );
}

export function ReturnsPage() {
  const { search } = useLocation();
  const filter = filterFromSearch(search);
  const returns = useApi<Page<Return>>(apiPath(filter));
  const filtered = filter.status !== '' || filter.order !== '';
  return (
    <>
      <PageHeader title="Returns" subtitle={filter.order ? <>Returns of order <Link to={`/orders/${encodeURIComponent(filter.order)}`}>#{filter.order}</Link> · <Link to={listHref({ status: filter.status })}>all orders</Link></> : 'Approve, receive and refund what customers send back.'} />
      <div className="toolbar"><StatusFilter filter={filter} /></div>
      <div aria-live="polite" aria-busy={returns.loading}>
        {returns.loading ? <Loading label="Loading returns…" /> : null}
        {returns.error ? <ErrorState error={returns.error} onRetry={returns.reload} /> : null}
        {returns.data && returns.data.data.length === 0 ? (
          <Empty title={filtered ? 'No returns match this filter.' : 'No returns yet.'}>
            {filtered ? <Link to="/returns">Show every return</Link> : 'Returns are opened from an order, or by customers on the returns page.'}
          </Empty>
        ) : null}
      </div>
      {returns.data && returns.data.data.length > 0 ? (
        <>
          <ReturnsTable returns={returns.data.data} />
          <Pager shown={returns.data.data.length}
            nextHref={returns.data.next_cursor ? listHref({ ...filter, cursor: returns.data.next_cursor }) : null}
            firstHref={filter.cursor ? listHref({ ...filter, cursor: '' }) : null} />
        </>
      ) : null}
    </>
  );
}
