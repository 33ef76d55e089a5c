// The fulfillment order status machine, as data. A fulfillment order is the part of an
// order one location ships or hands over; picking, packing, shipping and pickup move it.
import { canTransition, type TransitionTable } from '../../platform/state-machine.ts';
import { Problem } from '../../platform/http/index.ts';
import type { FulfillmentOrderStatus } from '../../platform/db/schema-fulfillment.ts';

export type { FulfillmentOrderStatus };

export const FULFILLMENT_ORDER_STATUSES = [
  'open', 'picking', 'picked', 'packed', 'shipped', 'ready_for_pickup', 'picked_up', 'canceled',
] as const satisfies readonly FulfillmentOrderStatus[];

/**
 * open → picking → picked → packed → shipped is the warehouse path; small shops ship
 * straight from open, picked or packed; pickup orders wait ready_for_pickup at the
 * counter; a canceled wave puts picking back to open. Anything not shipped or handed
 * over can be canceled (order cancel, re-route). Packing without a wave goes straight
 * from open to packed; removing a package from a packed order puts it back to picked.
 */
export const FULFILLMENT_ORDER_TRANSITIONS = {
  open: ['picking', 'packed', 'shipped', 'ready_for_pickup', 'canceled'],
  picking: ['picked', 'open', 'ready_for_pickup', 'canceled'],
  picked: ['packed', 'shipped', 'ready_for_pickup', 'canceled'],
  packed: ['shipped', 'picked', 'canceled'],
  ready_for_pickup: ['picked_up', 'canceled'],
  shipped: [],
  picked_up: [],
  canceled: [],
} as const satisfies TransitionTable<FulfillmentOrderStatus>;

/** Statuses in which nothing has left the building yet: the units can still be canceled or moved. */
export const UNSHIPPED_STATUSES = ['open', 'picking', 'picked', 'packed', 'ready_for_pickup'] as const satisfies readonly FulfillmentOrderStatus[];

/** The statuses from which `to` may be reached. */
export function statusesLeadingTo(to: FulfillmentOrderStatus): FulfillmentOrderStatus[] {
  return FULFILLMENT_ORDER_STATUSES.filter((from) => canTransition<FulfillmentOrderStatus>(FULFILLMENT_ORDER_TRANSITIONS, from, to));
}

/** Throws invalid_transition unless the move is allowed. */
export function assertFulfillmentTransition(from: FulfillmentOrderStatus, to: FulfillmentOrderStatus): void {
  if (!canTransition<FulfillmentOrderStatus>(FULFILLMENT_ORDER_TRANSITIONS, from, to)) {
    throw new Problem('invalid_transition', `Cannot move a fulfillment order from ${from} to ${to}.`, { extra: { from, to } });
  }
}
