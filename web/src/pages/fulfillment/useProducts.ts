// The catalog entries of a few SKUs (weights and barcodes for the pack station),
// fetched one by one; a SKU the catalog no longer has is simply missing.
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Product } from '../../api/types.ts';

export function useProducts(skus: readonly string[]): ReadonlyMap<string, Product> {
  const key = [...new Set(skus)].sort().join('\n');
  const [products, setProducts] = useState<ReadonlyMap<string, Product>>(new Map());
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    const list = key.split('\n');
    void Promise.all(list.map((sku) => api<Product>('GET', `/v1/products/${encodeURIComponent(sku)}`, undefined, controller.signal).catch(() => null)))
      .then((found) => {
        if (!controller.signal.aborted) setProducts(new Map(found.filter((p): p is Product => p !== null).map((p) => [p.sku, p])));
      });
    return () => controller.abort();
  }, [key]);
  return products;
}
