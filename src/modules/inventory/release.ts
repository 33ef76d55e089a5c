// Releasing chosen reservations (a re-route, a partial cancel): reserved units of the given
// allocations go back to available, one `release` ledger row per level, allocations marked
// released — in the caller's transaction, after it locked the levels (lockLevels).
import type { Kdb } from '../../platform/db/index.ts';
import { assert } from '../../platform/assert.ts';
import * as repo from './inventory.repository.ts';

/** Releases the still-reserved allocations among `allocationIds`; returns units released. */
export async function releaseAllocations(trx: Kdb, tenantId: string, actor: string, orderId: string, allocationIds: readonly string[], note: string | null): Promise<number> {
  if (allocationIds.length === 0) return 0;
  const released = await trx.updateTable('order_allocations').set({ status: 'released', updated_at: new Date() })
    .where('tenant_id', '=', tenantId).where('id', 'in', [...allocationIds]).where('status', '=', 'reserved')
    .returning(['product_id', 'location_id', 'quantity']).execute();
  const sums = new Map<string, { productId: string; locationId: string; quantity: number }>();
  for (const a of released) {
    const key = `${a.product_id}\u0000${a.location_id}`;
    const entry = sums.get(key) ?? { productId: a.product_id, locationId: a.location_id, quantity: 0 };
    entry.quantity += a.quantity;
    sums.set(key, entry);
  }
  const rows = [...sums.values()].sort((a, b) => (a.productId + a.locationId < b.productId + b.locationId ? -1 : 1));
  const unreserved = await repo.unreserve(trx, tenantId, rows);
  assert(unreserved === rows.length, `released ${unreserved} of ${rows.length} levels of order ${orderId}`);
  await repo.insertMovements(trx, tenantId, rows.map((r) => ({
    productId: r.productId, locationId: r.locationId, deltaOnHand: 0, deltaReserved: -r.quantity, reason: 'release' as const, orderId, note, actor,
  })));
  return rows.reduce((n, r) => n + r.quantity, 0);
}
