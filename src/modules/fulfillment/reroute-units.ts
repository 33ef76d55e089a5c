// Re-routing units an order lost (a short pick found fewer than the books said): reserve
// them elsewhere by routing, or backorder what no other location has. The order was
// already accepted, so even `deny` SKUs backorder here rather than refuse.
import type { Kdb } from '../../platform/db/index.ts';
import { assert } from '../../platform/assert.ts';
import { availableFromLevels, lockLevels } from '../inventory/index.ts';
import * as repo from './fulfillment-orders.repository.ts';
import { recordOrderEvent } from './order-timeline.ts';
import { placeUnits } from './placement.ts';

export interface RerouteItem { orderLineId: string; productId: string; quantity: number }

export interface RerouteOutcome {
  allocations: { id: string; orderLineId: string; productId: string; locationId: string; quantity: number; fulfillmentOrderId: string }[];
  backordered: { orderLineId: string; quantity: number }[];
}

/**
 * Reserves the items at locations other than `excludeLocationIds` (routing's choice), or
 * backorders them (line.backordered += n); one timeline event `fulfillment.units_rerouted`.
 * The caller has already released the units it is giving up.
 */
export async function rerouteUnits(
  trx: Kdb, tenantId: string, actor: string, orderId: string, items: readonly RerouteItem[], excludeLocationIds: readonly string[],
): Promise<RerouteOutcome> {
  const wanted = items.filter((i) => i.quantity > 0);
  if (wanted.length === 0) return { allocations: [], backordered: [] };
  const order = await repo.findOrderForRouting(trx, tenantId, orderId);
  assert(order, `order ${orderId} to re-route units of does not exist`);
  const levels = await lockLevels(trx, tenantId, [...new Set(wanted.map((i) => i.productId))].sort());
  const skus = await repo.lineSkus(trx, tenantId, wanted.map((i) => i.orderLineId));
  const excluded = new Set(excludeLocationIds);
  const placement = await placeUnits(trx, tenantId, actor, order,
    wanted.map((i) => ({ ...i, sku: skus.get(i.orderLineId)?.sku ?? i.productId })), availableFromLevels(levels),
    { allowed: (id) => !excluded.has(id), policy: 'continue' });
  const backordered = [...placement.unplaced].map(([orderLineId, quantity]) => ({ orderLineId, quantity }));
  for (const b of backordered) assert(await repo.changeBackordered(trx, tenantId, b.orderLineId, b.quantity), `line ${b.orderLineId} not found`);

  const codes = await repo.locationCodes(trx, tenantId, [...placement.records.map((r) => r.locationId), ...excludeLocationIds]);
  await recordOrderEvent(trx, tenantId, orderId, actor, {
    type: 'fulfillment.units_rerouted',
    data: {
      units: wanted.reduce((n, i) => n + i.quantity, 0),
      excluded: excludeLocationIds.map((id) => codes.get(id) ?? id),
      allocations: placement.records.map((r) => ({ sku: skus.get(r.orderLineId)?.sku, location: codes.get(r.locationId), quantity: r.quantity, fulfillment_order_id: r.fulfillmentOrderId })),
      backordered: backordered.map((b) => ({ sku: skus.get(b.orderLineId)?.sku, order_line_id: b.orderLineId, quantity: b.quantity })),
      routing: placement.plan.explanation,
    },
  });
  return { allocations: placement.records, backordered };
}
