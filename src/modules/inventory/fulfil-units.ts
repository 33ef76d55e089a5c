// What leaving the building does to stock, in the caller's transaction (shipments and
// counter pickups call it; reservations are inventory's, so their end is too): the shipped
// units of each allocation move from reserved to fulfilled (an allocation that ships in
// part is split, so every row's quantity stays exact), the levels lose them from both
// on_hand and reserved, and each (product, location) gets one 'shipment' ledger row.
// Store pickups go through the same steps: the units leave over the counter.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { assert } from '../../platform/assert.ts';
import { newId } from '../../platform/ids.ts';
import { insertMovements, lockLevels } from './inventory.repository.ts';

export interface ReservedAllocation {
  id: string; order_line_id: string; product_id: string; quantity: number; picked: number;
}

/** Units of one reserved allocation to fulfil. */
export interface UnitsToFulfil { allocation: ReservedAllocation; quantity: number }

export interface FulfilledUnits {
  /** The allocation row that now holds the shipped units (the same row, or the one split off). */
  allocationId: string;
  /** The row the units were taken from (differs from allocationId after a split). */
  sourceAllocationId: string;
  orderLineId: string; productId: string; quantity: number;
}

function byProductThenId(a: UnitsToFulfil, b: UnitsToFulfil): number {
  return a.allocation.product_id.localeCompare(b.allocation.product_id) || a.allocation.id.localeCompare(b.allocation.id);
}

/** Moves the taken units out of stock; returns where each take now sits. */
export async function fulfillUnits(
  trx: Kdb, tenantId: string, actor: string, orderId: string, locationId: string, takes: readonly UnitsToFulfil[], note: string,
): Promise<FulfilledUnits[]> {
  const sorted = [...takes].filter((t) => t.quantity > 0).sort(byProductThenId);
  const productIds = [...new Set(sorted.map((t) => t.allocation.product_id))];
  // Levels are locked in (product, location) order, like every other writer of stock.
  await lockLevels(trx, tenantId, productIds);
  const out: FulfilledUnits[] = [];
  for (const take of sorted) out.push(await fulfillAllocation(trx, tenantId, take));

  const perProduct = new Map<string, number>();
  for (const t of sorted) perProduct.set(t.allocation.product_id, (perProduct.get(t.allocation.product_id) ?? 0) + t.quantity);
  for (const [productId, quantity] of perProduct) {
    const result = await sql`
      update inventory_levels set on_hand = on_hand - ${quantity}::int, reserved = reserved - ${quantity}::int, updated_at = now()
      where tenant_id = ${tenantId} and product_id = ${productId} and location_id = ${locationId} and reserved >= ${quantity}::int`.execute(trx);
    assert(Number(result.numAffectedRows ?? 0n) === 1, `level ${productId}@${locationId} did not hold ${quantity} reserved units`);
  }
  await insertMovements(trx, tenantId, [...perProduct].map(([productId, quantity]) => ({
    productId, locationId, deltaOnHand: -quantity, deltaReserved: -quantity, reason: 'shipment' as const, orderId, note, actor,
  })));
  return out;
}

/** Fulfils one allocation whole, or splits the shipped units off into a fulfilled row. */
async function fulfillAllocation(trx: Kdb, tenantId: string, take: UnitsToFulfil): Promise<FulfilledUnits> {
  const a = take.allocation;
  const base = { sourceAllocationId: a.id, orderLineId: a.order_line_id, productId: a.product_id, quantity: take.quantity };
  assert(take.quantity <= a.quantity, `cannot ship ${take.quantity} of allocation ${a.id} holding ${a.quantity}`);
  if (take.quantity === a.quantity) {
    const whole = await trx.updateTable('order_allocations').set({ status: 'fulfilled', updated_at: new Date() })
      .where('tenant_id', '=', tenantId).where('id', '=', a.id).where('status', '=', 'reserved').executeTakeFirst();
    assert(whole.numUpdatedRows === 1n, `allocation ${a.id} is no longer reserved`);
    return { ...base, allocationId: a.id };
  }
  // Picked units go with the shipment first: what is shipped was picked, if anything was.
  const pickedShipped = Math.min(a.picked, take.quantity);
  const rest = await trx.updateTable('order_allocations')
    .set({ quantity: a.quantity - take.quantity, picked: a.picked - pickedShipped, updated_at: new Date() })
    .where('tenant_id', '=', tenantId).where('id', '=', a.id).where('status', '=', 'reserved').where('quantity', '=', a.quantity)
    .executeTakeFirst();
  assert(rest.numUpdatedRows === 1n, `allocation ${a.id} changed while it was being shipped`);
  const id = newId('alc');
  await sql`
    insert into order_allocations (tenant_id, id, order_id, order_line_id, product_id, location_id, quantity, status, fulfillment_order_id, picked)
    select tenant_id, ${id}, order_id, order_line_id, product_id, location_id, ${take.quantity}::int, 'fulfilled', fulfillment_order_id, ${pickedShipped}::int
    from order_allocations where tenant_id = ${tenantId} and id = ${a.id}`.execute(trx);
  return { ...base, allocationId: id };
}
