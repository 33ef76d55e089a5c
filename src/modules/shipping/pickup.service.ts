// Store pickup (buy online, pick up in store). The store gets the units ready and marks
// the fulfillment order ready_for_pickup (the customer is told); when the customer takes
// them at the counter, the units leave stock like a shipment's and a shipment row with
// carrier 'pickup' and status 'picked_up' records it, so an order's history reads the
// same whichever way it left.
import type { Kdb } from '../../platform/db/index.ts';
import { Problem } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import { getFulfillmentOrder, toFulfillmentOrderView, transitionFulfillmentOrder, type FulfillmentOrderView } from '../fulfillment/index.ts';
import { recordEvents } from '../orders/index.ts';
import { requestCaptureForShipment } from '../payments/index.ts';
import { afterShipmentDelivered } from './delivery.service.ts';
import { lockShipContext, type ShipContext } from './ship-context.ts';
import { fulfillUnits } from '../inventory/index.ts';
import * as repo from './shipments.repository.ts';
import { getShipment } from './shipments.queries.ts';
import { unitsPerLine, type Actor } from './shipments.service.ts';
import type { ShipmentView } from './shipment.view.ts';

async function lockPickup(trx: Kdb, tenantId: string, foId: string, to: 'ready_for_pickup' | 'picked_up'): Promise<ShipContext> {
  const ctx = await lockShipContext(trx, tenantId, foId);
  if (ctx.fo.delivery_type !== 'pickup') {
    throw new Problem('invalid_transition', 'This fulfillment order is shipped, not picked up; ship it instead.', { extra: { from: ctx.fo.status, to } });
  }
  if (ctx.order.status !== 'open') {
    throw new Problem('invalid_transition', `Cannot hand over an order that is ${ctx.order.status}.`, { extra: { from: ctx.order.status, to } });
  }
  return ctx;
}

/** The store has the units ready: the fulfillment order waits at the counter and the customer is told. */
export async function markReadyForPickup(trx: Kdb, who: Actor, foId: string): Promise<FulfillmentOrderView> {
  const { tenantId, actor } = who;
  const ctx = await lockPickup(trx, tenantId, foId, 'ready_for_pickup');
  await transitionFulfillmentOrder(trx, tenantId, ctx.fo.id, 'ready_for_pickup');
  const data = { fulfillment_order_id: ctx.fo.id, location: ctx.location.code };
  await recordEvents(trx, tenantId, ctx.order.id, actor, [{ type: 'order.ready_for_pickup', data: { ...data, location_name: ctx.location.name } }],
    [{ topic: 'order.ready_for_pickup', aggregateId: ctx.order.id, payload: { order_id: ctx.order.id, ...data } }]);
  return toFulfillmentOrderView(await getFulfillmentOrder(trx, tenantId, ctx.fo.id));
}

/** The customer took the units at the counter; answers the pickup's shipment record. */
export async function confirmPickup(trx: Kdb, who: Actor, foId: string, note: string | null): Promise<ShipmentView> {
  const { tenantId, actor } = who;
  const ctx = await lockPickup(trx, tenantId, foId, 'picked_up');
  const { order, fo, location } = ctx;
  await transitionFulfillmentOrder(trx, tenantId, fo.id, 'picked_up');
  if (ctx.reserved.length === 0) throw new Problem('nothing_to_ship', `Fulfillment order ${fo.id} has no units to hand over.`);

  const shipmentId = newId('shp');
  const fulfilled = await fulfillUnits(trx, tenantId, actor, order.id, location.id, ctx.reserved.map((allocation) => ({ allocation, quantity: allocation.quantity })), `pickup ${shipmentId}`);
  const now = new Date();
  await repo.insertShipment(trx, tenantId, {
    id: shipmentId, orderId: order.id, fulfillmentOrderId: fo.id, locationId: location.id, serviceId: null,
    carrier: 'pickup', serviceCode: null, trackingNumber: null, status: 'picked_up', cost: null, currency: null, labelPdf: null, deliveredAt: now,
    items: fulfilled.map((f) => ({ allocationId: f.allocationId, orderLineId: f.orderLineId, quantity: f.quantity })),
  }, actor, now);
  const units = fulfilled.reduce((n, f) => n + f.quantity, 0);
  await recordEvents(trx, tenantId, order.id, actor,
    [{ type: 'order.picked_up', data: { shipment_id: shipmentId, fulfillment_order_id: fo.id, location: location.code, units, ...(note ? { note } : {}) } }],
    [{ topic: 'order.picked_up', aggregateId: order.id, payload: { order_id: order.id, fulfillment_order_id: fo.id, shipment_id: shipmentId, location: location.code } }]);
  await requestCaptureForShipment(trx, tenantId, actor, order.id, shipmentId, unitsPerLine(fulfilled));
  await afterShipmentDelivered(trx, tenantId, actor, order, shipmentId);
  return getShipment(trx, tenantId, shipmentId);
}
