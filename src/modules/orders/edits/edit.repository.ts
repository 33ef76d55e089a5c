// SQL for order edits: reading the order as an edit needs it (with or without locks),
// writing the lines, shrinking reservations, bumping the version and keeping the history.
import { sql } from 'kysely';
import type { Address, Kdb } from '../../../platform/db/index.ts';
import { newId } from '../../../platform/ids.ts';
import type { PaymentAction } from './edit.payments.ts';

export interface EditOrderRow {
  id: string; number: number; status: string; version: number; currency: string;
  delivery_type: 'ship' | 'pickup'; pickup_location_id: string | null;
  shipping_address: Address | null; shipping_method: string | null;
  subtotal: number; discount_total: number; shipping_total: number; tax_total: number; total: number;
}

/** The order's editable state; `lock` takes its row lock so edits of one order queue. */
export async function readOrderForEdit(db: Kdb, tenantId: string, orderId: string, lock: boolean): Promise<EditOrderRow | undefined> {
  const query = db.selectFrom('orders')
    .select(['id', 'number', 'status', 'version', 'currency', 'delivery_type', 'pickup_location_id', 'shipping_address', 'shipping_method',
      'subtotal', 'discount_total', 'shipping_total', 'tax_total', 'total'])
    .where('tenant_id', '=', tenantId).where('id', '=', orderId);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export interface EditLineRow {
  id: string; position: number; product_id: string; sku: string; name: string;
  quantity: number; canceled: number; unit_price: number; backordered: number;
}

export async function readLines(db: Kdb, tenantId: string, orderId: string): Promise<EditLineRow[]> {
  return db.selectFrom('order_lines')
    .select(['id', 'position', 'product_id', 'sku', 'name', 'quantity', 'canceled', 'unit_price', 'backordered'])
    .where('tenant_id', '=', tenantId).where('order_id', '=', orderId).orderBy('position').execute();
}

export interface EditAllocationRow {
  id: string; order_line_id: string; product_id: string; location_id: string; location_code: string;
  quantity: number; picked: number; status: 'reserved' | 'fulfilled'; fulfillment_order_id: string | null;
}

/** The order's reserved and shipped allocations (released ones are history). */
export async function readAllocations(db: Kdb, tenantId: string, orderId: string): Promise<EditAllocationRow[]> {
  const rows = await db.selectFrom('order_allocations as a')
    .innerJoin('locations as l', (j) => j.onRef('l.tenant_id', '=', 'a.tenant_id').onRef('l.id', '=', 'a.location_id'))
    .select(['a.id', 'a.order_line_id', 'a.product_id', 'a.location_id', 'l.code as location_code', 'a.quantity', 'a.picked', 'a.status', 'a.fulfillment_order_id'])
    .where('a.tenant_id', '=', tenantId).where('a.order_id', '=', orderId).where('a.status', '<>', 'released')
    .orderBy('a.id').execute();
  return rows as EditAllocationRow[];
}

/** The order's fulfillment orders still open (new units of a location join its one). */
export async function readOpenFulfillmentOrders(db: Kdb, tenantId: string, orderId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('fulfillment_orders').select(['id', 'location_id'])
    .where('tenant_id', '=', tenantId).where('order_id', '=', orderId).where('status', '=', 'open')
    .orderBy('id').execute();
  const byLocation = new Map<string, string>();
  for (const row of rows) if (!byLocation.has(row.location_id)) byLocation.set(row.location_id, row.id);
  return byLocation;
}

export interface LineWrite {
  id: string; position: number; product_id: string; sku: string; name: string; quantity: number; canceled: number;
  unit_price: number; discount_allocated: number; total: number; backordered: number; isNew: boolean;
}

/** Updates the existing lines and inserts the new ones, one statement each. */
export async function writeLines(trx: Kdb, tenantId: string, orderId: string, lines: readonly LineWrite[]): Promise<void> {
  const existing = lines.filter((l) => !l.isNew).map(({ isNew: _, ...l }) => l);
  const added = lines.filter((l) => l.isNew);
  if (existing.length > 0) {
    const result = await sql`
      update order_lines l set quantity = r.quantity, canceled = r.canceled, discount_allocated = r.discount_allocated,
        total = r.total, backordered = r.backordered
      from json_to_recordset(${JSON.stringify(existing)}::json) as r(id text, quantity int, canceled int, discount_allocated int8, total int8, backordered int)
      where l.tenant_id = ${tenantId} and l.order_id = ${orderId} and l.id = r.id`.execute(trx);
    if (Number(result.numAffectedRows ?? 0n) !== existing.length) throw new Error(`updated fewer lines than the ${existing.length} of order ${orderId}`);
  }
  if (added.length > 0) {
    await trx.insertInto('order_lines').values(added.map((l) => ({
      tenant_id: tenantId, id: l.id, order_id: orderId, position: l.position, product_id: l.product_id, sku: l.sku, name: l.name,
      quantity: l.quantity, canceled: l.canceled, unit_price: l.unit_price, discount_allocated: l.discount_allocated, total: l.total,
      backordered: l.backordered,
    }))).execute();
  }
}

/**
 * Takes units off reserved allocations: a whole allocation becomes `released`; part of
 * one is split off as a `released` row of its own, so the history keeps every unit.
 * Guarded (status reserved, unpicked units enough): returns how many allocations it
 * shrank, which the caller compares with what it asked for.
 */
export async function shrinkAllocations(trx: Kdb, tenantId: string, orderId: string, releases: readonly { allocationId: string; quantity: number }[]): Promise<number> {
  if (releases.length === 0) return 0;
  const rows = JSON.stringify(releases.map((r) => ({ allocation_id: r.allocationId, quantity: r.quantity, split_id: newId('alc') })));
  const { rows: result } = await sql<{ shrunk: number }>`
    with r as (
      select * from json_to_recordset(${rows}::json) as r(allocation_id text, quantity int, split_id text)
    ),
    shrunk as (
      update order_allocations a set
        quantity = case when a.quantity = r.quantity then a.quantity else a.quantity - r.quantity end,
        status = case when a.quantity = r.quantity then 'released' else 'reserved' end,
        updated_at = now()
      from r
      where a.tenant_id = ${tenantId} and a.order_id = ${orderId} and a.id = r.allocation_id
        and a.status = 'reserved' and a.quantity - a.picked >= r.quantity
      returning a.id, a.order_line_id, a.product_id, a.location_id, a.fulfillment_order_id, a.status, r.quantity as released, r.split_id
    ),
    splits as (
      insert into order_allocations (tenant_id, id, order_id, order_line_id, product_id, location_id, quantity, status, fulfillment_order_id)
      select ${tenantId}, s.split_id, ${orderId}, s.order_line_id, s.product_id, s.location_id, s.released, 'released', s.fulfillment_order_id
      from shrunk s where s.status = 'reserved'
    )
    select count(*)::int as shrunk from shrunk`.execute(trx);
  return result[0]?.shrunk ?? 0;
}

/** Open fulfillment orders of the order that no longer hold any unit. */
export async function emptyOpenFulfillmentOrders(trx: Kdb, tenantId: string, orderId: string): Promise<string[]> {
  const rows = await trx.selectFrom('fulfillment_orders as f').select('f.id')
    .where('f.tenant_id', '=', tenantId).where('f.order_id', '=', orderId).where('f.status', '=', 'open')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('order_allocations as a').select('a.id')
      .where('a.tenant_id', '=', tenantId).whereRef('a.fulfillment_order_id', '=', 'f.id').where('a.status', '<>', 'released'))))
    .orderBy('f.id').execute();
  return rows.map((r) => r.id);
}

export interface OrderAfterEdit {
  subtotal: number; discount_total: number; shipping_total: number; tax_total: number; total: number;
  shipping_method: string | null; shipping_address: Address | null;
}

/** Writes the new totals and bumps the version, only from the expected version. */
export async function bumpOrderVersion(trx: Kdb, tenantId: string, orderId: string, expectedVersion: number, fields: OrderAfterEdit): Promise<number | undefined> {
  const row = await trx.updateTable('orders')
    .set({ ...fields, shipping_address: JSON.stringify(fields.shipping_address), version: sql`version + 1`, updated_at: sql`now()` })
    .where('tenant_id', '=', tenantId).where('id', '=', orderId).where('version', '=', expectedVersion)
    .returning('version').executeTakeFirst();
  return row?.version;
}

export interface EditRecord {
  id: string; order_id: string; version: number; changes: unknown; previous_totals: Record<string, number>; new_totals: Record<string, number>;
  payment_difference: number; payment_action: PaymentAction; stock: unknown; actor: string; created_at: Date | string;
}

export async function insertEdit(trx: Kdb, tenantId: string, edit: Omit<EditRecord, 'created_at'>): Promise<EditRecord> {
  return trx.insertInto('order_edits').values({
    tenant_id: tenantId, id: edit.id, order_id: edit.order_id, version: edit.version,
    changes: JSON.stringify(edit.changes), previous_totals: JSON.stringify(edit.previous_totals), new_totals: JSON.stringify(edit.new_totals),
    payment_difference: edit.payment_difference, payment_action: edit.payment_action, stock: JSON.stringify(edit.stock), actor: edit.actor,
  }).returning(['id', 'order_id', 'version', 'changes', 'previous_totals', 'new_totals', 'payment_difference', 'payment_action', 'stock', 'actor', 'created_at'])
    .executeTakeFirstOrThrow() as Promise<EditRecord>;
}

/** The order's edits, newest first, paged by id. */
export async function listEditRows(db: Kdb, tenantId: string, orderId: string, limit: number, before: string | null): Promise<EditRecord[]> {
  let query = db.selectFrom('order_edits')
    .select(['id', 'order_id', 'version', 'changes', 'previous_totals', 'new_totals', 'payment_difference', 'payment_action', 'stock', 'actor', 'created_at'])
    .where('tenant_id', '=', tenantId).where('order_id', '=', orderId);
  if (before) query = query.where('id', '<', before);
  return query.orderBy('id', 'desc').limit(limit).execute() as Promise<EditRecord[]>;
}
