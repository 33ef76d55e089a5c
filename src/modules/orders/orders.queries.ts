// Reading orders: one order, the filtered list, the timeline. Channel keys only ever
// see their own channel's orders; others' look like they do not exist.

import type { Kdb } from '../../platform/db/index.ts';
import { decodeCursor, iso, notFound, toPage } from '../../platform/http/index.ts';
import type { Principal } from '../access/index.ts';
import { normalizeEmail } from '../customers/index.ts';
import { findChannelByCode } from '../channels/index.ts';
import { findOrderRecord, listEvents, loadLines, orderRecordQuery, type OrderRecordRow } from './orders.repository.ts';
import { toOrderView, type OrderView } from './order.view.ts';

/** The order record if the principal may see it, else a 404. */
export async function getOrderRecordFor(db: Kdb, principal: Principal, idOrNumber: string): Promise<OrderRecordRow> {
  const order = await findOrderRecord(db, principal.tenantId, idOrNumber);
  if (!order || (principal.channelId !== null && order.channel_id !== principal.channelId)) throw notFound('Order', idOrNumber);
  return order;
}

export async function loadOrderView(db: Kdb, principal: Principal, idOrNumber: string): Promise<OrderView> {
  const order = await getOrderRecordFor(db, principal, idOrNumber);
  const lines = await loadLines(db, principal.tenantId, [order.id]);
  return toOrderView(order, lines.get(order.id) ?? []);
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
  return { data: page.data.map((o) => toOrderView(o, lines.get(o.id) ?? [])), next_cursor: page.next_cursor };
}

/** The order's timeline, oldest first. */
export async function orderTimeline(db: Kdb, principal: Principal, idOrNumber: string) {
  const order = await getOrderRecordFor(db, principal, idOrNumber);
  const events = await listEvents(db, principal.tenantId, order.id);
  return { data: events.map((e) => ({ type: e.type, at: iso(e.at), actor: e.actor, data: e.data })), next_cursor: null };
}

