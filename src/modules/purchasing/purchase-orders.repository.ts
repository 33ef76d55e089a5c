// SQL for purchase orders, their lines and receipts. Plain functions taking the
// database or the caller's transaction.
import { sql } from 'kysely';
import type { Kdb, PurchaseOrderStatus, ReceiptLine } from '../../platform/db/index.ts';

export interface PurchaseOrderRecord {
  id: string; number: number; status: PurchaseOrderStatus; currency: string;
  supplier_id: string; supplier_code: string; supplier_name: string;
  location_id: string; location_code: string;
  expected_date: string | null; reference: string | null; note: string | null; cancel_reason: string | null;
  created_by: string; created_at: Date; updated_at: Date;
  submitted_at: Date | null; received_at: Date | null; canceled_at: Date | null;
}

export interface PurchaseOrderLineRecord {
  id: string; purchase_order_id: string; position: number; product_id: string; sku: string; name: string;
  quantity: number; quantity_received: number; unit_cost: number;
}

export interface ReceiptRecord {
  id: string; location_code: string; lines: ReceiptLine[]; note: string | null; actor: string; created_at: Date;
}

function recordQuery(db: Kdb, tenantId: string) {
  return db.selectFrom('purchase_orders as po')
    .innerJoin('suppliers as s', (j) => j.onRef('s.tenant_id', '=', 'po.tenant_id').onRef('s.id', '=', 'po.supplier_id'))
    .innerJoin('locations as l', (j) => j.onRef('l.tenant_id', '=', 'po.tenant_id').onRef('l.id', '=', 'po.location_id'))
    .select([
      'po.id', 'po.number', 'po.status', 'po.currency', 'po.supplier_id', 's.code as supplier_code', 's.name as supplier_name',
      'po.location_id', 'l.code as location_code', 'po.expected_date', 'po.reference', 'po.note', 'po.cancel_reason',
      'po.created_by', 'po.created_at', 'po.updated_at', 'po.submitted_at', 'po.received_at', 'po.canceled_at',
    ])
    .where('po.tenant_id', '=', tenantId);
}

/** The next purchase order number of the tenant (1001, 1002, …). */
export async function nextPurchaseOrderNumber(trx: Kdb, tenantId: string): Promise<number> {
  const row = await trx.insertInto('purchase_order_numbers').values({ tenant_id: tenantId, last_number: 1001 })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ last_number: sql`purchase_order_numbers.last_number + 1` }))
    .returning('last_number').executeTakeFirstOrThrow();
  return row.last_number;
}

/** A purchase order by id (`pur_…`) or number. */
export async function findPurchaseOrder(db: Kdb, tenantId: string, idOrNumber: string): Promise<PurchaseOrderRecord | undefined> {
  let query = recordQuery(db, tenantId);
  query = /^\d{1,15}$/.test(idOrNumber) ? query.where('po.number', '=', Number(idOrNumber)) : query.where('po.id', '=', idOrNumber);
  return query.executeTakeFirst();
}

/** Locks a purchase order's row for the rest of the transaction; returns its status. */
export async function lockPurchaseOrder(trx: Kdb, tenantId: string, id: string): Promise<PurchaseOrderStatus | undefined> {
  const row = await trx.selectFrom('purchase_orders').select('status')
    .where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
  return row?.status;
}

export interface PurchaseOrderFilter {
  status?: PurchaseOrderStatus | undefined; supplierId?: string | undefined; locationId?: string | undefined;
  beforeId: string | null; limit: number;
}

/** Purchase orders newest first, one more than the limit (to know if a next page exists). */
export async function listPurchaseOrderRecords(db: Kdb, tenantId: string, filter: PurchaseOrderFilter): Promise<PurchaseOrderRecord[]> {
  let query = recordQuery(db, tenantId);
  if (filter.status) query = query.where('po.status', '=', filter.status);
  if (filter.supplierId) query = query.where('po.supplier_id', '=', filter.supplierId);
  if (filter.locationId) query = query.where('po.location_id', '=', filter.locationId);
  if (filter.beforeId) query = query.where('po.id', '<', filter.beforeId);
  return query.orderBy('po.id', 'desc').limit(filter.limit + 1).execute();
}

/** The lines of these purchase orders, in position order, grouped by order id. */
export async function loadLines(db: Kdb, tenantId: string, purchaseOrderIds: readonly string[]): Promise<Map<string, PurchaseOrderLineRecord[]>> {
  const out = new Map<string, PurchaseOrderLineRecord[]>();
  if (purchaseOrderIds.length === 0) return out;
  const rows = await db.selectFrom('purchase_order_lines as pl')
    .innerJoin('products as p', (j) => j.onRef('p.tenant_id', '=', 'pl.tenant_id').onRef('p.id', '=', 'pl.product_id'))
    .select(['pl.id', 'pl.purchase_order_id', 'pl.position', 'pl.product_id', 'p.sku', 'p.name', 'pl.quantity', 'pl.quantity_received', 'pl.unit_cost'])
    .where('pl.tenant_id', '=', tenantId).where('pl.purchase_order_id', 'in', [...purchaseOrderIds])
    .orderBy('pl.purchase_order_id').orderBy('pl.position').execute();
  for (const row of rows) {
    const list = out.get(row.purchase_order_id) ?? [];
    list.push(row);
    out.set(row.purchase_order_id, list);
  }
  return out;
}

export async function loadReceipts(db: Kdb, tenantId: string, purchaseOrderId: string): Promise<ReceiptRecord[]> {
  return db.selectFrom('purchase_order_receipts as r')
    .innerJoin('locations as l', (j) => j.onRef('l.tenant_id', '=', 'r.tenant_id').onRef('l.id', '=', 'r.location_id'))
    .select(['r.id', 'l.code as location_code', 'r.lines', 'r.note', 'r.actor', 'r.created_at'])
    .where('r.tenant_id', '=', tenantId).where('r.purchase_order_id', '=', purchaseOrderId)
    .orderBy('r.id').execute();
}

export interface NewPurchaseOrder {
  id: string; number: number; supplierId: string; locationId: string; currency: string;
  expectedDate: string | null; reference: string | null; note: string | null; createdBy: string;
  lines: { id: string; productId: string; quantity: number; unitCost: number }[];
}

export async function insertPurchaseOrder(trx: Kdb, tenantId: string, po: NewPurchaseOrder): Promise<void> {
  await trx.insertInto('purchase_orders').values({
    tenant_id: tenantId, id: po.id, number: po.number, supplier_id: po.supplierId, location_id: po.locationId,
    status: 'draft', currency: po.currency, expected_date: po.expectedDate, reference: po.reference, note: po.note,
    created_by: po.createdBy,
  }).execute();
  await trx.insertInto('purchase_order_lines').values(po.lines.map((l, position) => ({
    tenant_id: tenantId, id: l.id, purchase_order_id: po.id, position, product_id: l.productId, quantity: l.quantity, unit_cost: l.unitCost,
  }))).execute();
}

/** Moves a purchase order from one status to another, only if it is still in `from`. */
export async function transitionPurchaseOrder(
  trx: Kdb, tenantId: string, id: string, from: PurchaseOrderStatus, to: PurchaseOrderStatus,
  fields: { submitted_at?: Date; received_at?: Date; canceled_at?: Date; cancel_reason?: string | null } = {},
): Promise<boolean> {
  const result = await trx.updateTable('purchase_orders').set({ status: to, ...fields, updated_at: sql`now()` })
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Adds received units to a line unless that would exceed what was ordered. */
export async function addReceived(trx: Kdb, tenantId: string, lineId: string, quantity: number): Promise<boolean> {
  const result = await trx.updateTable('purchase_order_lines').set({ quantity_received: sql`quantity_received + ${quantity}::int` })
    .where('tenant_id', '=', tenantId).where('id', '=', lineId)
    .where(sql<boolean>`quantity_received + ${quantity}::int <= quantity`).executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function insertReceipt(trx: Kdb, tenantId: string, receipt: { id: string; purchaseOrderId: string; locationId: string; lines: ReceiptLine[]; note: string | null; actor: string }): Promise<void> {
  await trx.insertInto('purchase_order_receipts').values({
    tenant_id: tenantId, id: receipt.id, purchase_order_id: receipt.purchaseOrderId, location_id: receipt.locationId,
    lines: JSON.stringify(receipt.lines), note: receipt.note, actor: receipt.actor,
  }).execute();
}
