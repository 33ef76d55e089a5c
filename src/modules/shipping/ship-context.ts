// Loading and locking what a shipment or a pickup acts on: the order row first, then
// the fulfillment order's row (the lock order every order-changing use case keeps),
// then the fulfillment order with its lines, read under those locks.
import type { Kdb } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/index.ts';
import { getFulfillmentOrder, type FulfillmentOrder } from '../fulfillment/index.ts';
import { findLocationByCode, type LocationRow } from '../locations/index.ts';
import * as repo from './shipments.repository.ts';
import type { ReservedAllocation } from '../inventory/index.ts';

export interface ShipContext { order: repo.ShipOrderRow; fo: FulfillmentOrder; location: LocationRow; reserved: ReservedAllocation[] }

/** Locks the order and the fulfillment order, then reads both; 404 when the fulfillment order does not exist. */
export async function lockShipContext(trx: Kdb, tenantId: string, foId: string): Promise<ShipContext> {
  const orderId = await repo.orderIdOfFulfillmentOrder(trx, tenantId, foId);
  if (!orderId) throw notFound('Fulfillment order', foId);
  const order = await repo.lockOrderForShipping(trx, tenantId, orderId);
  if (!order) throw notFound('Fulfillment order', foId);
  await repo.lockFulfillmentOrderRow(trx, tenantId, foId);
  return readContext(trx, tenantId, order, foId);
}

/** The same reads without locks, for answers that change nothing (rates). */
export async function readShipContext(db: Kdb, tenantId: string, foId: string): Promise<ShipContext> {
  const orderId = await repo.orderIdOfFulfillmentOrder(db, tenantId, foId);
  const order = orderId ? await db.selectFrom('orders')
    .select(['id', 'number', 'status', 'currency', 'email', 'shipping_method', 'shipping_address', 'delivery_type'])
    .where('tenant_id', '=', tenantId).where('id', '=', orderId).executeTakeFirst() : undefined;
  if (!order) throw notFound('Fulfillment order', foId);
  return readContext(db, tenantId, order, foId);
}

async function readContext(db: Kdb, tenantId: string, order: repo.ShipOrderRow, foId: string): Promise<ShipContext> {
  const fo = await getFulfillmentOrder(db, tenantId, foId);
  const location = await findLocationByCode(db, tenantId, fo.location);
  if (!location) throw notFound('Location', fo.location);
  const reserved = fo.lines.filter((l) => l.status === 'reserved')
    .map((l) => ({ id: l.id, order_line_id: l.order_line_id, product_id: l.product_id, quantity: l.quantity, picked: l.picked }));
  return { order, fo, location, reserved };
}
