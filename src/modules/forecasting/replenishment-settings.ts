// Replenishment settings: tenant defaults, per-product overrides, and the resolution of
// the two (with the supplier's lead time in between) into what one item uses.
// Lead time: the product's, else its supplier's, else the tenant's.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { iso, notFound, Problem } from '../../platform/http/index.ts';
import { findSupplierByCode } from '../purchasing/index.ts';

export interface TenantSettings {
  lead_time_days: number;
  review_period_days: number;
  service_level: number;
  service_kind: 'cycle' | 'fill';
  /** More than this many weeks of cover is overstock. */
  overstock_weeks: number;
  /** Weeks forecast ahead. */
  horizon_weeks: number;
}

/** What a tenant that never saved settings uses. */
export const DEFAULT_TENANT_SETTINGS: TenantSettings = {
  lead_time_days: 14, review_period_days: 7, service_level: 0.95, service_kind: 'cycle', overstock_weeks: 26, horizon_weeks: 13,
};

/** The tenant's settings, defaults filled in. */
export async function getTenantSettings(db: Kdb, tenantId: string): Promise<TenantSettings & { updated_at: string | null }> {
  const row = await db.selectFrom('replenishment_settings').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!row) return { ...DEFAULT_TENANT_SETTINGS, updated_at: null };
  return {
    lead_time_days: row.lead_time_days, review_period_days: row.review_period_days, service_level: row.service_level,
    service_kind: row.service_kind, overstock_weeks: row.overstock_weeks, horizon_weeks: row.horizon_weeks, updated_at: iso(row.updated_at),
  };
}

/** Replaces the tenant's settings; an omitted field takes its default. */
export async function putTenantSettings(trx: Kdb, tenantId: string, input: Partial<TenantSettings>): Promise<TenantSettings & { updated_at: string | null }> {
  const values = { ...DEFAULT_TENANT_SETTINGS, ...input };
  await trx.insertInto('replenishment_settings').values({ tenant_id: tenantId, ...values, updated_at: new Date() })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...values, updated_at: new Date() })).execute();
  return getTenantSettings(trx, tenantId);
}

export interface ProductSettings {
  product_id: string; sku: string;
  supplier_id: string | null; supplier_code: string | null; supplier_lead_time_days: number | null;
  lead_time_days: number | null; review_period_days: number | null; service_level: number | null;
  minimum_order: number | null; pack_size: number | null; unit_cost: number | null;
}

/** Per-product settings (with the supplier's lead time), by product id. */
export async function loadProductSettings(db: Kdb, tenantId: string, productIds?: readonly string[]): Promise<Map<string, ProductSettings>> {
  let query = db.selectFrom('product_replenishment as r')
    .innerJoin('products as p', (j) => j.onRef('p.tenant_id', '=', 'r.tenant_id').onRef('p.id', '=', 'r.product_id'))
    .leftJoin('suppliers as s', (j) => j.onRef('s.tenant_id', '=', 'r.tenant_id').onRef('s.id', '=', 'r.supplier_id'))
    .select(['r.product_id', 'p.sku', 'r.supplier_id', 's.code as supplier_code', 's.lead_time_days as supplier_lead_time_days',
      'r.lead_time_days', 'r.review_period_days', 'r.service_level', 'r.minimum_order', 'r.pack_size', 'r.unit_cost'])
    .where('r.tenant_id', '=', tenantId);
  if (productIds !== undefined) query = query.where(sql<boolean>`r.product_id = any(${[...productIds]}::text[])`);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.product_id, r]));
}

/** What one item uses, after the product → supplier → tenant fallbacks. */
export interface EffectiveSettings {
  leadTimeDays: number;
  leadTimeSource: 'product' | 'supplier' | 'tenant';
  reviewPeriodDays: number;
  serviceLevel: number;
  serviceKind: 'cycle' | 'fill';
  minimumOrder: number | null;
  packSize: number | null;
  unitCost: number | null;
  supplierId: string | null;
  supplierCode: string | null;
}

/** Resolves an item's settings. */
export function effectiveSettings(tenant: TenantSettings, product: ProductSettings | undefined): EffectiveSettings {
  const leadTime: [number, EffectiveSettings['leadTimeSource']] = product?.lead_time_days != null ? [product.lead_time_days, 'product']
    : product?.supplier_lead_time_days != null ? [product.supplier_lead_time_days, 'supplier'] : [tenant.lead_time_days, 'tenant'];
  return {
    leadTimeDays: leadTime[0], leadTimeSource: leadTime[1],
    reviewPeriodDays: product?.review_period_days ?? tenant.review_period_days,
    serviceLevel: product?.service_level ?? tenant.service_level,
    serviceKind: tenant.service_kind,
    minimumOrder: product?.minimum_order ?? null, packSize: product?.pack_size ?? null, unitCost: product?.unit_cost ?? null,
    supplierId: product?.supplier_id ?? null, supplierCode: product?.supplier_code ?? null,
  };
}

export interface ProductSettingsInput {
  supplier?: string | null | undefined; lead_time_days?: number | null | undefined; review_period_days?: number | null | undefined;
  service_level?: number | null | undefined; minimum_order?: number | null | undefined; pack_size?: number | null | undefined;
  unit_cost?: number | null | undefined;
}

/** A product's settings as the API shows them: its own values and what it ends up using. */
export async function getProductSettingsView(db: Kdb, tenantId: string, sku: string) {
  const product = await db.selectFrom('products').select('id').where('tenant_id', '=', tenantId).where('sku', '=', sku).executeTakeFirst();
  if (!product) throw notFound('Product', sku);
  const [own, tenant] = await Promise.all([loadProductSettings(db, tenantId, [product.id]), getTenantSettings(db, tenantId)]);
  const row = own.get(product.id);
  const effective = effectiveSettings(tenant, row);
  return {
    sku, supplier: row?.supplier_code ?? null,
    lead_time_days: row?.lead_time_days ?? null, review_period_days: row?.review_period_days ?? null, service_level: row?.service_level ?? null,
    minimum_order: row?.minimum_order ?? null, pack_size: row?.pack_size ?? null, unit_cost: row?.unit_cost ?? null,
    effective: {
      lead_time_days: effective.leadTimeDays, lead_time_source: effective.leadTimeSource, review_period_days: effective.reviewPeriodDays,
      service_level: effective.serviceLevel, service_kind: effective.serviceKind,
    },
  };
}

/** Replaces a product's settings; an omitted or null field falls back to the supplier or tenant. */
export async function putProductSettings(trx: Kdb, tenantId: string, sku: string, input: ProductSettingsInput) {
  const product = await trx.selectFrom('products').select('id').where('tenant_id', '=', tenantId).where('sku', '=', sku).executeTakeFirst();
  if (!product) throw notFound('Product', sku);
  let supplierId: string | null = null;
  if (input.supplier) {
    const supplier = await findSupplierByCode(trx, tenantId, input.supplier);
    if (!supplier) throw new Problem('validation_failed', `unknown supplier ${input.supplier}`, { errors: [{ path: 'supplier', message: `unknown supplier ${input.supplier}` }] });
    supplierId = supplier.id;
  }
  const values = {
    supplier_id: supplierId, lead_time_days: input.lead_time_days ?? null, review_period_days: input.review_period_days ?? null,
    service_level: input.service_level ?? null, minimum_order: input.minimum_order ?? null, pack_size: input.pack_size ?? null,
    unit_cost: input.unit_cost ?? null, updated_at: new Date(),
  };
  await trx.insertInto('product_replenishment').values({ tenant_id: tenantId, product_id: product.id, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'product_id']).doUpdateSet(values)).execute();
  return getProductSettingsView(trx, tenantId, sku);
}
