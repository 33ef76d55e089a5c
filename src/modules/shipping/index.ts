// Shipping: carrier services and rate shopping, shipments with labels, tracking (API and
// carrier webhooks), the public tracking page, and store pickup.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { carrierServiceRoutes } from './carrier-services.routes.ts';
import { carrierWebhookRoutes } from './carrier-webhook.routes.ts';
import { pickupRoutes } from './pickup.routes.ts';
import { publicTrackingRoutes } from './public-tracking.routes.ts';
import { shipmentRoutes } from './shipments.routes.ts';

/** Every shipping route. */
export const shippingRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, options) => {
  await carrierServiceRoutes(app, options);
  await shipmentRoutes(app, options);
  await pickupRoutes(app, options);
  await publicTrackingRoutes(app, options);
  await carrierWebhookRoutes(app, options);
};

export { createShipment, type Actor } from './shipments.service.ts';
export { createCarrierService } from './carrier-services.service.ts';
export { getShipment, listShipments, loadOrderShipments } from './shipments.queries.ts';
export { recordTrackingEvent } from './tracking.service.ts';
export { markReadyForPickup, confirmPickup } from './pickup.service.ts';
export { signBody } from './carrier-webhook.service.ts';
export { SHIPMENT_STATUSES, SHIPMENT_TRANSITIONS, DELIVERED_STATUSES } from './shipment.states.ts';
export type { ShipmentView, TrackingEventView } from './shipment.view.ts';
