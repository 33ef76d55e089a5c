// Edit one product (/products/:sku/edit).
import { useState } from 'react';
import { useApi } from '../../api/useApi.ts';
import type { Product } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import { Link } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState, Loading } from '../../ui/States.tsx';
import { ProductForm } from './ProductForm.tsx';

export function ProductEditPage({ params }: { params: Record<string, string> }) {
  const sku = params.sku ?? '';
  const product = useApi<Product & { updated_at?: string }>(`/v1/products/${encodeURIComponent(sku)}`);
  const [saved, setSaved] = useState<Product | null>(null);
  return (
    <>
      <p className="breadcrumb"><Link to="/products">Products</Link></p>
      <PageHeader title={`Edit ${sku}`} subtitle={product.data ? product.data.name : undefined}
        actions={<Link className="button" to={`/inventory?sku=${encodeURIComponent(sku)}`}>Stock</Link>} />
      {product.loading ? <Loading label="Loading the product…" /> : null}
      {product.error ? <ErrorState error={product.error} onRetry={product.reload} /> : null}
      {product.data ? <ProductForm product={product.data} onSaved={setSaved} /> : null}
      <div aria-live="polite">{saved ? <p className="notice notice-success" role="status">Saved {saved.sku} at {formatDateTime(new Date().toISOString())}.</p> : null}</div>
    </>
  );
}
