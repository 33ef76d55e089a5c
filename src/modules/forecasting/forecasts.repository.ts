// SQL for the stored forecasts and policies (demand_forecasts), and the stock figures
// replenishment reads beside them. Inventory levels and the catalog are read, never written.
import { sql } from 'kysely';
import type { Kdb, StoredQuantiles } from '../../platform/db/index.ts';

/** Product and location pairs worth a forecast: stocked ones (active product and location). */
export async function stockedItems(db: Kdb, tenantId: string): Promise<{ product_id: string; location_id: string }[]> {
  return db.selectFrom('inventory_levels').select(['product_id', 'location_id']).where('tenant_id', '=', tenantId).execute();
}

/** Which of these products and locations are active, so inactive ones get no forecast. */
export async function activeIds(db: Kdb, tenantId: string): Promise<{ products: Set<string>; locations: Set<string> }> {
  const [products, locations] = await Promise.all([
    db.selectFrom('products').select('id').where('tenant_id', '=', tenantId).where('active', '=', true).execute(),
    db.selectFrom('locations').select('id').where('tenant_id', '=', tenantId).where('active', '=', true).execute(),
  ]);
  return { products: new Set(products.map((p) => p.id)), locations: new Set(locations.map((l) => l.id)) };
}

export interface StoredForecast {
  productId: string; locationId: string; asOf: string; periodDays: number; method: string; historyPeriods: number;
  point: number[]; quantiles: StoredQuantiles[];
  leadTimeDays: number; reviewPeriodDays: number; serviceLevel: number; serviceKind: 'cycle' | 'fill';
  leadTimeDemand: number; protectionDemand: number; safetyStock: number; reorderPoint: number; orderUpTo: number;
}

const INSERT_BATCH = 200;

/** Replaces every stored forecast of the tenant with these, in one transaction. */
export async function replaceForecasts(db: Kdb, tenantId: string, forecasts: readonly StoredForecast[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('demand_forecasts').where('tenant_id', '=', tenantId).execute();
    for (let i = 0; i < forecasts.length; i += INSERT_BATCH) {
      await trx.insertInto('demand_forecasts').values(forecasts.slice(i, i + INSERT_BATCH).map((f) => ({
        tenant_id: tenantId, product_id: f.productId, location_id: f.locationId, as_of: f.asOf, period_days: f.periodDays,
        method: f.method, history_periods: f.historyPeriods, point: JSON.stringify(f.point), quantiles: JSON.stringify(f.quantiles),
        lead_time_days: f.leadTimeDays, review_period_days: f.reviewPeriodDays, service_level: f.serviceLevel, service_kind: f.serviceKind,
        lead_time_demand: f.leadTimeDemand, protection_demand: f.protectionDemand, safety_stock: f.safetyStock,
        reorder_point: f.reorderPoint, order_up_to: f.orderUpTo,
      }))).execute();
    }
  });
}

export interface ItemRow extends StoredForecast {
  sku: string; name: string; locationCode: string; computedAt: Date;
  onHand: number; reserved: number;
}

/** Stored forecasts with SKU, location code and the live stock level, optionally filtered. */
export async function readItems(db: Kdb, tenantId: string, filter: { productIds?: readonly string[] | undefined; locationId?: string | undefined }): Promise<ItemRow[]> {
  let query = db.selectFrom('demand_forecasts as f')
    .innerJoin('products as p', (j) => j.onRef('p.tenant_id', '=', 'f.tenant_id').onRef('p.id', '=', 'f.product_id'))
    .innerJoin('locations as c', (j) => j.onRef('c.tenant_id', '=', 'f.tenant_id').onRef('c.id', '=', 'f.location_id'))
    .leftJoin('inventory_levels as l', (j) => j.onRef('l.tenant_id', '=', 'f.tenant_id').onRef('l.product_id', '=', 'f.product_id').onRef('l.location_id', '=', 'f.location_id'))
    .select([
      'f.product_id', 'f.location_id', 'f.as_of', 'f.period_days', 'f.method', 'f.history_periods', 'f.point', 'f.quantiles',
      'f.lead_time_days', 'f.review_period_days', 'f.service_level', 'f.service_kind', 'f.lead_time_demand', 'f.protection_demand',
      'f.safety_stock', 'f.reorder_point', 'f.order_up_to', 'f.computed_at', 'p.sku', 'p.name', 'c.code as location_code',
      sql<number>`coalesce(l.on_hand, 0)`.as('on_hand'), sql<number>`coalesce(l.reserved, 0)`.as('reserved'),
    ])
    .where('f.tenant_id', '=', tenantId).where('p.active', '=', true);
  if (filter.productIds !== undefined) query = query.where(sql<boolean>`f.product_id = any(${[...filter.productIds]}::text[])`);
  if (filter.locationId !== undefined) query = query.where('f.location_id', '=', filter.locationId);
  const rows = await query.execute();
  return rows.map((r) => ({
    productId: r.product_id, locationId: r.location_id, asOf: r.as_of, periodDays: r.period_days, method: r.method, historyPeriods: r.history_periods,
    point: r.point, quantiles: r.quantiles, leadTimeDays: r.lead_time_days, reviewPeriodDays: r.review_period_days,
    serviceLevel: r.service_level, serviceKind: r.service_kind, leadTimeDemand: r.lead_time_demand, protectionDemand: r.protection_demand,
    safetyStock: r.safety_stock, reorderPoint: r.reorder_point, orderUpTo: r.order_up_to,
    sku: r.sku, name: r.name, locationCode: r.location_code, computedAt: r.computed_at, onHand: r.on_hand, reserved: r.reserved,
  }));
}
