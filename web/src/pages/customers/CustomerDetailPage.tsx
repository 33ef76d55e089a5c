// One customer: contact, lifetime figures and the latest orders.
import { useApi } from '../../api/useApi.ts';
import type { CustomerDetail } from '../../api/types.ts';
import { formatCount, formatDate, formatDateTime, formatMoney, formatMoneyList } from '../../format.ts';
import { Link } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

export function CustomerDetailPage({ params }: { params: Record<string, string> }) {
  const id = params.customer ?? '';
  const customer = useApi<CustomerDetail>(`/v1/customers/${encodeURIComponent(id)}`);
  const c = customer.data;
  return (
    <>
      <p className="breadcrumb"><Link to="/customers">Customers</Link></p>
      <PageHeader title={c ? (c.name ?? c.email) : 'Customer'} subtitle={c ? c.email : null} />
      {customer.loading ? <Loading label="Loading the customer…" /> : null}
      {customer.error ? <ErrorState error={customer.error} onRetry={customer.reload} /> : null}
      {c ? (
        <>
          <dl className="kpis">
            <div className="kpi"><dt>Orders</dt><dd className="kpi-value">{formatCount(c.orders_count)}</dd><dd className="kpi-note">not counting canceled</dd></div>
            <div className="kpi"><dt>Total spent</dt><dd className="kpi-value">{formatMoneyList(c.total_spent)}</dd><dd className="kpi-note">lifetime</dd></div>
            <div className="kpi"><dt>Customer since</dt><dd className="kpi-value kpi-value-small">{formatDate(c.created_at)}</dd><dd className="kpi-note">{c.phone ?? 'no phone'}</dd></div>
          </dl>
          <section className="section" aria-labelledby="history-title">
            <div className="section-head">
              <h2 id="history-title" className="section-title">Order history</h2>
              <Link to={`/orders?email=${encodeURIComponent(c.email)}`}>All orders of this customer</Link>
            </div>
            {c.recent_orders.length === 0 ? <Empty title="No orders yet." /> : (
              <TableWrap label="Order history">
                <thead><tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Status</th><th scope="col" className="num">Total</th></tr></thead>
                <tbody>
                  {c.recent_orders.map((o) => (
                    <tr key={o.id}>
                      <td><Link to={`/orders/${o.number}`} className="strong">#{o.number}</Link></td>
                      <td>{formatDateTime(o.created_at)}</td>
                      <td><StatusBadge status={o.status} /></td>
                      <td className="num">{formatMoney(o.total, o.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </TableWrap>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
