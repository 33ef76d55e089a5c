// Routing plans units per product and location; orders hold them per line. This hands a
// plan's units to the lines that asked for them, in the given line order, and says what
// each line could not get. Intake, re-routes and order edits all place units this way.
import type { PlannedAllocation } from './plan.ts';

export interface LineDemand { orderLineId: string; productId: string; quantity: number }
export interface LineAllocation { orderLineId: string; productId: string; locationId: string; quantity: number }

export interface SharedOut {
  allocations: LineAllocation[];
  /** Per demand, in the order given: the units no planned allocation covered. */
  unplaced: number[];
}

/** Hands the planned units to the demands in order: each takes from its product's locations in plan order. */
export function shareOut(planned: readonly PlannedAllocation[], demands: readonly LineDemand[]): SharedOut {
  const queues = new Map<string, { locationId: string; quantity: number }[]>();
  for (const a of planned) {
    const queue = queues.get(a.productId) ?? [];
    queue.push({ locationId: a.locationId, quantity: a.quantity });
    queues.set(a.productId, queue);
  }
  const allocations: LineAllocation[] = [];
  const unplaced = demands.map((demand) => {
    const queue = queues.get(demand.productId) ?? [];
    let needed = demand.quantity;
    while (needed > 0 && queue.length > 0) {
      const head = queue[0] as { locationId: string; quantity: number };
      const take = Math.min(needed, head.quantity);
      allocations.push({ orderLineId: demand.orderLineId, productId: demand.productId, locationId: head.locationId, quantity: take });
      head.quantity -= take;
      needed -= take;
      if (head.quantity === 0) queue.shift();
    }
    return needed;
  });
  return { allocations, unplaced };
}
