// Catalog use cases: products and their per-channel prices.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { decodeCursor, isUniqueViolation, notFound, Problem, toPage } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import { getChannelByCode } from '../channels/index.ts';
import * as repo from './catalog.repository.ts';
import { toProductView, type ProductRow, type ProductView } from './product.ts';

export interface ProductInput {
  sku: string; name: string; price: number; currency: string;
  weight_g?: number | undefined; barcode?: string | undefined; inventory_policy?: 'deny' | 'continue' | undefined;
  length_mm?: number | undefined; width_mm?: number | undefined; height_mm?: number | undefined;
}

export interface ProductPatch {
  name?: string | undefined; price?: number | undefined; currency?: string | undefined;
  weight_g?: number | null | undefined; barcode?: string | null | undefined;
  inventory_policy?: 'deny' | 'continue' | undefined; active?: boolean | undefined;
  length_mm?: number | null | undefined; width_mm?: number | null | undefined; height_mm?: number | null | undefined;
}

function conflict(error: unknown, sku: string, barcode: string | null | undefined): never {
  if (isUniqueViolation(error, 'products_barcode')) throw new Problem('already_exists', `Barcode ${barcode} is already used by another product.`, { errors: [{ path: 'barcode', message: 'is taken' }] });
  if (isUniqueViolation(error)) throw new Problem('already_exists', `Product ${sku} already exists.`, { errors: [{ path: 'sku', message: 'is taken' }] });
  throw error;
}

/** Creates a product; a taken SKU or barcode is a 409. */
export async function createProduct(db: Kdb, tenantId: string, input: ProductInput): Promise<ProductView> {
  try {
    const row = await db.insertInto('products').values({
      tenant_id: tenantId, id: newId('prd'), sku: input.sku, name: input.name, price: input.price, currency: input.currency,
      weight_g: input.weight_g ?? null, barcode: input.barcode ?? null, inventory_policy: input.inventory_policy ?? 'deny',
      length_mm: input.length_mm ?? null, width_mm: input.width_mm ?? null, height_mm: input.height_mm ?? null,
    }).returningAll().executeTakeFirstOrThrow();
    return toProductView(row);
  } catch (error) {
    return conflict(error, input.sku, input.barcode);
  }
}

/** Changes a product's fields; the SKU itself is its identity and does not change. */
export async function updateProduct(db: Kdb, tenantId: string, sku: string, patch: ProductPatch): Promise<ProductView> {
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (Object.keys(changes).length === 0) return getProduct(db, tenantId, sku);
  try {
    const row = await db.updateTable('products').set({ ...changes, updated_at: sql`now()` })
      .where('tenant_id', '=', tenantId).where('sku', '=', sku).returningAll().executeTakeFirst();
    if (!row) throw notFound('Product', sku);
    return toProductView(row);
  } catch (error) {
    if (error instanceof Problem) throw error;
    return conflict(error, sku, patch.barcode);
  }
}

/** The product with this SKU, or a 404. */
export async function getProductRow(db: Kdb, tenantId: string, sku: string): Promise<ProductRow> {
  const row = await repo.findProductBySku(db, tenantId, sku);
  if (!row) throw notFound('Product', sku);
  return row;
}

export async function getProduct(db: Kdb, tenantId: string, sku: string): Promise<ProductView> {
  return toProductView(await getProductRow(db, tenantId, sku));
}

export async function listProducts(db: Kdb, tenantId: string, query: { q?: string | undefined; limit: number; cursor?: string | undefined }) {
  const rows = await repo.listProducts(db, tenantId, { q: query.q, afterId: decodeCursor(query.cursor), limit: query.limit });
  const page = toPage(rows, query.limit);
  return { data: page.data.map(toProductView), next_cursor: page.next_cursor };
}

/** Sets the price of a product on one channel, in one currency. */
export async function setChannelPrice(db: Kdb, tenantId: string, sku: string, channelCode: string, price: { price: number; currency: string }) {
  const product = await getProductRow(db, tenantId, sku);
  const channel = await getChannelByCode(db, tenantId, channelCode);
  await repo.upsertChannelPrice(db, { tenantId, channelId: channel.id, productId: product.id, currency: price.currency, price: price.price });
  return listChannelPricesOf(db, tenantId, product.id);
}

export async function listChannelPricesOf(db: Kdb, tenantId: string, productId: string) {
  return { data: await repo.listChannelPrices(db, tenantId, productId), next_cursor: null };
}
