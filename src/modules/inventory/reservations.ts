// Reservations for orders: the guarded update of levels, the allocation rows that say
// which order line holds which units where, and their ledger rows, all in the caller's
// transaction. Callers lock the level rows first (lockLevels) in a fixed order.
import type { Kdb } from '../../platform/db/index.ts';
import { assert } from '../../platform/assert.ts';
import { newId } from '../../platform/ids.ts';
import { Problem } from '../../platform/http/index.ts';
import * as repo from './inventory.repository.ts';

export interface AllocationInput { orderLineId: string; productId: string; locationId: string; quantity: number }
export interface AllocationRecord extends AllocationInput { id: string; fulfillmentOrderId: string }

/**
 * Which fulfillment order each location's units join: an existing open one of the order
 * at that location, else a new one (created by the reservation statement).
 */
export interface FulfillmentTarget { deliveryType: 'ship' | 'pickup'; existing?: ReadonlyMap<string, string> }

/** Sums per (product, location) and sorts, so rows are always touched in the same order. */
function grouped(items: readonly { productId: string; locationId: string; quantity: number }[]) {
  const sums = new Map<string, { productId: string; locationId: string; quantity: number }>();
  for (const item of items) {
    const key = `${item.productId}\u0000${item.locationId}`;
    const entry = sums.get(key);
    if (entry) entry.quantity += item.quantity;
    else sums.set(key, { ...item });
  }
  return [...sums.values()].sort((a, b) =>
    a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : a.locationId < b.locationId ? -1 : a.locationId > b.locationId ? 1 : 0);
}

export interface PreparedReservation {
  /** The statement parts to run, alone (reserveForOrder) or inside the order's contents statement. */
  parts: repo.StatementParts;
  /** The level rows the parts must reserve; `parts.result` below this means a level lacked stock. */
  levelCount: number;
  records: AllocationRecord[];
}

/** Builds an order's reservation (levels summed and sorted, allocation ids assigned) without running it. */
export function prepareReservation(
  tenantId: string, actor: string, orderId: string, allocations: readonly AllocationInput[], target: FulfillmentTarget,
): PreparedReservation {
  const rows = grouped(allocations);
  const fulfillmentOf = new Map(target.existing ?? []);
  const opened: repo.NewFulfillmentOrderRow[] = [];
  for (const a of allocations) {
    if (fulfillmentOf.has(a.locationId)) continue;
    const id = newId('ful');
    fulfillmentOf.set(a.locationId, id);
    opened.push({ id, locationId: a.locationId, deliveryType: target.deliveryType });
  }
  const records = allocations.map((a) => ({ ...a, id: newId('alc'), fulfillmentOrderId: fulfillmentOf.get(a.locationId) as string }));
  return { parts: repo.reservationParts(tenantId, actor, orderId, rows, records, opened), levelCount: rows.length, records };
}

/** The refusal when a planned reservation found a level short. */
export function stockChangedProblem(): Problem {
  // The caller planned from locked rows, so this only happens if it did not lock them.
  return new Problem('insufficient_inventory', 'Stock changed while the order was being placed; retry.');
}

/** Reserves stock for an order's allocations; throws insufficient_inventory if a row lacks it. */
export async function reserveForOrder(
  trx: Kdb, tenantId: string, actor: string, orderId: string, allocations: readonly AllocationInput[], target: FulfillmentTarget,
): Promise<AllocationRecord[]> {
  if (allocations.length === 0) return [];
  const reservation = prepareReservation(tenantId, actor, orderId, allocations, target);
  // One statement: the guarded update, the allocation rows and the ledger rows. A short
  // level leaves the others written until the caller's transaction rolls back.
  const reserved = await repo.executeParts(trx, reservation.parts);
  if (reserved !== reservation.levelCount) throw stockChangedProblem();
  return reservation.records;
}

/** Releases every open reservation of an order back into available; returns units released. */
export async function releaseOrderReservations(trx: Kdb, tenantId: string, actor: string, orderId: string, note?: string): Promise<number> {
  const open = await trx.selectFrom('order_allocations').select(['id', 'product_id', 'location_id', 'quantity'])
    .where('tenant_id', '=', tenantId).where('order_id', '=', orderId).where('status', '=', 'reserved')
    .execute();
  if (open.length === 0) return 0;
  const rows = grouped(open.map((a) => ({ productId: a.product_id, locationId: a.location_id, quantity: a.quantity })));
  await repo.lockLevels(trx, tenantId, [...new Set(rows.map((r) => r.productId))]);
  const released = await repo.unreserve(trx, tenantId, rows);
  assert(released === rows.length, `released ${released} of ${rows.length} reservation rows of order ${orderId}`);
  await trx.updateTable('order_allocations').set({ status: 'released', updated_at: new Date() })
    .where('tenant_id', '=', tenantId).where('id', 'in', open.map((a) => a.id)).execute();
  await repo.insertMovements(trx, tenantId, rows.map((r) => ({
    productId: r.productId, locationId: r.locationId, deltaOnHand: 0, deltaReserved: -r.quantity, reason: 'release' as const, orderId, note: note ?? null, actor,
  })));
  return rows.reduce((sum, r) => sum + r.quantity, 0);
}
