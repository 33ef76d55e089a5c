// Allocating backorders when stock arrives (receipts, counts and corrections that raise
// on_hand, purchase order receipts, transfers, restocked returns), in the arrival's own
// transaction: waiting lines get the new units oldest order first, at the location where
// they arrived, if that location can serve the order (it ships, or it is the order's
// pickup location). Canceled and completed orders are skipped; orders on hold are served
// like open ones — they were accepted and keep their place in the queue, and their
// fulfillment orders wait while the hold lasts (see docs/routing.md).
import type { Kdb } from '../../platform/db/index.ts';
import { assert } from '../../platform/assert.ts';
import { lockLevelPairs, reserveForOrder, type AllocationInput } from '../inventory/index.ts';
import { locationsById, waitingLines, type WaitingLine } from './backorders.repository.ts';
import { changeBackordered, lockOrderFulfillment, openFulfillmentOrdersByLocation } from './fulfillment-orders.repository.ts';
import { recordOrderEvent } from './order-timeline.ts';

export interface BackorderAllocation { orderId: string; orderLineId: string; productId: string; locationId: string; quantity: number }

function canServe(line: WaitingLine, location: { id: string; ships: boolean; active: boolean }): boolean {
  if (!location.active) return false;
  return line.delivery_type === 'pickup' ? line.pickup_location_id === location.id : location.ships;
}

/**
 * Reserves newly available units at the given (product, location) pairs for backordered
 * lines, oldest order first; returns what it allocated. Locks only those level rows, in
 * key order (an arrival already holds them), then the orders' fulfillment locks.
 */
export async function allocateBackorders(
  trx: Kdb, tenantId: string, actor: string, productLocations: readonly { productId: string; locationId: string }[],
): Promise<BackorderAllocation[]> {
  const levels = await lockLevelPairs(trx, tenantId, productLocations);
  const locations = await locationsById(trx, tenantId, levels.map((l) => l.location_id));
  const planned: (BackorderAllocation & { line: WaitingLine })[] = [];
  for (const level of levels) {
    let available = level.on_hand - level.reserved;
    const location = locations.get(level.location_id);
    if (available <= 0 || !location) continue;
    for (const line of await waitingLines(trx, tenantId, level.product_id)) {
      if (available === 0) break;
      const already = planned.filter((p) => p.orderLineId === line.id).reduce((n, p) => n + p.quantity, 0);
      const take = Math.min(line.backordered - already, available);
      if (take <= 0 || !canServe(line, location)) continue;
      planned.push({ orderId: line.order_id, orderLineId: line.id, productId: level.product_id, locationId: level.location_id, quantity: take, line });
      available -= take;
    }
  }
  if (planned.length === 0) return [];
  const orderIds = [...new Set(planned.map((p) => p.orderId))].sort();
  await lockOrderFulfillment(trx, tenantId, orderIds);
  for (const orderId of orderIds) await allocateForOrder(trx, tenantId, actor, orderId, planned.filter((p) => p.orderId === orderId), locations);
  return planned.map(({ line: _line, ...allocation }) => allocation);
}

async function allocateForOrder(
  trx: Kdb, tenantId: string, actor: string, orderId: string, items: readonly (BackorderAllocation & { line: WaitingLine })[],
  locations: ReadonlyMap<string, { code: string }>,
): Promise<void> {
  const first = items[0] as BackorderAllocation & { line: WaitingLine };
  const existing = await openFulfillmentOrdersByLocation(trx, tenantId, orderId);
  const inputs: AllocationInput[] = items.map((i) => ({ orderLineId: i.orderLineId, productId: i.productId, locationId: i.locationId, quantity: i.quantity }));
  const records = await reserveForOrder(trx, tenantId, actor, orderId, inputs, { deliveryType: first.line.delivery_type, existing });
  for (const i of items) assert(await changeBackordered(trx, tenantId, i.orderLineId, -i.quantity), `line ${i.orderLineId} has fewer than ${i.quantity} backordered`);
  await recordOrderEvent(trx, tenantId, orderId, actor, {
    type: 'order.backorder_allocated',
    data: {
      number: String(first.line.order_number),
      allocations: records.map((r, n) => ({
        order_line_id: r.orderLineId, sku: items[n]?.line.sku, location: locations.get(r.locationId)?.code, quantity: r.quantity,
        allocation_id: r.id, fulfillment_order_id: r.fulfillmentOrderId,
      })),
      units: records.reduce((n, r) => n + r.quantity, 0),
    },
  });
}
