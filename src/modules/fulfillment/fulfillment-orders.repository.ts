// SQL for fulfillment orders: the conditional status move, one order with its lines, the
// queue list. Lines are the order's allocations at the fulfillment order's location.
import { sql } from 'kysely';
import type { Address, Kdb } from '../../platform/db/index.ts';
import type { FulfillmentOrderStatus } from '../../platform/db/schema-fulfillment.ts';

export interface FulfillmentOrderRow {
  id: string; order_id: string; order_number: number; location_id: string; location_code: string;
  delivery_type: 'ship' | 'pickup'; status: FulfillmentOrderStatus; wave_id: string | null;
  created_at: Date | string; updated_at: Date | string;
}

export interface FulfillmentLineRow {
  id: string; fulfillment_order_id: string; order_line_id: string; product_id: string; sku: string; name: string;
  quantity: number; picked: number; status: 'reserved' | 'released' | 'fulfilled'; bin: string | null;
}

function fulfillmentOrderQuery(db: Kdb, tenantId: string) {
  return db.selectFrom('fulfillment_orders as f')
    .innerJoin('orders as o', (j) => j.onRef('o.tenant_id', '=', 'f.tenant_id').onRef('o.id', '=', 'f.order_id'))
    .innerJoin('locations as l', (j) => j.onRef('l.tenant_id', '=', 'f.tenant_id').onRef('l.id', '=', 'f.location_id'))
    .select(['f.id', 'f.order_id', 'o.number as order_number', 'f.location_id', 'l.code as location_code', 'f.delivery_type', 'f.status',
      'f.wave_id', 'f.created_at', 'f.updated_at'])
    .where('f.tenant_id', '=', tenantId);
}

export async function findFulfillmentOrder(db: Kdb, tenantId: string, id: string): Promise<FulfillmentOrderRow | undefined> {
  return fulfillmentOrderQuery(db, tenantId).where('f.id', '=', id).executeTakeFirst();
}

export interface FulfillmentOrderFilter {
  locationId?: string | undefined; status?: FulfillmentOrderStatus | undefined; orderId?: string | undefined; deliveryType?: 'ship' | 'pickup' | undefined;
  beforeId: string | null; limit: number;
}

/** Fulfillment orders newest first, filtered, `limit + 1` rows for paging. */
export async function listFulfillmentOrderRows(db: Kdb, tenantId: string, filter: FulfillmentOrderFilter): Promise<FulfillmentOrderRow[]> {
  let query = fulfillmentOrderQuery(db, tenantId);
  if (filter.locationId) query = query.where('f.location_id', '=', filter.locationId);
  if (filter.status) query = query.where('f.status', '=', filter.status);
  if (filter.deliveryType) query = query.where('f.delivery_type', '=', filter.deliveryType);
  if (filter.orderId) query = query.where('f.order_id', '=', filter.orderId);
  if (filter.beforeId) query = query.where('f.id', '<', filter.beforeId);
  return query.orderBy('f.id', 'desc').limit(filter.limit + 1).execute();
}

/** Fulfillment orders of the given orders, oldest first. */
export async function fulfillmentOrdersOfOrders(db: Kdb, tenantId: string, orderIds: readonly string[]): Promise<FulfillmentOrderRow[]> {
  if (orderIds.length === 0) return [];
  return fulfillmentOrderQuery(db, tenantId).where('f.order_id', 'in', [...orderIds]).orderBy('f.id').execute();
}

/** The allocations (lines) of the given fulfillment orders, with the bin of their stock level. */
export async function loadFulfillmentLines(db: Kdb, tenantId: string, fulfillmentOrderIds: readonly string[]): Promise<FulfillmentLineRow[]> {
  if (fulfillmentOrderIds.length === 0) return [];
  const rows = await db.selectFrom('order_allocations as a')
    .innerJoin('order_lines as ol', (j) => j.onRef('ol.tenant_id', '=', 'a.tenant_id').onRef('ol.id', '=', 'a.order_line_id'))
    .leftJoin('inventory_levels as lv', (j) => j.onRef('lv.tenant_id', '=', 'a.tenant_id').onRef('lv.product_id', '=', 'a.product_id').onRef('lv.location_id', '=', 'a.location_id'))
    .select(['a.id', 'a.fulfillment_order_id', 'a.order_line_id', 'a.product_id', 'ol.sku', 'ol.name', 'a.quantity', 'a.picked', 'a.status', 'lv.bin'])
    .where('a.tenant_id', '=', tenantId).where('a.fulfillment_order_id', 'in', [...fulfillmentOrderIds])
    .orderBy('ol.position').orderBy('a.id').execute();
  return rows.map((r) => ({ ...r, fulfillment_order_id: r.fulfillment_order_id as string }));
}

/**
 * Moves the status to `to` only if the current status is one of `from` (locking the row
 * first, so the answer says what it was). Undefined when the row is missing or in
 * another status.
 */
export async function updateFulfillmentStatus(
  trx: Kdb, tenantId: string, id: string, from: readonly FulfillmentOrderStatus[], to: FulfillmentOrderStatus,
): Promise<{ id: string; order_id: string; location_id: string; previous: FulfillmentOrderStatus } | undefined> {
  if (from.length === 0) return undefined;
  const { rows } = await sql<{ id: string; order_id: string; location_id: string; previous: FulfillmentOrderStatus }>`
    with old as (
      select id, status from fulfillment_orders where tenant_id = ${tenantId} and id = ${id} for update
    )
    update fulfillment_orders f set status = ${to}, updated_at = now()
    from old
    where f.tenant_id = ${tenantId} and f.id = old.id and old.status = any(${[...from]}::text[])
    returning f.id, f.order_id, f.location_id, old.status as previous`.execute(trx);
  return rows[0];
}

export async function currentStatus(db: Kdb, tenantId: string, id: string): Promise<FulfillmentOrderStatus | undefined> {
  const row = await db.selectFrom('fulfillment_orders').select('status').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row?.status;
}

export interface OrderRoutingRow {
  id: string; number: number; status: string; delivery_type: 'ship' | 'pickup';
  shipping_address: Address | null; pickup_location_id: string | null; total: number;
}

/** What routing needs to know about an order (read model of the orders table). */
export async function findOrderForRouting(db: Kdb, tenantId: string, orderId: string): Promise<OrderRoutingRow | undefined> {
  return db.selectFrom('orders').select(['id', 'number', 'status', 'delivery_type', 'shipping_address', 'pickup_location_id', 'total'])
    .where('tenant_id', '=', tenantId).where('id', '=', orderId).executeTakeFirst();
}

/** The order's open fulfillment order per location: new units join these rather than open another. */
export async function openFulfillmentOrdersByLocation(db: Kdb, tenantId: string, orderId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('fulfillment_orders').select(['id', 'location_id'])
    .where('tenant_id', '=', tenantId).where('order_id', '=', orderId).where('status', '=', 'open').orderBy('id').execute();
  const byLocation = new Map<string, string>();
  for (const r of rows) if (!byLocation.has(r.location_id)) byLocation.set(r.location_id, r.id);
  return byLocation;
}

/**
 * Serializes the work that joins or opens an order's fulfillment orders (re-routes and
 * backorder allocations of one order), so two of them cannot both open one at the same
 * location. Taken after the level locks, in order id order, by every such writer.
 */
export async function lockOrderFulfillment(trx: Kdb, tenantId: string, orderIds: readonly string[]): Promise<void> {
  for (const orderId of [...new Set(orderIds)].sort()) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`${tenantId}/${orderId}`}, 0))`.execute(trx);
  }
}

/** SKU of each order line (for explanations). */
export async function lineSkus(db: Kdb, tenantId: string, lineIds: readonly string[]): Promise<Map<string, { sku: string; productId: string }>> {
  if (lineIds.length === 0) return new Map();
  const rows = await db.selectFrom('order_lines').select(['id', 'sku', 'product_id']).where('tenant_id', '=', tenantId).where('id', 'in', [...lineIds]).execute();
  return new Map(rows.map((r) => [r.id, { sku: r.sku, productId: r.product_id }]));
}

/** Adds to (or, negative, takes from) a line's backordered units; false if it would go below zero. */
export async function changeBackordered(trx: Kdb, tenantId: string, lineId: string, delta: number): Promise<boolean> {
  const result = await trx.updateTable('order_lines').set({ backordered: sql`backordered + ${delta}::int` })
    .where('tenant_id', '=', tenantId).where('id', '=', lineId).where(sql<boolean>`backordered + ${delta}::int >= 0`)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Location codes by id, for explanations and events. */
export async function locationCodes(db: Kdb, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('locations').select(['id', 'code']).where('tenant_id', '=', tenantId).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}
