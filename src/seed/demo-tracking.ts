// What a carrier reports about a parcel, planned from the order's date: picked up by the
// carrier within the day, departed the origin, out for delivery after the service's
// transit days, delivered a few hours later — and now and then a failed attempt first.
// Only events that have happened by `now` are kept, so recent parcels are still on their way.
// Parcels delivered long ago keep only their departure and delivery scans: nobody reads
// the rest, and every event is a use case the seed has to run.
import { DAY_MS, HOUR_MS, between, pick, type Random } from './prng.ts';

export type CarrierStatus = 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception';

export interface PlannedEvent { status: CarrierStatus; at: Date; place: string | null; description: string | null }

/** Parcels of orders newer than this get every scan (out for delivery, failed attempts). */
const DETAILED_DAYS = 21;

const DELIVERED_NOTES = ['Left at front door', 'Signed for by customer', 'Handed to neighbour', 'Left in parcel locker', 'Delivered to mailroom'];

/** The carrier events of one parcel, oldest first, none later than `now`. */
export function trackingPlan(random: Random, input: { placedAt: Date; transitDays: number; from: string; to: string; now: number }): PlannedEvent[] {
  const detailed = input.now - input.placedAt.getTime() < DETAILED_DAYS * DAY_MS;
  const { from, to } = input;
  const handedOver = input.placedAt.getTime() + between(random, 3, 20) * HOUR_MS;
  const events: PlannedEvent[] = [];
  const add = (status: CarrierStatus, at: number, place: string | null, description: string | null) => events.push({ status, at: new Date(at), place, description });
  add('in_transit', handedOver + between(random, 2, 8) * HOUR_MS, from, 'Departed origin facility');
  let outForDelivery = handedOver + Math.max(1, input.transitDays) * DAY_MS - between(random, 1, 6) * HOUR_MS;
  if (detailed && random() < 0.06) {
    add('exception', outForDelivery + between(random, 2, 6) * HOUR_MS, to, 'Delivery attempt failed: nobody home');
    add('in_transit', outForDelivery + 9 * HOUR_MS, to, 'Back at local depot, next attempt tomorrow');
    outForDelivery += DAY_MS;
  }
  if (detailed) add('out_for_delivery', outForDelivery, to, 'Out for delivery');
  add('delivered', outForDelivery + between(random, 2, 7) * HOUR_MS, to, pick(random, DELIVERED_NOTES));
  // Ten minutes of margin: the events API refuses times ahead of the clock.
  return events.filter((e) => e.at.getTime() <= input.now - 600_000);
}
