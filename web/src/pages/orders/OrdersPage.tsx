// The orders list: filtered and paged by the server, one page of 50 at a time.
import { useApi } from '../../api/useApi.ts';
import type { Order, Page } from '../../api/types.ts';
import { Link, useLocation } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { OrderFilters } from './OrderFilters.tsx';
import { OrdersTable } from './OrdersTable.tsx';
import { apiPath, filterFromSearch, isFiltered, listHref } from './filters.ts';

export function OrdersPage() {
  const { search } = useLocation();
  const filter = filterFromSearch(search);
  const orders = useApi<Page<Order>>(apiPath(filter));

  return (
    <>
      <PageHeader title="Orders" subtitle={filter.email ? <>Orders of <strong>{filter.email}</strong></> : 'Every channel, newest first.'} />
      <OrderFilters filter={filter} />
      <div aria-live="polite" aria-busy={orders.loading}>
        {orders.loading ? <Loading label="Loading orders…" /> : null}
        {orders.error ? <ErrorState error={orders.error} onRetry={orders.reload} /> : null}
        {orders.data && orders.data.data.length === 0 ? (
          <Empty title={isFiltered(filter) ? 'No orders match this filter.' : 'No orders yet.'}>
            {isFiltered(filter) ? <Link to="/orders">Clear the filter</Link> : 'Orders arrive through the API from your channels.'}
          </Empty>
        ) : null}
      </div>
      {orders.data && orders.data.data.length > 0 ? (
        <>
          <OrdersTable orders={orders.data.data} />
          <Pager
            shown={orders.data.data.length}
            nextHref={orders.data.next_cursor ? listHref({ ...filter, cursor: orders.data.next_cursor }) : null}
            firstHref={filter.cursor ? listHref({ ...filter, cursor: '' }) : null}
          />
        </>
      ) : null}
    </>
  );
}
