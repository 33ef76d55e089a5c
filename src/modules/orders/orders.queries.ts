// Reading orders: one order, the filtered list, the timeline. Channel keys only ever
// see their own channel's orders; others' look like they do not exist.

import type { Kdb } from '../../platform/db/index.ts';
import { decodeCursor, iso, notFound, toPage } from '../../platform/http/index.ts';
import type { Principal } from '../access/index.ts';
import { normalizeEmail } from '../customers/index.ts';
import { findChannelByCode } from '../channels/index.ts';
import { loadOrderShipments } from '../shipping/index.ts';
import { fulfillmentOrdersOf } from '../fulfillment/index.ts';
import { paymentSections, paymentStatuses } from '../payments/index.ts';
import { holdsOf, toHoldView } from '../holds/index.ts';
import { returnsOfOrder } from '../returns/index.ts';
import { findOrderRecord, listEvents, loadLines, orderRecordQuery, type OrderRecordRow } from './orders.repository.ts';
import { toOrderView, type OrderFulfillmentOrderView, type OrderView } from './order.view.ts';

/** The order record if the principal may see it, else a 404. */
export async function getOrderRecordFor(db: Kdb, principal: Principal, idOrNumber: string): Promise<OrderRecordRow> {
  const order = await findOrderRecord(db, principal.tenantId, idOrNumber);
  if (!order || (principal.channelId !== null && order.channel_id !== principal.channelId)) throw notFound('Order', idOrNumber);
  return order;
}

export async function loadOrderView(db: Kdb, principal: Principal, idOrNumber: string): Promise<OrderView> {
  const order = await getOrderRecordFor(db, principal, idOrNumber);
  const lines = await loadLines(db, principal.tenantId, [order.id]);
  const shipments = await loadOrderShipments(db, principal.tenantId, [order.id]);
  const fulfillmentOrders = await loadFulfillmentSection(db, principal.tenantId, order.id);
  const view = toOrderView(order, lines.get(order.id) ?? [], { shipments: shipments.get(order.id) ?? [], fulfillmentOrders });
  // Money and holds (payments and holds modules): payment_status, payments, refunds, holds.
  Object.assign(view, await paymentSections(db, principal.tenantId, order), { holds: (await holdsOf(db, principal.tenantId, [order.id])).map(toHoldView) });
  view.returns = await returnsOfOrder(db, principal.tenantId, order.id);
  return view;
}

/**
 * A new order's view, built in memory at intake, with what its payment calls right after
 * commit can change read again: status and hold (a decline holds the order), payments,
 * refunds and holds. Lines, fulfillment orders and shipments cannot have changed, so this
 * reads four tables instead of the whole order (half the statements of loadOrderView).
 */
export async function refreshNewOrderPayments(db: Kdb, principal: Principal, view: OrderView): Promise<OrderView> {
  const order = await getOrderRecordFor(db, principal, view.id);
  const money = await paymentSections(db, principal.tenantId, order);
  const holds = (await holdsOf(db, principal.tenantId, [order.id])).map(toHoldView);
  return {
    ...view, status: order.status, hold_reason: order.hold_reason, cancel_reason: order.cancel_reason,
    version: order.version ?? view.version, updated_at: iso(order.updated_at) ?? view.updated_at, ...money, holds,
  };
}

/** The order's fulfillment orders as its view lists them. */
async function loadFulfillmentSection(db: Kdb, tenantId: string, orderId: string): Promise<OrderFulfillmentOrderView[]> {
  return (await fulfillmentOrdersOf(db, tenantId, [orderId])).map((fo) => ({
    id: fo.id, location: fo.location, status: fo.status, delivery_type: fo.delivery_type,
    lines: fo.lines.map((l) => ({ order_line_id: l.order_line_id, allocation_id: l.id, sku: l.sku, quantity: l.quantity, picked: l.picked, status: l.status })),
  }));
}

export interface OrderFilter {
  status?: string | undefined; channel?: string | undefined; email?: string | undefined; q?: string | undefined;
  created_from?: string | undefined; created_to?: string | undefined; limit: number; cursor?: string | undefined;
}

/** Orders newest first, filtered; each filter is served by an index ending in id. */
export async function listOrders(db: Kdb, principal: Principal, filter: OrderFilter) {
  const tenantId = principal.tenantId;
  let query = orderRecordQuery(db, tenantId);
  if (principal.channelId !== null) query = query.where('o.channel_id', '=', principal.channelId);
  if (filter.channel) {
    const channel = await findChannelByCode(db, tenantId, filter.channel);
    if (!channel) return { data: [], next_cursor: null };
    query = query.where('o.channel_id', '=', channel.id);
  }
  if (filter.status) query = query.where('o.status', '=', filter.status);
  if (filter.email) query = query.where('o.email', '=', normalizeEmail(filter.email));
  if (filter.created_from) query = query.where('o.created_at', '>=', new Date(filter.created_from));
  if (filter.created_to) query = query.where('o.created_at', '<', new Date(filter.created_to));
  if (filter.q) {
    const q = filter.q.trim();
    const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where((eb) => eb.or([
      ...(/^\d{1,15}$/.test(q) ? [eb('o.number', '=', Number(q))] : []),
      eb('o.external_id', '=', q),
      eb('o.email', '=', normalizeEmail(q)),
      eb('o.customer_name', 'ilike', `%${escaped}%`),
    ]));
  }
  const after = decodeCursor(filter.cursor);
  if (after) query = query.where('o.id', '<', after);
  const rows = await query.orderBy('o.id', 'desc').limit(filter.limit + 1).execute();
  const page = toPage(rows, filter.limit);
  const lines = await loadLines(db, tenantId, page.data.map((o) => o.id));
  const shipments = await loadOrderShipments(db, tenantId, page.data.map((o) => o.id));
  const paymentStatus = await paymentStatuses(db, tenantId, page.data);
  const views = page.data.map((o) => toOrderView(o, lines.get(o.id) ?? [], { shipments: shipments.get(o.id) ?? [] }));
  for (const view of views) view.payment_status = paymentStatus.get(view.id) ?? view.payment_status;
  return { data: views, next_cursor: page.next_cursor };
}

/** The order's timeline, oldest first. */
export async function orderTimeline(db: Kdb, principal: Principal, idOrNumber: string) {
  const order = await getOrderRecordFor(db, principal, idOrNumber);
  const events = await listEvents(db, principal.tenantId, order.id);
  return { data: events.map((e) => ({ type: e.type, at: iso(e.at), actor: e.actor, data: e.data })), next_cursor: null };
}

