// How a shipment's status moves as tracking events arrive, as data. Status only moves
// forward: delivered (and picked_up, the counter hand-over) is final; an exception (a
// failed delivery, a damaged parcel) can be followed by transit or delivery again.
// Every event is stored; one that arrives out of order (older than the latest event)
// or would move the status backwards is kept in the history but changes nothing.
import { canTransition, type TransitionTable } from '../../platform/state-machine.ts';
import type { ShipmentStatus } from '../../platform/db/schema-shipping.ts';

export const SHIPMENT_STATUSES = ['shipped', 'in_transit', 'out_for_delivery', 'delivered', 'exception', 'picked_up'] as const satisfies readonly ShipmentStatus[];

/** The statuses a tracking event may report. */
export const TRACKING_EVENT_STATUSES = ['in_transit', 'out_for_delivery', 'delivered', 'exception'] as const satisfies readonly ShipmentStatus[];
export type TrackingEventStatus = (typeof TRACKING_EVENT_STATUSES)[number];

export const SHIPMENT_TRANSITIONS = {
  shipped: ['in_transit', 'out_for_delivery', 'delivered', 'exception'],
  in_transit: ['out_for_delivery', 'delivered', 'exception'],
  out_for_delivery: ['delivered', 'exception'],
  exception: ['in_transit', 'out_for_delivery', 'delivered'],
  delivered: [],
  picked_up: [],
} as const satisfies TransitionTable<ShipmentStatus>;

/** Statuses after which the parcel is with the customer. */
export const DELIVERED_STATUSES = ['delivered', 'picked_up'] as const satisfies readonly ShipmentStatus[];

/**
 * The status after an event: the event's own when the table allows the move and the
 * event is not older than the latest one already recorded; otherwise unchanged.
 */
export function statusAfterEvent(current: ShipmentStatus, event: ShipmentStatus, eventAt: Date, latestAt: Date | null): ShipmentStatus {
  if (latestAt !== null && eventAt.getTime() < latestAt.getTime()) return current;
  return canTransition<ShipmentStatus>(SHIPMENT_TRANSITIONS, current, event) ? event : current;
}
