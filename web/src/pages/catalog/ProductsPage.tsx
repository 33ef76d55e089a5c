// The catalog: search by SKU or name, page through, jump to a product's stock.
import type { FormEvent } from 'react';
import { query } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { Page, Product } from '../../api/types.ts';
import { formatMoney } from '../../format.ts';
import { Link, navigate, useLocation } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { useSession } from '../../auth/session.tsx';
import { ProductForm } from './ProductForm.tsx';

export function ProductsPage() {
  const { can } = useSession();
  const canEdit = can('catalog:write');
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const cursor = search.get('cursor') ?? '';
  const products = useApi<Page<Product>>(`/v1/products${query({ q, cursor, limit: 50 })}`);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(`/products${query({ q: String(new FormData(event.currentTarget).get('q') ?? '').trim() })}`);
  };

  return (
    <>
      <PageHeader title="Products" subtitle="The catalog every channel sells from." />
      {canEdit ? <ProductForm collapsed onSaved={() => products.reload()} /> : null}
      <form className="filters" role="search" aria-label="Search products" onSubmit={submit} key={q}>
        <div className="field field-grow">
          <label htmlFor="products-q">Search</label>
          <input id="products-q" name="q" type="search" defaultValue={q} placeholder="SKU or name" />
        </div>
        <div className="filters-actions">
          <button type="submit" className="button button-primary">Search</button>
          {q ? <Link to="/products" className="button button-quiet">Clear</Link> : null}
        </div>
      </form>
      {products.loading ? <Loading label="Loading products…" /> : null}
      {products.error ? <ErrorState error={products.error} onRetry={products.reload} /> : null}
      {products.data && products.data.data.length === 0 ? <Empty title={q ? 'No product matches this search.' : 'No products yet.'}>{q || !canEdit ? null : 'Add the first one with “New product” above.'}</Empty> : null}
      {products.data && products.data.data.length > 0 ? (
        <>
          <TableWrap label="Products">
            <thead>
              <tr><th scope="col">SKU</th><th scope="col">Name</th><th scope="col" className="num">Price</th><th scope="col">When out of stock</th><th scope="col">Barcode</th><th scope="col">Status</th><th scope="col"><span className="sr-only">Actions</span></th></tr>
            </thead>
            <tbody>
              {products.data.data.map((p) => (
                <tr key={p.id}>
                  <td className="mono"><Link to={`/products/${encodeURIComponent(p.sku)}`}>{p.sku}</Link></td>
                  <td>{p.name}</td>
                  <td className="num nowrap">{formatMoney(p.price, p.currency)}</td>
                  <td>{p.inventory_policy === 'continue' ? 'Backorder' : 'Stop selling'}</td>
                  <td className="mono small">{p.barcode ?? '—'}</td>
                  <td><StatusBadge status={p.active ? 'active' : 'disabled'} label={p.active ? 'Active' : 'Inactive'} /></td>
                  <td className="actions-cell">
                    <div className="button-row">
                      <Link to={`/inventory?sku=${encodeURIComponent(p.sku)}`} aria-label={`Stock of ${p.sku}`}>Stock</Link>
                      {canEdit ? <Link to={`/products/${encodeURIComponent(p.sku)}/edit`} aria-label={`Edit ${p.sku}`}>Edit</Link> : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </TableWrap>
          <Pager shown={products.data.data.length} nextHref={products.data.next_cursor ? `/products${query({ q, cursor: products.data.next_cursor })}` : null} firstHref={cursor ? `/products${query({ q })}` : null} />
        </>
      ) : null}
    </>
  );
}
