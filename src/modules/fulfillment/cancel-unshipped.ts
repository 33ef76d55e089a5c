// The stock side of canceling what has not shipped: every unshipped fulfillment order is
// canceled and every reservation of the order released (ledger `release`), with the
// products' levels locked first in key order. Picked but unshipped units are released
// too: the books give them back to available, and the warehouse puts them back.
import type { Kdb } from '../../platform/db/index.ts';
import { lockLevels, releaseAllocations } from '../inventory/index.ts';
import { UNSHIPPED_STATUSES } from './fulfillment-order.states.ts';
import { lockOrderFulfillment } from './fulfillment-orders.repository.ts';
import { transitionFulfillmentOrder } from './fulfillment-orders.service.ts';

export interface UnshippedCancellation { unitsReleased: number; fulfillmentOrdersCanceled: string[] }

/** Cancels the order's unshipped fulfillment orders and releases all its reservations. */
export async function cancelUnshippedFulfillment(trx: Kdb, tenantId: string, actor: string, orderId: string, note: string | null): Promise<UnshippedCancellation> {
  const reserved = await trx.selectFrom('order_allocations').select(['id', 'product_id'])
    .where('tenant_id', '=', tenantId).where('order_id', '=', orderId).where('status', '=', 'reserved').execute();
  await lockLevels(trx, tenantId, [...new Set(reserved.map((a) => a.product_id))].sort());
  await lockOrderFulfillment(trx, tenantId, [orderId]);
  const open = await trx.selectFrom('fulfillment_orders').select('id')
    .where('tenant_id', '=', tenantId).where('order_id', '=', orderId).where('status', 'in', [...UNSHIPPED_STATUSES]).orderBy('id').execute();
  for (const fo of open) await transitionFulfillmentOrder(trx, tenantId, fo.id, 'canceled', { from: UNSHIPPED_STATUSES });
  // Re-read under the locks: a backorder allocation may have reserved more meanwhile.
  const now = await trx.selectFrom('order_allocations').select('id')
    .where('tenant_id', '=', tenantId).where('order_id', '=', orderId).where('status', '=', 'reserved').execute();
  const unitsReleased = await releaseAllocations(trx, tenantId, actor, orderId, now.map((a) => a.id), note);
  return { unitsReleased, fulfillmentOrdersCanceled: open.map((f) => f.id) };
}
