// Shipping a fulfillment order and playing its carrier's tracking events, through the
// shipping module's use cases. Shipments are stamped when the seed runs (createShipment
// takes the clock's time); the carrier's events carry their own (back-dated) times, as a
// carrier's webhook would, so deliveries and return windows fall on plausible days.
import { Problem, transaction } from '../platform/http/index.ts';
import { createShipment, recordTrackingEvent } from '../modules/shipping/index.ts';
import { DEMO_LOCATIONS } from './demo-catalog.ts';
import { DEMO_CARRIER_SERVICES, serviceFor } from './demo-settings.ts';
import { trackingPlan } from './demo-tracking.ts';
import type { SeedContext, SeededOrder } from './seed-context.ts';

const TRANSIT_DAYS = new Map(DEMO_CARRIER_SERVICES.map((s) => [s.code, s.transit_days]));
const CITY_OF = new Map<string, string>(DEMO_LOCATIONS.map((l) => [l.code, l.address.city]));

/** Ships what the fulfillment order holds (its packages, else its units); answers the shipment id and service. */
export async function ship(ctx: SeedContext, order: SeededOrder, fo: { id: string; location: string }): Promise<{ shipmentId: string; service: string }> {
  const service = serviceFor(order.shippingMethod, fo.location);
  const tracking = service === 'COURIER' ? `NYC-${order.number}-${fo.id.slice(-4).toUpperCase()}` : undefined;
  try {
    const shipment = await transaction(ctx.db, (trx) => createShipment(trx, ctx.who, fo.id, { service, ...(tracking ? { tracking_number: tracking } : {}) }));
    return { shipmentId: shipment.id, service };
  } catch (error) {
    // A parcel too heavy for the rate table goes with the courier, as a warehouse would book it.
    if (!(error instanceof Problem) || error.code !== 'carrier_service_unavailable') throw error;
    const shipment = await transaction(ctx.db, (trx) => createShipment(trx, ctx.who, fo.id, { service: 'COURIER', tracking_number: `FREIGHT-${order.number}` }));
    return { shipmentId: shipment.id, service: 'COURIER' };
  }
}

/** Records the carrier's events of a shipment up to now; answers whether it was delivered. */
export async function track(ctx: SeedContext, order: SeededOrder, shipment: { shipmentId: string; service: string }, location: string): Promise<boolean> {
  const events = trackingPlan(ctx.random, {
    placedAt: order.placedAt, transitDays: TRANSIT_DAYS.get(shipment.service) ?? 3,
    from: CITY_OF.get(location) ?? location, to: order.city ?? 'destination', now: ctx.now,
  });
  const actor = `carrier:${shipment.service}`;
  for (const e of events) {
    await transaction(ctx.db, (trx) => recordTrackingEvent(trx, ctx.tenantId, actor, shipment.shipmentId, {
      status: e.status, occurredAt: e.at, description: e.description, place: e.place,
    }, actor));
  }
  return events.some((e) => e.status === 'delivered');
}
