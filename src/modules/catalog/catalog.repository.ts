import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import type { ProductRow } from './product.ts';

export async function findProductBySku(db: Kdb, tenantId: string, sku: string): Promise<ProductRow | undefined> {
  return db.selectFrom('products').selectAll().where('tenant_id', '=', tenantId).where('sku', '=', sku).executeTakeFirst();
}

/** Loads the products for a set of SKUs in one query. */
export async function findProductsBySkus(db: Kdb, tenantId: string, skus: readonly string[]): Promise<ProductRow[]> {
  if (skus.length === 0) return [];
  return db.selectFrom('products').selectAll().where('tenant_id', '=', tenantId).where('sku', 'in', [...skus]).execute();
}

export async function listProducts(db: Kdb, tenantId: string, filter: { q?: string | undefined; afterId: string | null; limit: number }): Promise<ProductRow[]> {
  let query = db.selectFrom('products').selectAll().where('tenant_id', '=', tenantId);
  if (filter.q) {
    const q = filter.q;
    const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where((eb) => eb.or([
      eb('sku', 'like', `${escaped}%`),
      eb('name', 'ilike', `%${escaped}%`),
      eb('barcode', '=', q),
    ]));
  }
  if (filter.afterId) query = query.where('id', '<', filter.afterId);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}

/** Channel prices for the given products in one currency. */
export async function findChannelPrices(db: Kdb, tenantId: string, channelId: string, currency: string, productIds: readonly string[]): Promise<Map<string, number>> {
  if (productIds.length === 0) return new Map();
  const rows = await db.selectFrom('channel_prices').select(['product_id', 'price'])
    .where('tenant_id', '=', tenantId).where('channel_id', '=', channelId).where('currency', '=', currency)
    .where('product_id', 'in', [...productIds]).execute();
  return new Map(rows.map((r) => [r.product_id, r.price]));
}

export async function upsertChannelPrice(db: Kdb, row: { tenantId: string; channelId: string; productId: string; currency: string; price: number }): Promise<void> {
  await db.insertInto('channel_prices')
    .values({ tenant_id: row.tenantId, channel_id: row.channelId, product_id: row.productId, currency: row.currency, price: row.price })
    .onConflict((oc) => oc.columns(['tenant_id', 'channel_id', 'product_id', 'currency']).doUpdateSet({ price: row.price, updated_at: sql`now()` }))
    .execute();
}

export async function listChannelPrices(db: Kdb, tenantId: string, productId: string) {
  return db.selectFrom('channel_prices').innerJoin('channels', (j) => j.onRef('channels.tenant_id', '=', 'channel_prices.tenant_id').onRef('channels.id', '=', 'channel_prices.channel_id'))
    .select(['channels.code as channel', 'channel_prices.currency', 'channel_prices.price'])
    .where('channel_prices.tenant_id', '=', tenantId).where('channel_prices.product_id', '=', productId)
    .orderBy('channels.code').execute();
}
