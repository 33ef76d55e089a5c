// SQL for packing: boxes, packages with their items, and what of a fulfillment order is
// ready to pack. Plain functions over the database or the caller's transaction.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import type { FulfillmentOrderStatus } from '../../platform/db/schema-fulfillment.ts';

export interface BoxRow {
  id: string; code: string; name: string; length_mm: number; width_mm: number; height_mm: number;
  max_weight_g: number; tare_weight_g: number; active: boolean; created_at: Date | string;
}

const BOX_COLUMNS = ['id', 'code', 'name', 'length_mm', 'width_mm', 'height_mm', 'max_weight_g', 'tare_weight_g', 'active', 'created_at'] as const;

export async function listBoxes(db: Kdb, tenantId: string, activeOnly: boolean): Promise<BoxRow[]> {
  let query = db.selectFrom('boxes').select(BOX_COLUMNS).where('tenant_id', '=', tenantId);
  if (activeOnly) query = query.where('active', '=', true);
  return query.orderBy('code').execute();
}

export async function findBoxByCode(db: Kdb, tenantId: string, code: string): Promise<BoxRow | undefined> {
  return db.selectFrom('boxes').select(BOX_COLUMNS).where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();
}

export async function findBoxById(db: Kdb, tenantId: string, id: string): Promise<BoxRow | undefined> {
  return db.selectFrom('boxes').select(BOX_COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export type BoxFields = Omit<BoxRow, 'id' | 'created_at' | 'active' | 'tare_weight_g'> & { tare_weight_g?: number | undefined; active?: boolean | undefined };

export async function insertBox(trx: Kdb, tenantId: string, id: string, box: BoxFields): Promise<BoxRow> {
  return trx.insertInto('boxes').values({ tenant_id: tenantId, id, ...box }).returning(BOX_COLUMNS).executeTakeFirstOrThrow();
}

export async function updateBox(trx: Kdb, tenantId: string, code: string, changes: Partial<BoxFields>): Promise<BoxRow | undefined> {
  return trx.updateTable('boxes').set(changes).where('tenant_id', '=', tenantId).where('code', '=', code).returning(BOX_COLUMNS).executeTakeFirst();
}

export interface FulfillmentHead {
  id: string; order_id: string; location_id: string; status: FulfillmentOrderStatus; delivery_type: 'ship' | 'pickup';
}

/** The fulfillment order's row, locked: packing one fulfillment order runs one request at a time. */
export async function lockFulfillmentOrder(trx: Kdb, tenantId: string, id: string): Promise<FulfillmentHead | undefined> {
  return trx.selectFrom('fulfillment_orders').select(['id', 'order_id', 'location_id', 'status', 'delivery_type'])
    .where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findFulfillmentHead(db: Kdb, tenantId: string, id: string): Promise<FulfillmentHead | undefined> {
  return db.selectFrom('fulfillment_orders').select(['id', 'order_id', 'location_id', 'status', 'delivery_type'])
    .where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** A reserved allocation of a fulfillment order, with its product's measures and what is packed of it. */
export interface PackableRow {
  id: string; order_line_id: string; product_id: string; sku: string; name: string; quantity: number; picked: number; packed: number;
  weight_g: number | null; length_mm: number | null; width_mm: number | null; height_mm: number | null;
}

export async function packableAllocations(db: Kdb, tenantId: string, fulfillmentOrderId: string): Promise<PackableRow[]> {
  const { rows } = await sql<PackableRow>`
    select a.id, a.order_line_id, a.product_id, p.sku, p.name, a.quantity, a.picked,
           coalesce((select sum(pi.quantity) from package_items pi where pi.tenant_id = a.tenant_id and pi.allocation_id = a.id), 0)::int as packed,
           p.weight_g, p.length_mm, p.width_mm, p.height_mm
    from order_allocations a
    join order_lines ol on ol.tenant_id = a.tenant_id and ol.id = a.order_line_id
    join products p on p.tenant_id = a.tenant_id and p.id = a.product_id
    where a.tenant_id = ${tenantId} and a.fulfillment_order_id = ${fulfillmentOrderId} and a.status = 'reserved'
    order by ol.position, a.id`.execute(db);
  return rows;
}

/** Packing without a wave picks as it packs: an allocation's picked covers what is packed of it. */
export async function raisePicked(trx: Kdb, tenantId: string, allocationId: string, atLeast: number): Promise<void> {
  await trx.updateTable('order_allocations').set({ picked: sql`greatest(picked, ${atLeast}::int)`, updated_at: sql`now()` })
    .where('tenant_id', '=', tenantId).where('id', '=', allocationId).execute();
}

export interface NewPackage {
  id: string; fulfillmentOrderId: string; boxId: string | null; length_mm: number; width_mm: number; height_mm: number;
  weight_g: number; weight_source: 'computed' | 'scale'; items: { allocationId: string; quantity: number }[];
}

export async function insertPackage(trx: Kdb, tenantId: string, p: NewPackage): Promise<void> {
  await trx.insertInto('packages').values({
    tenant_id: tenantId, id: p.id, fulfillment_order_id: p.fulfillmentOrderId, box_id: p.boxId,
    length_mm: p.length_mm, width_mm: p.width_mm, height_mm: p.height_mm, weight_g: p.weight_g, weight_source: p.weight_source,
  }).execute();
  await trx.insertInto('package_items').values(p.items.map((i) => ({ tenant_id: tenantId, package_id: p.id, allocation_id: i.allocationId, quantity: i.quantity }))).execute();
}

export interface PackageRow {
  id: string; fulfillment_order_id: string; box_code: string | null; length_mm: number; width_mm: number; height_mm: number;
  weight_g: number; weight_source: 'computed' | 'scale'; shipment_id: string | null; created_at: Date | string; updated_at: Date | string;
}

export interface PackageItemRow { package_id: string; allocation_id: string; order_line_id: string; sku: string; name: string; quantity: number }

function packageQuery(db: Kdb, tenantId: string) {
  return db.selectFrom('packages as pk')
    .leftJoin('boxes as b', (j) => j.onRef('b.tenant_id', '=', 'pk.tenant_id').onRef('b.id', '=', 'pk.box_id'))
    .select(['pk.id', 'pk.fulfillment_order_id', 'b.code as box_code', 'pk.length_mm', 'pk.width_mm', 'pk.height_mm',
      'pk.weight_g', 'pk.weight_source', 'pk.shipment_id', 'pk.created_at', 'pk.updated_at'])
    .where('pk.tenant_id', '=', tenantId);
}

export async function findPackage(db: Kdb, tenantId: string, id: string): Promise<PackageRow | undefined> {
  return packageQuery(db, tenantId).where('pk.id', '=', id).executeTakeFirst();
}

export async function packagesOf(db: Kdb, tenantId: string, fulfillmentOrderId: string): Promise<PackageRow[]> {
  return packageQuery(db, tenantId).where('pk.fulfillment_order_id', '=', fulfillmentOrderId).orderBy('pk.id').execute();
}

export async function itemsOf(db: Kdb, tenantId: string, packageIds: readonly string[]): Promise<PackageItemRow[]> {
  if (packageIds.length === 0) return [];
  return db.selectFrom('package_items as pi')
    .innerJoin('order_allocations as a', (j) => j.onRef('a.tenant_id', '=', 'pi.tenant_id').onRef('a.id', '=', 'pi.allocation_id'))
    .innerJoin('order_lines as ol', (j) => j.onRef('ol.tenant_id', '=', 'a.tenant_id').onRef('ol.id', '=', 'a.order_line_id'))
    .select(['pi.package_id', 'pi.allocation_id', 'a.order_line_id', 'ol.sku', 'ol.name', 'pi.quantity'])
    .where('pi.tenant_id', '=', tenantId).where('pi.package_id', 'in', [...packageIds])
    .orderBy('pi.package_id').orderBy('ol.position').orderBy('pi.allocation_id').execute();
}

/** Records a scale reading, only while the package has not shipped. */
export async function setScaleWeight(trx: Kdb, tenantId: string, id: string, weightG: number): Promise<boolean> {
  const result = await trx.updateTable('packages').set({ weight_g: weightG, weight_source: 'scale', updated_at: sql`now()` })
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('shipment_id', 'is', null).executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Deletes a package and its items, only while it has not shipped. */
export async function deletePackage(trx: Kdb, tenantId: string, id: string): Promise<boolean> {
  const unshipped = await trx.selectFrom('packages').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).where('shipment_id', 'is', null).forUpdate().executeTakeFirst();
  if (!unshipped) return false;
  await trx.deleteFrom('package_items').where('tenant_id', '=', tenantId).where('package_id', '=', id).execute();
  await trx.deleteFrom('packages').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  return true;
}
