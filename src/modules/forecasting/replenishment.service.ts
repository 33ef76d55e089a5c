// Replenishment suggestions: the stored forecasts and policies of the last forecast run,
// with today's stock, open backorders and purchase orders, turned into what to order now.
// A policy stored with other settings than the item's current ones (changed since the
// run) is recomputed from the stored forecast, so a settings change shows at once.
import type { Kdb } from '../../platform/db/index.ts';
import { invalid, Problem, type ProblemFieldError } from '../../platform/http/index.ts';
import { findLocationByCode } from '../locations/index.ts';
import { createPurchaseOrder, findSupplierByCode, listIncoming, type Actor, type PurchaseOrderView } from '../purchasing/index.ts';
import { addDays, utcDay } from './demand-calendar.ts';
import { openBackorders } from './demand.repository.ts';
import { readItems, type ItemRow } from './forecasts.repository.ts';
import { policyLevelsInDays } from './policy-days.ts';
import type { PolicyLevels } from './replenishment.ts';
import { effectiveSettings, getTenantSettings, loadProductSettings, type EffectiveSettings } from './replenishment-settings.ts';
import { compareUrgency, suggest, type SuggestionNumbers, type Urgency } from './suggestion.ts';
import type { ScheduledReceipt } from './stock-projection.ts';

export interface Suggestion extends SuggestionNumbers {
  productId: string; locationId: string; sku: string; name: string; location: string;
  item: ItemRow; settings: EffectiveSettings; policy: PolicyLevels;
  onOrder: number; onDraft: number; backordered: number; nextReceipt: string | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const key = (productId: string, locationId: string) => `${productId}\u0000${locationId}`;

function samePolicySettings(item: ItemRow, s: EffectiveSettings): boolean {
  return item.leadTimeDays === s.leadTimeDays && item.reviewPeriodDays === s.reviewPeriodDays
    && item.serviceLevel === s.serviceLevel && item.serviceKind === s.serviceKind;
}

/** Every suggestion for the given products (all when omitted) at the given location (all when omitted). */
export async function computeSuggestions(db: Kdb, tenantId: string, filter: { productIds?: readonly string[] | undefined; locationId?: string | undefined }, now = new Date()): Promise<Suggestion[]> {
  const today = utcDay(now);
  const [items, tenant, products, incoming, backorders] = await Promise.all([
    readItems(db, tenantId, filter), getTenantSettings(db, tenantId), loadProductSettings(db, tenantId, filter.productIds),
    listIncoming(db, tenantId, filter.productIds), openBackorders(db, tenantId),
  ]);
  const owed = new Map(backorders.map((b) => [key(b.product_id, b.location_id), b.quantity]));
  const arriving = new Map<string, { onOrder: number; onDraft: number; receipts: { expectedDate: string | null; quantity: number }[] }>();
  for (const row of incoming) {
    const entry = arriving.get(key(row.productId, row.locationId)) ?? { onOrder: 0, onDraft: 0, receipts: [] };
    entry.onOrder += row.onOrder;
    entry.onDraft += row.onDraft;
    if (row.onOrder > 0) entry.receipts.push({ expectedDate: row.expectedDate, quantity: row.onOrder });
    arriving.set(key(row.productId, row.locationId), entry);
  }
  return items.map((item) => {
    const settings = effectiveSettings(tenant, products.get(item.productId));
    const policy: PolicyLevels = samePolicySettings(item, settings)
      ? { leadTimeDemand: item.leadTimeDemand, protectionDemand: item.protectionDemand, safetyStock: item.safetyStock, reorderPoint: item.reorderPoint, orderUpTo: item.orderUpTo }
      : policyLevelsInDays({ point: item.point, quantiles: item.quantiles }, {
        leadTimeDays: settings.leadTimeDays, reviewPeriodDays: settings.reviewPeriodDays, serviceLevel: settings.serviceLevel,
        service: settings.serviceKind, periodDays: item.periodDays,
      });
    const incomingHere = arriving.get(key(item.productId, item.locationId));
    // A purchase order without an expected date is expected one lead time from today.
    const receipts: ScheduledReceipt[] = (incomingHere?.receipts ?? []).map((r) => ({ day: r.expectedDate ?? addDays(today, settings.leadTimeDays), quantity: r.quantity }));
    const backordered = owed.get(key(item.productId, item.locationId)) ?? 0;
    const onOrder = incomingHere?.onOrder ?? 0;
    // The stored forecast starts at its as-of day; drop the periods that are over since.
    const elapsed = Math.max(0, Math.floor((Date.parse(today) - Date.parse(item.asOf)) / 86_400_000 / item.periodDays));
    const numbers = suggest({
      today, periodDays: item.periodDays, point: item.point.slice(elapsed), policy,
      stock: { onHand: item.onHand, reserved: item.reserved, backordered, onOrder }, receipts,
      leadTimeDays: settings.leadTimeDays, overstockWeeks: tenant.overstock_weeks,
      rules: { ...(settings.minimumOrder !== null ? { minimumOrder: settings.minimumOrder } : {}), ...(settings.packSize !== null ? { packSize: settings.packSize } : {}) },
    });
    const nextReceipt = receipts.map((r) => r.day).sort()[0] ?? null;
    return {
      ...numbers, productId: item.productId, locationId: item.locationId, sku: item.sku, name: item.name, location: item.locationCode,
      item, settings, policy, onOrder, onDraft: incomingHere?.onDraft ?? 0, backordered, nextReceipt,
    };
  });
}

/** A suggestion as the API shows it. */
export function toSuggestionView(s: Suggestion) {
  const point = s.item.point;
  return {
    sku: s.sku, name: s.name, location: s.location, supplier: s.settings.supplierCode, urgency: s.urgency,
    on_hand: s.item.onHand, reserved: s.item.reserved, backordered: s.backordered, available: s.available,
    on_order: s.onOrder, on_draft: s.onDraft, next_receipt_date: s.nextReceipt, inventory_position: s.position,
    lead_time_days: s.settings.leadTimeDays, lead_time_source: s.settings.leadTimeSource, review_period_days: s.settings.reviewPeriodDays,
    service_level: s.settings.serviceLevel, service_kind: s.settings.serviceKind,
    forecast_method: s.item.method, history_weeks: s.item.historyPeriods,
    weekly_demand: round2(point.length > 0 ? point.reduce((a, b) => a + b, 0) / point.length : 0),
    lead_time_demand: round2(s.policy.leadTimeDemand), safety_stock: round2(s.policy.safetyStock),
    reorder_point: round2(s.policy.reorderPoint), order_up_to: round2(s.policy.orderUpTo),
    suggested_quantity: s.suggestedQuantity, projected_stockout_date: s.projectedStockout,
    weeks_of_cover: s.weeksOfCover === null ? null : round2(s.weeksOfCover), overstock: s.overstock,
    forecast_as_of: s.item.asOf, computed_at: s.item.computedAt.toISOString(),
  };
}
export type SuggestionView = ReturnType<typeof toSuggestionView>;

export const SUGGESTION_SORTS = ['urgency', 'sku', 'suggested_quantity'] as const;

export interface SuggestionQuery {
  location?: string | undefined; sku?: string | undefined; supplier?: string | undefined; urgency?: Urgency | undefined;
  needs_order?: boolean | undefined; sort?: (typeof SUGGESTION_SORTS)[number] | undefined; cursor?: string | undefined; limit: number;
}

function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{1,9}$/.test(text)) throw invalid('query.cursor', 'is not a valid cursor');
  return Number(text);
}

/** A page of suggestions, sorted (by urgency unless asked otherwise) and filtered; unknown codes match nothing. */
export async function listSuggestions(db: Kdb, tenantId: string, query: SuggestionQuery, now = new Date()) {
  const offset = decodeOffset(query.cursor);
  const empty = { data: [], next_cursor: null, as_of: utcDay(now) };
  const [location, product] = await Promise.all([
    query.location ? findLocationByCode(db, tenantId, query.location) : undefined,
    query.sku ? db.selectFrom('products').select('id').where('tenant_id', '=', tenantId).where('sku', '=', query.sku).executeTakeFirst() : undefined,
  ]);
  if ((query.location && !location) || (query.sku && !product)) return empty;
  let rows = await computeSuggestions(db, tenantId, { locationId: location?.id, productIds: product ? [product.id] : undefined }, now);
  if (query.supplier) rows = rows.filter((s) => s.settings.supplierCode === query.supplier);
  if (query.urgency) rows = rows.filter((s) => s.urgency === query.urgency);
  if (query.needs_order) rows = rows.filter((s) => s.suggestedQuantity > 0);
  const sort = query.sort ?? 'urgency';
  rows.sort((a, b) => {
    if (sort === 'suggested_quantity' && a.suggestedQuantity !== b.suggestedQuantity) return b.suggestedQuantity - a.suggestedQuantity;
    if (sort === 'sku') return a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : a.location < b.location ? -1 : a.location > b.location ? 1 : 0;
    return compareUrgency({ ...a, reorderPoint: a.policy.reorderPoint }, { ...b, reorderPoint: b.policy.reorderPoint });
  });
  const page = rows.slice(offset, offset + query.limit);
  return {
    data: page.map(toSuggestionView),
    next_cursor: offset + query.limit < rows.length ? Buffer.from(String(offset + query.limit), 'utf8').toString('base64url') : null,
    as_of: utcDay(now),
  };
}

export interface DraftFromSuggestionsInput {
  supplier?: string | undefined; location: string; currency?: string | undefined; expected_date?: string | undefined;
  reference?: string | undefined; note?: string | undefined;
  items: readonly { sku: string; quantity?: number | undefined; unit_cost?: number | undefined }[];
}

/**
 * Creates a draft purchase order from suggestions at one location: each item orders the
 * quantity sent, else the suggested one; costs default to the product's unit cost; the
 * supplier defaults to the one the products name; the expected date to today + the lead time.
 */
export async function draftFromSuggestions(trx: Kdb, who: Actor, input: DraftFromSuggestionsInput, now = new Date()): Promise<PurchaseOrderView> {
  const { tenantId } = who;
  const skus = [...new Set(input.items.map((i) => i.sku))];
  const [location, products] = await Promise.all([
    findLocationByCode(trx, tenantId, input.location),
    trx.selectFrom('products').select(['id', 'sku']).where('tenant_id', '=', tenantId).where('sku', 'in', skus).execute(),
  ]);
  if (!location) throw invalid('location', `unknown location ${input.location}`);
  const idOf = new Map(products.map((p) => [p.sku, p.id]));
  const unknown: ProblemFieldError[] = input.items.flatMap((item, i) => (idOf.has(item.sku) ? [] : [{ path: `items[${i}].sku`, message: `unknown SKU ${item.sku}` }]));
  if (unknown.length > 0) throw new Problem('validation_failed', unknown.map((e) => `${e.path} ${e.message}`).join('; '), { errors: unknown });

  const suggestions = await computeSuggestions(trx, tenantId, { productIds: [...idOf.values()], locationId: location.id }, now);
  const bySku = new Map(suggestions.map((s) => [s.sku, s]));
  const errors: ProblemFieldError[] = [];
  const lines = input.items.map((item, i) => {
    const s = bySku.get(item.sku);
    const quantity = item.quantity ?? s?.suggestedQuantity ?? 0;
    if (quantity < 1) {
      errors.push({ path: `items[${i}].quantity`, message: s ? `nothing is suggested for ${item.sku} at ${location.code}; send a quantity` : `no forecast for ${item.sku} at ${location.code}; send a quantity` });
    }
    return { sku: item.sku, quantity, unit_cost: item.unit_cost ?? s?.settings.unitCost ?? 0 };
  });
  // Without a supplier in the body, the items' own must agree (items without one follow).
  const suppliers = new Set(input.items.flatMap((item) => bySku.get(item.sku)?.settings.supplierCode ?? []));
  const supplier = input.supplier ?? (suppliers.size === 1 ? [...suppliers][0] : null);
  if (!supplier) errors.push({ path: 'supplier', message: suppliers.size > 1 ? 'is required: the items have different suppliers' : 'is required: no item has a supplier' });
  if (errors.length > 0 || !supplier) throw new Problem('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), { errors });

  let expectedDate = input.expected_date;
  if (expectedDate === undefined) {
    const row = await findSupplierByCode(trx, tenantId, supplier);
    const leadTimes = input.items.map((item) => bySku.get(item.sku)?.settings.leadTimeDays ?? row?.lead_time_days ?? 0);
    expectedDate = addDays(utcDay(now), Math.max(0, ...leadTimes));
  }
  try {
    return await createPurchaseOrder(trx, who, {
      supplier, location: location.code, currency: input.currency, expected_date: expectedDate, reference: input.reference,
      note: input.note ?? 'created from replenishment suggestions', lines,
    });
  } catch (error) {
    // The purchase order's lines are this request's items: name the paths the caller sent.
    if (!(error instanceof Problem) || !error.errors) throw error;
    const renamed = error.errors.map((e) => ({ ...e, path: e.path.replace(/^lines\[/, 'items[') }));
    throw new Problem(error.code, renamed.map((e) => `${e.path} ${e.message}`).join('; '), { errors: renamed, extra: error.extra, headers: error.headers });
  }
}
