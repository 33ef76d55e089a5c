// Reading fulfillment orders for the API: the queue list (newest first) and one order.
import type { Kdb } from '../../platform/db/index.ts';
import type { FulfillmentOrderStatus } from '../../platform/db/schema-fulfillment.ts';
import { decodeCursor, toPage } from '../../platform/http/index.ts';
import { toFulfillmentOrder, toFulfillmentOrderView, type FulfillmentOrder, type FulfillmentOrderView } from './fulfillment-order.view.ts';
import * as repo from './fulfillment-orders.repository.ts';

export interface FulfillmentOrderListFilter {
  location?: string | undefined; status?: FulfillmentOrderStatus | undefined; order?: string | undefined;
  delivery_type?: 'ship' | 'pickup' | undefined;
  cursor?: string | undefined; limit: number;
}

async function resolveOrderId(db: Kdb, tenantId: string, idOrNumber: string): Promise<string | null> {
  const query = db.selectFrom('orders').select('id').where('tenant_id', '=', tenantId);
  const row = /^\d{1,15}$/.test(idOrNumber) ? await query.where('number', '=', Number(idOrNumber)).executeTakeFirst()
    : await query.where('id', '=', idOrNumber).executeTakeFirst();
  return row?.id ?? null;
}

/** Fulfillment orders with their lines, newest first; unknown location or order codes match nothing. */
export async function listFulfillmentOrders(db: Kdb, tenantId: string, filter: FulfillmentOrderListFilter): Promise<{ data: FulfillmentOrderView[]; next_cursor: string | null }> {
  const beforeId = decodeCursor(filter.cursor);
  let locationId: string | undefined;
  if (filter.location) {
    const location = await db.selectFrom('locations').select('id').where('tenant_id', '=', tenantId).where('code', '=', filter.location).executeTakeFirst();
    if (!location) return { data: [], next_cursor: null };
    locationId = location.id;
  }
  let orderId: string | undefined;
  if (filter.order) {
    const found = await resolveOrderId(db, tenantId, filter.order);
    if (!found) return { data: [], next_cursor: null };
    orderId = found;
  }
  const rows = await repo.listFulfillmentOrderRows(db, tenantId, { locationId, status: filter.status, deliveryType: filter.delivery_type, orderId, beforeId, limit: filter.limit });
  const page = toPage(rows, filter.limit);
  const views = await withLines(db, tenantId, page.data);
  return { data: views.map(toFulfillmentOrderView), next_cursor: page.next_cursor };
}

/** Fulfillment orders of the given orders with their lines, oldest first (for the order view). */
export async function fulfillmentOrdersOf(db: Kdb, tenantId: string, orderIds: readonly string[]): Promise<FulfillmentOrder[]> {
  return withLines(db, tenantId, await repo.fulfillmentOrdersOfOrders(db, tenantId, orderIds));
}

async function withLines(db: Kdb, tenantId: string, rows: readonly repo.FulfillmentOrderRow[]): Promise<FulfillmentOrder[]> {
  const lines = await repo.loadFulfillmentLines(db, tenantId, rows.map((r) => r.id));
  return rows.map((r) => toFulfillmentOrder(r, lines.filter((l) => l.fulfillment_order_id === r.id)));
}
