// SQL for stock levels and the movements ledger. Every function that changes a level
// also writes its ledger row; callers pass the transaction.
import { sql } from 'kysely';
import type { Kdb, MovementReason } from '../../platform/db/index.ts';

export interface LevelRow { product_id: string; location_id: string; on_hand: number; reserved: number }

export interface MovementInput {
  productId: string; locationId: string; deltaOnHand: number; deltaReserved: number;
  reason: MovementReason; orderId?: string | null; note?: string | null; actor: string;
}

/**
 * Locks the level rows of these products at every location, in (product, location)
 * order. Two transactions that lock overlapping products always take the locks in the
 * same order, so they queue instead of deadlocking.
 */
export async function lockLevels(trx: Kdb, tenantId: string, productIds: readonly string[]): Promise<LevelRow[]> {
  if (productIds.length === 0) return [];
  return trx.selectFrom('inventory_levels').select(['product_id', 'location_id', 'on_hand', 'reserved'])
    .where('tenant_id', '=', tenantId).where('product_id', 'in', [...productIds])
    .orderBy('product_id').orderBy('location_id').forUpdate().execute();
}

/**
 * Reserves quantities in one guarded statement: a row is only touched if it still has
 * the units available. Returns how many rows were reserved; fewer than asked means a
 * row lacked stock and the caller must roll back.
 */
export async function reserve(trx: Kdb, tenantId: string, items: readonly { productId: string; locationId: string; quantity: number }[]): Promise<number> {
  if (items.length === 0) return 0;
  const values = sql.join(items.map((i) => sql`(${i.productId}, ${i.locationId}, ${i.quantity}::int)`));
  const result = await sql`
    update inventory_levels l set reserved = l.reserved + v.q, updated_at = now()
    from (values ${values}) as v(product_id, location_id, q)
    where l.tenant_id = ${tenantId} and l.product_id = v.product_id and l.location_id = v.location_id
      and l.on_hand - l.reserved >= v.q`.execute(trx);
  return Number(result.numAffectedRows ?? 0n);
}

/** Gives reserved units back to available (cancel, re-route). */
export async function unreserve(trx: Kdb, tenantId: string, items: readonly { productId: string; locationId: string; quantity: number }[]): Promise<number> {
  if (items.length === 0) return 0;
  const values = sql.join(items.map((i) => sql`(${i.productId}, ${i.locationId}, ${i.quantity}::int)`));
  const result = await sql`
    update inventory_levels l set reserved = l.reserved - v.q, updated_at = now()
    from (values ${values}) as v(product_id, location_id, q)
    where l.tenant_id = ${tenantId} and l.product_id = v.product_id and l.location_id = v.location_id
      and l.reserved >= v.q`.execute(trx);
  return Number(result.numAffectedRows ?? 0n);
}

/** Adds to on_hand, creating the level row on first receipt. */
export async function addOnHand(trx: Kdb, tenantId: string, productId: string, locationId: string, delta: number): Promise<LevelRow> {
  return trx.insertInto('inventory_levels')
    .values({ tenant_id: tenantId, product_id: productId, location_id: locationId, on_hand: delta, reserved: 0 })
    .onConflict((oc) => oc.columns(['tenant_id', 'product_id', 'location_id']).doUpdateSet({
      on_hand: sql`inventory_levels.on_hand + ${delta}::int`, updated_at: sql`now()`,
    }))
    .returning(['product_id', 'location_id', 'on_hand', 'reserved'])
    .executeTakeFirstOrThrow();
}

/** Takes from on_hand only if what stays still covers the reservations; undefined if not. */
export async function removeOnHand(trx: Kdb, tenantId: string, productId: string, locationId: string, quantity: number): Promise<LevelRow | undefined> {
  return trx.updateTable('inventory_levels')
    .set({ on_hand: sql`on_hand - ${quantity}::int`, updated_at: sql`now()` })
    .where('tenant_id', '=', tenantId).where('product_id', '=', productId).where('location_id', '=', locationId)
    .where(sql<boolean>`on_hand - ${quantity}::int >= reserved`)
    .returning(['product_id', 'location_id', 'on_hand', 'reserved'])
    .executeTakeFirst();
}

export async function findLevel(db: Kdb, tenantId: string, productId: string, locationId: string): Promise<LevelRow | undefined> {
  return db.selectFrom('inventory_levels').select(['product_id', 'location_id', 'on_hand', 'reserved'])
    .where('tenant_id', '=', tenantId).where('product_id', '=', productId).where('location_id', '=', locationId)
    .executeTakeFirst();
}

/** Appends ledger rows. */
export async function insertMovements(trx: Kdb, tenantId: string, movements: readonly MovementInput[]): Promise<void> {
  if (movements.length === 0) return;
  await trx.insertInto('inventory_movements').values(movements.map((m) => ({
    tenant_id: tenantId, product_id: m.productId, location_id: m.locationId,
    delta_on_hand: m.deltaOnHand, delta_reserved: m.deltaReserved, reason: m.reason,
    order_id: m.orderId ?? null, note: m.note ?? null, actor: m.actor,
  }))).execute();
}
