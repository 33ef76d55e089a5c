// Shipping a fulfillment order (or part of it), in one transaction: the stock leaves
// (allocations fulfilled, levels and ledger), the shipment is written with its items
// and its first tracking event, the carrier issues the tracking number and the label,
// the fulfillment order becomes shipped once nothing of it is left, the timeline and
// outbox learn of it, and payments are asked to capture what shipped.
import type { Kdb } from '../../platform/db/index.ts';
import { invalid, Problem } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import { statusesLeadingTo, transitionFulfillmentOrder } from '../fulfillment/index.ts';
import { recordEvents } from '../orders/index.ts';
import { requestCaptureForShipment } from '../payments/index.ts';
import { adapterFor } from './carriers/index.ts';
import { serviceConfig } from './carrier-services.service.ts';
import { planParcel } from './parcel.ts';
import { chooseService, destinationOf } from './service-choice.ts';
import { lockShipContext } from './ship-context.ts';
import { fulfillUnits, type FulfilledUnits } from '../inventory/index.ts';
import * as repo from './shipments.repository.ts';
import { getShipment } from './shipments.queries.ts';
import type { ShipmentView } from './shipment.view.ts';
import type { ShipmentInput } from './shipping.schemas.ts';
import { formatTrackingNumber } from './tracking-number.ts';

/** Who acts: the tenant and what the timeline records as the actor. */
export interface Actor { tenantId: string; actor: string }

/** Units shipped per order line, as payments count them. */
export function unitsPerLine(fulfilled: readonly FulfilledUnits[]): { orderLineId: string; quantity: number }[] {
  const sums = new Map<string, number>();
  for (const f of fulfilled) sums.set(f.orderLineId, (sums.get(f.orderLineId) ?? 0) + f.quantity);
  return [...sums].map(([orderLineId, quantity]) => ({ orderLineId, quantity }));
}

/** Ships a fulfillment order's packages (or its remaining units); answers the shipment. */
export async function createShipment(trx: Kdb, who: Actor, foId: string, input: ShipmentInput): Promise<ShipmentView> {
  const { tenantId, actor } = who;
  const body = input ?? {};
  const ctx = await lockShipContext(trx, tenantId, foId);
  const { order, fo, location } = ctx;
  if (fo.delivery_type === 'pickup') {
    throw new Problem('invalid_transition', 'A pickup fulfillment order is handed over at the counter, not shipped.', { extra: { from: fo.status, to: 'shipped' } });
  }
  if (order.status !== 'open') {
    throw new Problem('invalid_transition', `Cannot ship an order that is ${order.status}.`, { extra: { from: order.status, to: 'shipped' } });
  }
  if (!statusesLeadingTo('shipped').includes(fo.status)) {
    throw new Problem('invalid_transition', `Cannot ship a fulfillment order that is ${fo.status}.`, { extra: { from: fo.status, to: 'shipped' } });
  }
  if (ctx.reserved.length === 0) throw new Problem('nothing_to_ship', `Fulfillment order ${fo.id} has no units left to ship.`);

  const parcel = await planParcel(trx, tenantId, ctx, body.packages);
  const { address: shipTo, place: to } = destinationOf(order.shipping_address);
  const from = { country: location.address.country, postalCode: location.address.postal_code };
  const chosen = await chooseService(trx, tenantId, { service: body.service, strategy: body.strategy, method: order.shipping_method, weightG: parcel.weightG, from, to, currency: order.currency });
  const { service } = chosen;
  if (service.carrier === 'manual' && body.tracking_number === undefined) throw invalid('tracking_number', `is required for ${service.name} (a manual carrier service)`);
  if (service.carrier !== 'manual' && body.tracking_number !== undefined) throw invalid('tracking_number', `${service.name} issues its own tracking numbers`);

  const shipmentId = newId('shp');
  const fulfilled = await fulfillUnits(trx, tenantId, actor, order.id, location.id, parcel.takes, `shipment ${shipmentId}`);
  const label = await adapterFor(serviceConfig(service)).purchaseLabel({
    serviceName: service.name, trackingNumber: body.tracking_number ?? null, weightG: parcel.weightG,
    from: { name: location.name, address: location.address },
    to: shipTo,
    issueTrackingNumber: async () => formatTrackingNumber(await repo.nextTrackingSerial(trx, tenantId)),
  });
  const now = new Date();
  await repo.insertShipment(trx, tenantId, {
    id: shipmentId, orderId: order.id, fulfillmentOrderId: fo.id, locationId: location.id, serviceId: service.id,
    carrier: service.carrier, serviceCode: service.code, trackingNumber: label.trackingNumber, status: 'shipped',
    cost: chosen.price, currency: chosen.currency, labelPdf: label.labelPdf, deliveredAt: null,
    items: fulfilled.map((f) => ({ allocationId: f.allocationId, orderLineId: f.orderLineId, quantity: f.quantity })),
  }, actor, now);
  await repo.assignPackages(trx, tenantId, parcel.packageIds, shipmentId);
  for (const f of fulfilled) {
    if (f.allocationId !== f.sourceAllocationId) await repo.repointPackageItems(trx, tenantId, parcel.packageIds, f.sourceAllocationId, f.allocationId);
  }
  const left = ctx.reserved.reduce((n, a) => n + a.quantity, 0) - fulfilled.reduce((n, f) => n + f.quantity, 0);
  if (left === 0) await transitionFulfillmentOrder(trx, tenantId, fo.id, 'shipped');

  const units = fulfilled.reduce((n, f) => n + f.quantity, 0);
  await recordEvents(trx, tenantId, order.id, actor, [{
    type: 'shipment.created',
    data: { shipment_id: shipmentId, fulfillment_order_id: fo.id, location: location.code, carrier: service.carrier, service: service.code, service_name: service.name, tracking_number: label.trackingNumber, units, fulfillment_order_shipped: left === 0 },
  }], [{
    topic: 'shipment.created', aggregateId: shipmentId,
    payload: { order_id: order.id, shipment_id: shipmentId, fulfillment_order_id: fo.id, tracking_number: label.trackingNumber, carrier: service.carrier, service: service.code },
  }]);
  await requestCaptureForShipment(trx, tenantId, actor, order.id, shipmentId, unitsPerLine(fulfilled));
  return getShipment(trx, tenantId, shipmentId);
}
