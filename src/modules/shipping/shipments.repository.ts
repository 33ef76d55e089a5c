// SQL for shipments, their items, tracking events, the tracking-number sequence and the
// packages a shipment takes. Plain functions taking the database or the caller's
// transaction.
//
// Two reads touch other modules' tables as read models: the few order fields shipping
// needs (destination, method, currency, status) and the packages of a fulfillment order
// with their contents. Shipping writes only packages.shipment_id there (its own column)
// and moves package_items to the fulfilled allocation when an allocation is split.
import { sql } from 'kysely';
import type { Address, Kdb } from '../../platform/db/index.ts';
import type { ShipmentStatus } from '../../platform/db/schema-shipping.ts';

export interface ShipOrderRow {
  id: string; number: number; status: string; currency: string; email: string | null;
  shipping_method: string | null; shipping_address: Address | null; delivery_type: 'ship' | 'pickup';
}

/** Locks the order row (the first lock every order-changing use case takes) and reads what shipping needs. */
export async function lockOrderForShipping(trx: Kdb, tenantId: string, orderId: string): Promise<ShipOrderRow | undefined> {
  return trx.selectFrom('orders')
    .select(['id', 'number', 'status', 'currency', 'email', 'shipping_method', 'shipping_address', 'delivery_type'])
    .where('tenant_id', '=', tenantId).where('id', '=', orderId).forUpdate().executeTakeFirst();
}

/** The order a fulfillment order belongs to (the link never changes, so no lock is needed to read it). */
export async function orderIdOfFulfillmentOrder(db: Kdb, tenantId: string, foId: string): Promise<string | undefined> {
  const row = await db.selectFrom('fulfillment_orders').select('order_id')
    .where('tenant_id', '=', tenantId).where('id', '=', foId).executeTakeFirst();
  return row?.order_id;
}

/** Locks the fulfillment order's row so two shipments of it queue. */
export async function lockFulfillmentOrderRow(trx: Kdb, tenantId: string, foId: string): Promise<void> {
  await trx.selectFrom('fulfillment_orders').select('id').where('tenant_id', '=', tenantId).where('id', '=', foId).forUpdate().execute();
}

export interface PackageRow { id: string; weight_g: number; shipment_id: string | null; items: { allocation_id: string; quantity: number }[] }

/** The packages of a fulfillment order with their contents, oldest first. */
export async function loadPackages(db: Kdb, tenantId: string, foId: string): Promise<PackageRow[]> {
  const { rows } = await sql<PackageRow>`
    select p.id, p.weight_g, p.shipment_id,
      coalesce((select json_agg(json_build_object('allocation_id', i.allocation_id, 'quantity', i.quantity) order by i.allocation_id)
        from package_items i where i.tenant_id = p.tenant_id and i.package_id = p.id), '[]'::json) as items
    from packages p where p.tenant_id = ${tenantId} and p.fulfillment_order_id = ${foId}
    order by p.id`.execute(db);
  return rows;
}

/** Marks packages as gone with a shipment. */
export async function assignPackages(trx: Kdb, tenantId: string, packageIds: readonly string[], shipmentId: string): Promise<void> {
  if (packageIds.length === 0) return;
  await trx.updateTable('packages').set({ shipment_id: shipmentId, updated_at: new Date() })
    .where('tenant_id', '=', tenantId).where('id', 'in', [...packageIds]).where('shipment_id', 'is', null).execute();
}

/** Points the shipped packages' contents at the allocation row that now holds the shipped units. */
export async function repointPackageItems(trx: Kdb, tenantId: string, packageIds: readonly string[], fromAllocation: string, toAllocation: string): Promise<void> {
  if (packageIds.length === 0) return;
  await trx.updateTable('package_items').set({ allocation_id: toAllocation })
    .where('tenant_id', '=', tenantId).where('package_id', 'in', [...packageIds]).where('allocation_id', '=', fromAllocation).execute();
}

/** The next tracking serial of the tenant (1, 2, …). */
export async function nextTrackingSerial(trx: Kdb, tenantId: string): Promise<number> {
  const row = await trx.insertInto('tracking_number_sequences').values({ tenant_id: tenantId, last: 1 })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ last: sql`tracking_number_sequences.last + 1` }))
    .returning('last').executeTakeFirstOrThrow();
  return Number(row.last);
}

export interface NewShipment {
  id: string; orderId: string; fulfillmentOrderId: string; locationId: string; serviceId: string | null;
  carrier: string; serviceCode: string | null; trackingNumber: string | null; status: ShipmentStatus;
  cost: number | null; currency: string | null; labelPdf: Buffer | null; deliveredAt: Date | null;
  items: { allocationId: string; orderLineId: string; quantity: number }[];
}

/** Writes the shipment, its items and its first tracking event. */
export async function insertShipment(trx: Kdb, tenantId: string, s: NewShipment, source: string, at: Date): Promise<void> {
  await trx.insertInto('shipments').values({
    tenant_id: tenantId, id: s.id, order_id: s.orderId, fulfillment_order_id: s.fulfillmentOrderId, location_id: s.locationId,
    service_id: s.serviceId, carrier: s.carrier, service_code: s.serviceCode, tracking_number: s.trackingNumber, status: s.status,
    cost: s.cost, currency: s.currency, label_pdf: s.labelPdf, shipped_at: at, delivered_at: s.deliveredAt, created_at: at, updated_at: at,
  }).execute();
  await trx.insertInto('shipment_items').values(s.items.map((i) => ({
    tenant_id: tenantId, shipment_id: s.id, allocation_id: i.allocationId, order_line_id: i.orderLineId, quantity: i.quantity,
  }))).execute();
  await insertTrackingEvent(trx, tenantId, { shipmentId: s.id, status: s.status, description: null, place: null, source, occurredAt: at });
}

export interface TrackingEventRow { shipmentId: string; status: ShipmentStatus; description: string | null; place: string | null; source: string; occurredAt: Date }

export async function insertTrackingEvent(trx: Kdb, tenantId: string, e: TrackingEventRow): Promise<void> {
  await trx.insertInto('shipment_events').values({
    tenant_id: tenantId, shipment_id: e.shipmentId, status: e.status, description: e.description, place: e.place, source: e.source, occurred_at: e.occurredAt,
  }).execute();
}

/** The shipment columns every view needs (no label bytes). */
function shipmentQuery(db: Kdb, tenantId: string) {
  return db.selectFrom('shipments as s')
    .innerJoin('orders as o', (j) => j.onRef('o.tenant_id', '=', 's.tenant_id').onRef('o.id', '=', 's.order_id'))
    .innerJoin('locations as l', (j) => j.onRef('l.tenant_id', '=', 's.tenant_id').onRef('l.id', '=', 's.location_id'))
    .leftJoin('carrier_services as cs', (j) => j.onRef('cs.tenant_id', '=', 's.tenant_id').onRef('cs.id', '=', 's.service_id'))
    .select([
      's.id', 's.order_id', 'o.number as order_number', 's.fulfillment_order_id', 'l.code as location', 'l.name as location_name',
      's.carrier', 's.service_code', 'cs.name as service_name', 's.tracking_number', 's.status', 's.cost', 's.currency',
      sql<boolean>`s.label_pdf is not null`.as('has_label'), 's.shipped_at', 's.delivered_at', 's.updated_at',
    ])
    .where('s.tenant_id', '=', tenantId);
}

export type ShipmentRecord = Awaited<ReturnType<ReturnType<typeof shipmentQuery>['executeTakeFirstOrThrow']>>;

export async function findShipment(db: Kdb, tenantId: string, id: string): Promise<ShipmentRecord | undefined> {
  return shipmentQuery(db, tenantId).where('s.id', '=', id).executeTakeFirst();
}

export async function listShipmentRecords(db: Kdb, tenantId: string, filter: { orderId?: string | undefined; status?: ShipmentStatus | undefined; beforeId: string | null; limit: number }): Promise<ShipmentRecord[]> {
  let query = shipmentQuery(db, tenantId);
  if (filter.orderId) query = query.where('s.order_id', '=', filter.orderId);
  if (filter.status) query = query.where('s.status', '=', filter.status);
  if (filter.beforeId) query = query.where('s.id', '<', filter.beforeId);
  return query.orderBy('s.id', 'desc').limit(filter.limit + 1).execute();
}

/** Shipments of orders, oldest first per order. */
export async function shipmentsOfOrders(db: Kdb, tenantId: string, orderIds: readonly string[]): Promise<ShipmentRecord[]> {
  if (orderIds.length === 0) return [];
  return shipmentQuery(db, tenantId).where('s.order_id', 'in', [...orderIds]).orderBy('s.id').execute();
}

export interface ShipmentItemRecord { shipment_id: string; allocation_id: string; order_line_id: string; sku: string; quantity: number }

export async function loadShipmentItems(db: Kdb, tenantId: string, shipmentIds: readonly string[]): Promise<Map<string, ShipmentItemRecord[]>> {
  const out = new Map<string, ShipmentItemRecord[]>();
  if (shipmentIds.length === 0) return out;
  const rows = await db.selectFrom('shipment_items as i')
    .innerJoin('order_lines as ol', (j) => j.onRef('ol.tenant_id', '=', 'i.tenant_id').onRef('ol.id', '=', 'i.order_line_id'))
    .select(['i.shipment_id', 'i.allocation_id', 'i.order_line_id', 'ol.sku', 'i.quantity'])
    .where('i.tenant_id', '=', tenantId).where('i.shipment_id', 'in', [...shipmentIds])
    .orderBy('i.shipment_id').orderBy('ol.position').orderBy('i.allocation_id').execute();
  for (const row of rows) out.set(row.shipment_id, [...(out.get(row.shipment_id) ?? []), row]);
  return out;
}

export interface TrackingEventRecord { shipment_id: string; status: ShipmentStatus; description: string | null; place: string | null; source: string; occurred_at: Date }

/** Tracking events of shipments in the order they happened. */
export async function loadTrackingEvents(db: Kdb, tenantId: string, shipmentIds: readonly string[]): Promise<Map<string, TrackingEventRecord[]>> {
  const out = new Map<string, TrackingEventRecord[]>();
  if (shipmentIds.length === 0) return out;
  const rows = await db.selectFrom('shipment_events')
    .select(['shipment_id', 'status', 'description', 'place', 'source', 'occurred_at'])
    .where('tenant_id', '=', tenantId).where('shipment_id', 'in', [...shipmentIds])
    .orderBy('shipment_id').orderBy('occurred_at').orderBy('id').execute();
  for (const row of rows) out.set(row.shipment_id, [...(out.get(row.shipment_id) ?? []), { ...row, occurred_at: new Date(row.occurred_at) }]);
  return out;
}

export async function packagesOfShipment(db: Kdb, tenantId: string, shipmentId: string): Promise<string[]> {
  const rows = await db.selectFrom('packages').select('id').where('tenant_id', '=', tenantId).where('shipment_id', '=', shipmentId).orderBy('id').execute();
  return rows.map((r) => r.id);
}

export async function loadLabel(db: Kdb, tenantId: string, shipmentId: string): Promise<{ label_pdf: Buffer | null; tracking_number: string | null } | undefined> {
  return db.selectFrom('shipments').select(['label_pdf', 'tracking_number'])
    .where('tenant_id', '=', tenantId).where('id', '=', shipmentId).executeTakeFirst();
}
