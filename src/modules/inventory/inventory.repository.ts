// SQL for stock levels and the movements ledger. Every function that changes a level
// also writes its ledger row; callers pass the transaction.
import { sql, type RawBuilder } from 'kysely';
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
  return (await lockLevelsQuery(tenantId, productIds).execute(trx)).rows;
}

/**
 * The statement lockLevels runs, for callers that embed it in a larger statement (order
 * intake locks levels in the statement that inserts the order). `= any(array)` rather
 * than `in (...)`: one statement text for any number of products.
 */
export function lockLevelsQuery(tenantId: string, productIds: readonly string[]): RawBuilder<LevelRow> {
  return sql<LevelRow>`
    select product_id, location_id, on_hand, reserved from inventory_levels
    where tenant_id = ${tenantId} and product_id = any(${[...productIds]}::text[])
    order by product_id, location_id
    for update`;
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

export interface ReservationRow { productId: string; locationId: string; quantity: number }
export interface AllocationRow { id: string; orderLineId: string; productId: string; locationId: string; quantity: number; fulfillmentOrderId: string }
/** A fulfillment order the reservation opens (one per location that ships part of the order). */
export interface NewFulfillmentOrderRow { id: string; locationId: string; deliveryType: 'ship' | 'pickup' }

/** CTE definitions for a larger statement, and a scalar over them. */
export interface StatementParts { ctes: RawBuilder<unknown>; result: RawBuilder<number> }

/**
 * An order's reservation as parts of one statement: the guarded update of the level
 * rows (`reserved_levels` returns one row per level that still had the units), the
 * allocation rows and their ledger rows. `result` counts the levels reserved; fewer
 * than `levels.length` means the caller must roll back. The text never varies with
 * the order, so it can be prepared once: rows travel as arrays (the update, where the
 * planner needs a small row estimate to use the primary key) or as JSON (the inserts).
 */
export function reservationParts(
  tenantId: string, actor: string, orderId: string, levels: readonly ReservationRow[], allocations: readonly AllocationRow[],
  fulfillmentOrders: readonly NewFulfillmentOrderRow[],
): StatementParts {
  const productIds = levels.map((l) => l.productId);
  const locationIds = levels.map((l) => l.locationId);
  const quantities = levels.map((l) => l.quantity);
  const allocationRows = JSON.stringify(allocations.map((a) => ({
    id: a.id, order_line_id: a.orderLineId, product_id: a.productId, location_id: a.locationId, quantity: a.quantity,
    fulfillment_order_id: a.fulfillmentOrderId,
  })));
  const fulfillmentRows = JSON.stringify(fulfillmentOrders.map((f) => ({ id: f.id, location_id: f.locationId, delivery_type: f.deliveryType })));
  const ctes = sql`
    reserved_levels as (
      update inventory_levels l set reserved = l.reserved + v.q, updated_at = now()
      from unnest(${productIds}::text[], ${locationIds}::text[], ${quantities}::int[]) as v(product_id, location_id, q)
      where l.tenant_id = ${tenantId} and l.product_id = v.product_id and l.location_id = v.location_id
        and l.on_hand - l.reserved >= v.q
      returning 1
    ),
    new_fulfillment_orders as (
      insert into fulfillment_orders (tenant_id, id, order_id, location_id, delivery_type, status)
      select ${tenantId}, f.id, ${orderId}, f.location_id, f.delivery_type, 'open'
      from json_to_recordset(${fulfillmentRows}::json) as f(id text, location_id text, delivery_type text)
    ),
    new_allocations as (
      insert into order_allocations (tenant_id, id, order_id, order_line_id, product_id, location_id, quantity, status, fulfillment_order_id)
      select ${tenantId}, a.id, ${orderId}, a.order_line_id, a.product_id, a.location_id, a.quantity, 'reserved', a.fulfillment_order_id
      from json_to_recordset(${allocationRows}::json) as a(id text, order_line_id text, product_id text, location_id text, quantity int, fulfillment_order_id text)
    ),
    reservation_movements as (
      insert into inventory_movements (tenant_id, product_id, location_id, delta_on_hand, delta_reserved, reason, order_id, note, actor)
      select ${tenantId}, v.product_id, v.location_id, 0, v.q, 'reservation', ${orderId}, null, ${actor}
      from unnest(${productIds}::text[], ${locationIds}::text[], ${quantities}::int[]) with ordinality as v(product_id, location_id, q, n)
      order by v.n
    )`;
  return { ctes, result: sql<number>`(select count(*) from reserved_levels)::int` };
}

/** Runs statement parts on their own: `with <ctes> select <result>`. */
export async function executeParts(trx: Kdb, parts: StatementParts): Promise<number> {
  const { rows } = await sql<{ result: number }>`with ${parts.ctes} select ${parts.result} as result`.execute(trx);
  return rows[0]?.result ?? 0;
}
