// Inventory use cases: adjustments with reasons, levels, availability and the ledger.
// Reservations for orders go through reservations.ts.
import { sql } from 'kysely';
import type { Kdb, MovementReason } from '../../platform/db/index.ts';
import { iso, Problem } from '../../platform/http/index.ts';
import * as repo from './inventory.repository.ts';

export const ADJUSTMENT_REASONS = ['receipt', 'count', 'damage', 'loss', 'correction'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** The sign each reason allows: a receipt adds, damage and loss remove, the rest either. */
const REASON_SIGN: Record<AdjustmentReason, 1 | -1 | 0> = { receipt: 1, damage: -1, loss: -1, count: 0, correction: 0 };

export interface LevelView { sku: string; location: string; on_hand: number; reserved: number; available: number; bin?: string | null }

export interface AdjustmentInput { sku: string; location: string; delta: number; reason: AdjustmentReason; note?: string | undefined }

async function resolveSkuAndLocation(trx: Kdb, tenantId: string, sku: string, location: string) {
  const [product, loc] = await Promise.all([
    trx.selectFrom('products').select('id').where('tenant_id', '=', tenantId).where('sku', '=', sku).executeTakeFirst(),
    trx.selectFrom('locations').select('id').where('tenant_id', '=', tenantId).where('code', '=', location).executeTakeFirst(),
  ]);
  const errors = [
    ...(product ? [] : [{ path: 'sku', message: `unknown SKU ${sku}` }]),
    ...(loc ? [] : [{ path: 'location', message: `unknown location ${location}` }]),
  ];
  if (!product || !loc) throw new Problem('validation_failed', errors.map((e) => e.message).join('; '), { errors });
  return { productId: product.id, locationId: loc.id };
}

/** Applies a stock adjustment and writes its ledger row; never takes on_hand below reserved. */
export async function adjustInventory(trx: Kdb, tenantId: string, actor: string, input: AdjustmentInput): Promise<LevelView> {
  const sign = REASON_SIGN[input.reason];
  if (input.delta === 0 || (sign !== 0 && Math.sign(input.delta) !== sign)) {
    const message = input.delta === 0 ? 'must not be zero' : `must be ${sign > 0 ? 'positive' : 'negative'} for reason ${input.reason}`;
    throw new Problem('validation_failed', `delta ${message}`, { errors: [{ path: 'delta', message }] });
  }
  const { productId, locationId } = await resolveSkuAndLocation(trx, tenantId, input.sku, input.location);
  let level: repo.LevelRow | undefined;
  if (input.delta > 0) {
    level = await repo.addOnHand(trx, tenantId, productId, locationId, input.delta);
  } else {
    level = await repo.removeOnHand(trx, tenantId, productId, locationId, -input.delta);
    if (!level) {
      const current = await repo.findLevel(trx, tenantId, productId, locationId);
      const available = current ? current.on_hand - current.reserved : 0;
      throw new Problem('insufficient_inventory', `Cannot remove ${-input.delta} of ${input.sku} at ${input.location}: only ${available} unreserved on hand.`, {
        errors: [{ path: 'delta', message: 'would take on_hand below reserved', sku: input.sku, location: input.location, requested: -input.delta, available }],
      });
    }
  }
  await repo.insertMovements(trx, tenantId, [{ productId, locationId, deltaOnHand: input.delta, deltaReserved: 0, reason: input.reason, note: input.note ?? null, actor }]);
  return { sku: input.sku, location: input.location, on_hand: level.on_hand, reserved: level.reserved, available: level.on_hand - level.reserved };
}

/** Levels joined to SKU and location code, filtered and paged by (sku, location). */
export async function listLevels(db: Kdb, tenantId: string, filter: { sku?: string | undefined; location?: string | undefined; after?: [string, string] | null; limit: number }): Promise<LevelView[]> {
  let query = db.selectFrom('inventory_levels as l')
    .innerJoin('products as p', (j) => j.onRef('p.tenant_id', '=', 'l.tenant_id').onRef('p.id', '=', 'l.product_id'))
    .innerJoin('locations as c', (j) => j.onRef('c.tenant_id', '=', 'l.tenant_id').onRef('c.id', '=', 'l.location_id'))
    .select(['p.sku', 'c.code as location', 'l.on_hand', 'l.reserved', 'l.bin'])
    .where('l.tenant_id', '=', tenantId);
  if (filter.sku) query = query.where('p.sku', '=', filter.sku);
  if (filter.location) query = query.where('c.code', '=', filter.location);
  if (filter.after) query = query.where(sql<boolean>`(p.sku, c.code) > (${filter.after[0]}, ${filter.after[1]})`);
  const rows = await query.orderBy('p.sku').orderBy('c.code').limit(filter.limit + 1).execute();
  return rows.map((r) => ({ sku: r.sku, location: r.location, on_hand: r.on_hand, reserved: r.reserved, available: r.on_hand - r.reserved, bin: r.bin }));
}

/** What can be sold of a SKU now, in total and per location. */
export async function availability(db: Kdb, tenantId: string, sku: string) {
  const product = await db.selectFrom('products').select(['id', 'inventory_policy']).where('tenant_id', '=', tenantId).where('sku', '=', sku).executeTakeFirst();
  if (!product) throw new Problem('not_found', `Product ${JSON.stringify(sku)} was not found`);
  const levels = await listLevels(db, tenantId, { sku, limit: 10_000 });
  return {
    sku,
    inventory_policy: product.inventory_policy,
    available: levels.reduce((sum, l) => sum + l.available, 0),
    locations: levels.map((l) => ({ location: l.location, on_hand: l.on_hand, reserved: l.reserved, available: l.available })),
  };
}

export interface MovementView {
  id: number; sku: string; location: string; delta_on_hand: number; delta_reserved: number;
  reason: MovementReason; order: string | null; order_id: string | null; note: string | null; actor: string; created_at: string;
}

/** The ledger, newest first, paged by movement id. */
export async function listMovements(db: Kdb, tenantId: string, filter: { sku?: string | undefined; location?: string | undefined; order?: string | undefined; beforeId: number | null; limit: number }): Promise<MovementView[]> {
  let query = db.selectFrom('inventory_movements as m')
    .innerJoin('products as p', (j) => j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.product_id'))
    .innerJoin('locations as c', (j) => j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.location_id'))
    .leftJoin('orders as o', (j) => j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.order_id'))
    .select(['m.id', 'p.sku', 'c.code as location', 'm.delta_on_hand', 'm.delta_reserved', 'm.reason', 'o.number as order_number', 'm.order_id', 'm.note', 'm.actor', 'm.created_at'])
    .where('m.tenant_id', '=', tenantId);
  if (filter.sku) query = query.where('p.sku', '=', filter.sku);
  if (filter.location) query = query.where('c.code', '=', filter.location);
  if (filter.order) query = query.where('m.order_id', '=', filter.order);
  if (filter.beforeId !== null) query = query.where('m.id', '<', filter.beforeId);
  const rows = await query.orderBy('m.id', 'desc').limit(filter.limit + 1).execute();
  return rows.map((r) => ({
    id: r.id, sku: r.sku, location: r.location, delta_on_hand: r.delta_on_hand, delta_reserved: r.delta_reserved,
    reason: r.reason, order: r.order_number === null ? null : String(r.order_number), order_id: r.order_id, note: r.note, actor: r.actor,
    created_at: iso(r.created_at) ?? '',
  }));
}
