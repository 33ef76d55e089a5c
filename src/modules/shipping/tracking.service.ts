// Tracking events, from the warehouse (POST /v1/shipments/{id}/events) or the carrier
// (its signed webhook). Every event is stored; the shipment's status moves by
// shipment.states.ts; a delivery writes delivered_at, tells the timeline, the outbox and
// payments, and may complete the order (delivery.service.ts). The order row is locked
// first, then the shipment's, as in every use case that changes an order.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import type { ShipmentStatus } from '../../platform/db/schema-shipping.ts';
import { invalid, notFound } from '../../platform/http/index.ts';
import { recordEvents } from '../orders/index.ts';
import { afterShipmentDelivered } from './delivery.service.ts';
import { statusAfterEvent, type TrackingEventStatus } from './shipment.states.ts';
import { getShipment } from './shipments.queries.ts';
import * as repo from './shipments.repository.ts';
import type { ShipmentView } from './shipment.view.ts';

/** An event may be dated at most this far ahead (carriers' clocks drift; a far-future date would freeze the status). */
const FUTURE_TOLERANCE_MS = 3_600_000;

export interface TrackingEvent {
  status: TrackingEventStatus; occurredAt: Date; description: string | null; place: string | null;
}

/** Reads an event's time: the given one (not in the future), else now. */
export function eventTime(occurredAt: string | undefined, path: string, now = new Date()): Date {
  if (occurredAt === undefined) return now;
  const at = new Date(occurredAt);
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw invalid(path, 'is in the future');
  return at;
}

interface LockedShipment { id: string; order_id: string; status: ShipmentStatus }

async function lockShipment(trx: Kdb, tenantId: string, shipmentId: string): Promise<{ shipment: LockedShipment; order: repo.ShipOrderRow }> {
  const found = await trx.selectFrom('shipments').select(['id', 'order_id']).where('tenant_id', '=', tenantId).where('id', '=', shipmentId).executeTakeFirst();
  if (!found) throw notFound('Shipment', shipmentId);
  const order = await repo.lockOrderForShipping(trx, tenantId, found.order_id);
  const shipment = await trx.selectFrom('shipments').select(['id', 'order_id', 'status'])
    .where('tenant_id', '=', tenantId).where('id', '=', shipmentId).forUpdate().executeTakeFirstOrThrow();
  if (!order) throw notFound('Shipment', shipmentId);
  return { shipment, order };
}

/**
 * When the latest tracking event happened. Ordo's own first event (shipped, picked_up)
 * is left out: a carrier's clock is not ours, and its first scan may be stamped a
 * little before the moment Ordo recorded the shipment.
 */
async function latestEventAt(trx: Kdb, tenantId: string, shipmentId: string): Promise<{ latest: Date | null }> {
  const row = await trx.selectFrom('shipment_events').select(sql<Date | null>`max(occurred_at)`.as('latest'))
    .where('tenant_id', '=', tenantId).where('shipment_id', '=', shipmentId).where('status', 'not in', ['shipped', 'picked_up']).executeTakeFirst();
  return { latest: row?.latest ? new Date(row.latest) : null };
}

async function isDuplicate(trx: Kdb, tenantId: string, shipmentId: string, event: TrackingEvent): Promise<boolean> {
  const row = await trx.selectFrom('shipment_events').select('id')
    .where('tenant_id', '=', tenantId).where('shipment_id', '=', shipmentId)
    .where('status', '=', event.status).where('occurred_at', '=', event.occurredAt).executeTakeFirst();
  return row !== undefined;
}

/**
 * Stores a tracking event and moves the shipment's status if the event allows it. A
 * repeat of an event already stored (same status and time: a carrier retrying its
 * webhook) changes nothing.
 */
export async function recordTrackingEvent(trx: Kdb, tenantId: string, actor: string, shipmentId: string, event: TrackingEvent, source: string): Promise<ShipmentView> {
  const { shipment, order } = await lockShipment(trx, tenantId, shipmentId);
  if (await isDuplicate(trx, tenantId, shipment.id, event)) return getShipment(trx, tenantId, shipment.id);
  const { latest } = await latestEventAt(trx, tenantId, shipment.id);
  await repo.insertTrackingEvent(trx, tenantId, { shipmentId: shipment.id, status: event.status, description: event.description, place: event.place, source, occurredAt: event.occurredAt });
  const next = statusAfterEvent(shipment.status, event.status, event.occurredAt, latest);
  if (next === shipment.status) return getShipment(trx, tenantId, shipment.id);

  const delivered = next === 'delivered';
  await trx.updateTable('shipments').set({ status: next, updated_at: new Date(), ...(delivered ? { delivered_at: event.occurredAt } : {}) })
    .where('tenant_id', '=', tenantId).where('id', '=', shipment.id).execute();
  const data = { shipment_id: shipment.id, from: shipment.status, to: next, ...(event.place ? { place: event.place } : {}), ...(event.description ? { description: event.description } : {}) };
  if (delivered) {
    await recordEvents(trx, tenantId, order.id, actor, [{ type: 'shipment.delivered', data }],
      [{ topic: 'shipment.delivered', aggregateId: shipment.id, payload: { order_id: order.id, shipment_id: shipment.id } }]);
    await afterShipmentDelivered(trx, tenantId, actor, order, shipment.id);
  } else {
    await recordEvents(trx, tenantId, order.id, actor, [{ type: 'shipment.updated', data }],
      [{ topic: 'shipment.updated', aggregateId: shipment.id, payload: { order_id: order.id, shipment_id: shipment.id, status: next } }]);
  }
  return getShipment(trx, tenantId, shipment.id);
}
