// Placing units of an accepted order at locations by routing, and reserving them there —
// the step re-routes share. The caller has locked the products' levels (lockLevels, in
// (product, location) order) and passes the available stock it read under those locks.
import type { Kdb } from '../../platform/db/index.ts';
import { reserveForOrder, type AllocationInput, type AllocationRecord, type AvailableStock } from '../inventory/index.ts';
import { loadRoutingContext, planRouting, shareOut, type RoutingPlan } from '../routing/index.ts';
import { lockOrderFulfillment, openFulfillmentOrdersByLocation, type OrderRoutingRow } from './fulfillment-orders.repository.ts';

export interface UnitsToPlace { orderLineId: string; productId: string; sku: string; quantity: number }

export interface Placement {
  plan: RoutingPlan;
  records: AllocationRecord[];
  /** Units per order line that no allowed location could take. */
  unplaced: Map<string, number>;
}

/** Hands the plan's units to the lines in the given order; what is left per line is unplaced. */
function shareOutUnits(plan: RoutingPlan, items: readonly UnitsToPlace[]): { allocations: AllocationInput[]; unplaced: Map<string, number> } {
  const out = shareOut(plan.allocations, items);
  const unplaced = new Map<string, number>();
  items.forEach((item, i) => {
    const left = out.unplaced[i] as number;
    if (left > 0) unplaced.set(item.orderLineId, (unplaced.get(item.orderLineId) ?? 0) + left);
  });
  return { allocations: out.allocations, unplaced };
}

/**
 * Routes the units among the allowed locations (by the tenant's rules, to the order's
 * destination) and reserves what the plan places, joining the order's open fulfillment
 * order at each location or opening one. `policy: 'deny'` reports the shortfall in the
 * plan instead of reserving anything when units would stay unplaced.
 */
export async function placeUnits(
  trx: Kdb, tenantId: string, actor: string, order: OrderRoutingRow, items: readonly UnitsToPlace[], stock: AvailableStock,
  options: { allowed: (locationId: string) => boolean; policy: 'deny' | 'continue' },
): Promise<Placement> {
  const context = await loadRoutingContext(trx, tenantId, order.delivery_type === 'pickup' && order.pickup_location_id
    ? { pickupLocationId: order.pickup_location_id } : { address: order.shipping_address });
  const demands = new Map<string, { productId: string; sku: string; quantity: number; policy: 'deny' | 'continue' }>();
  for (const item of items) {
    const d = demands.get(item.productId) ?? { productId: item.productId, sku: item.sku, quantity: 0, policy: options.policy };
    d.quantity += item.quantity;
    demands.set(item.productId, d);
  }
  const plan = planRouting({
    demands: [...demands.values()], candidates: context.candidates.filter((c) => options.allowed(c.locationId)), stock,
    delivery: context.delivery, orderTotal: Number(order.total), rules: context.rules,
  });
  const { allocations, unplaced } = shareOutUnits(plan, items);
  if (plan.shortages.length > 0) return { plan, records: [], unplaced };
  await lockOrderFulfillment(trx, tenantId, [order.id]);
  const existing = await openFulfillmentOrdersByLocation(trx, tenantId, order.id);
  const records = await reserveForOrder(trx, tenantId, actor, order.id, allocations, { deliveryType: order.delivery_type, existing });
  return { plan, records, unplaced };
}
