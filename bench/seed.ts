// Seeds the benchmark shop through the public API, exactly as an integration would:
// a channel, three warehouses and 1,000 SKUs with plenty of stock at each.
import { inParallel, type JsonClient } from './http-client.ts';

export const SKU_COUNT = 1_000;
export const UNITS_PER_LEVEL = 1_000_000;
/** Lower priority number wins routing ties, so every order is served from WH-A. */
export const LOCATIONS = [{ code: 'WH-A', priority: 10 }, { code: 'WH-B', priority: 20 }, { code: 'WH-C', priority: 30 }] as const;
export const CHANNEL = 'web';
const SEED_CONCURRENCY = 16;

export function skuOf(index: number): string {
  return `BENCH-${String(index).padStart(4, '0')}`;
}

/** Creates the catalog and stock; returns the SKUs. */
export async function seedShop(client: JsonClient): Promise<string[]> {
  await client.must('/v1/channels', { code: CHANNEL, name: 'Web shop', kind: 'web' });
  for (const location of LOCATIONS) {
    await client.must('/v1/locations', {
      code: location.code, name: `Warehouse ${location.code}`, kind: 'warehouse', priority: location.priority, ships: true, pickup: false,
      address: { line1: '1 Dock Rd', city: 'Springfield', postal_code: '62701', country: 'US' },
    });
  }
  const skus = Array.from({ length: SKU_COUNT }, (_, i) => skuOf(i));
  await inParallel(skus, SEED_CONCURRENCY, (sku) => client.must('/v1/products', {
    sku, name: `Bench product ${sku}`, price: 1_000 + Number(sku.slice(6)), currency: 'USD', inventory_policy: 'deny',
  }));
  const receipts = skus.flatMap((sku) => LOCATIONS.map((l) => ({ sku, location: l.code })));
  await inParallel(receipts, SEED_CONCURRENCY, (r) => client.must('/v1/inventory/adjustments', {
    sku: r.sku, location: r.location, delta: UNITS_PER_LEVEL, reason: 'receipt',
  }));
  return skus;
}
