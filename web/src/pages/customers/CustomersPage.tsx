// Customers: search by e-mail prefix or name, page through.
import type { FormEvent } from 'react';
import { query } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { Customer, Page } from '../../api/types.ts';
import { formatDate } from '../../format.ts';
import { Link, navigate, useLocation } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

export function CustomersPage() {
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const cursor = search.get('cursor') ?? '';
  const customers = useApi<Page<Customer>>(`/v1/customers${query({ q, cursor, limit: 50 })}`);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(`/customers${query({ q: String(new FormData(event.currentTarget).get('q') ?? '').trim() })}`);
  };

  return (
    <>
      <PageHeader title="Customers" subtitle="Created from orders, one per e-mail address." />
      <form className="filters" role="search" aria-label="Search customers" onSubmit={submit} key={q}>
        <div className="field field-grow">
          <label htmlFor="customers-q">Search</label>
          <input id="customers-q" name="q" type="search" defaultValue={q} placeholder="Name or start of the e-mail" />
        </div>
        <div className="filters-actions">
          <button type="submit" className="button button-primary">Search</button>
          {q ? <Link to="/customers" className="button button-quiet">Clear</Link> : null}
        </div>
      </form>
      {customers.loading ? <Loading label="Loading customers…" /> : null}
      {customers.error ? <ErrorState error={customers.error} onRetry={customers.reload} /> : null}
      {customers.data && customers.data.data.length === 0 ? <Empty title={q ? 'No customer matches this search.' : 'No customers yet.'}>{q ? null : 'Customers appear with their first order.'}</Empty> : null}
      {customers.data && customers.data.data.length > 0 ? (
        <>
          <TableWrap label="Customers">
            <thead><tr><th scope="col">Name</th><th scope="col">E-mail</th><th scope="col">Phone</th><th scope="col">Customer since</th></tr></thead>
            <tbody>
              {customers.data.data.map((c) => (
                <tr key={c.id}>
                  <td><Link to={`/customers/${c.id}`} className="strong">{c.name ?? c.email}</Link></td>
                  <td>{c.email}</td>
                  <td>{c.phone ?? <span className="muted">—</span>}</td>
                  <td>{formatDate(c.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </TableWrap>
          <Pager shown={customers.data.data.length} nextHref={customers.data.next_cursor ? `/customers${query({ q, cursor: customers.data.next_cursor })}` : null} firstHref={cursor ? `/customers${query({ q })}` : null} />
        </>
      ) : null}
    </>
  );
}
