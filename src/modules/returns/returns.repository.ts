// SQL for returns and their items, and the facts about an order's lines a return is
// checked against (shipped, delivered, already in returns). Plain functions taking the
// database or the caller's transaction.
import { sql } from 'kysely';
import type { Address, Kdb } from '../../platform/db/index.ts';
import type { ExchangeLine, ReturnStatus } from '../../platform/db/schema-after-sales.ts';
import { lockOrderRow } from '../orders/index.ts';

export interface ReturnOrder {
  id: string; number: number; status: string; channel_id: string; channel_code: string; currency: string;
  email: string | null; customer_name: string | null; shipping_address: Address | null;
  delivery_type: 'ship' | 'pickup'; pickup_location_code: string | null;
  tax_total: number; shipping_total: number; total: number;
}

/** An order by id or number, with what returns need of it. */
export async function findReturnOrder(db: Kdb, tenantId: string, idOrNumber: string): Promise<ReturnOrder | undefined> {
  let query = db.selectFrom('orders as o')
    .innerJoin('channels as ch', (j) => j.onRef('ch.tenant_id', '=', 'o.tenant_id').onRef('ch.id', '=', 'o.channel_id'))
    .leftJoin('locations as pl', (j) => j.onRef('pl.tenant_id', '=', 'o.tenant_id').onRef('pl.id', '=', 'o.pickup_location_id'))
    .select(['o.id', 'o.number', 'o.status', 'o.channel_id', 'ch.code as channel_code', 'o.currency', 'o.email', 'o.customer_name',
      'o.shipping_address', 'o.delivery_type', 'pl.code as pickup_location_code', 'o.tax_total', 'o.shipping_total', 'o.total'])
    .where('o.tenant_id', '=', tenantId);
  query = /^\d{1,15}$/.test(idOrNumber) ? query.where('o.number', '=', Number(idOrNumber)) : query.where('o.id', '=', idOrNumber);
  return query.executeTakeFirst();
}

/**
 * Locks the order's row for the rest of the transaction. Every change to an order's
 * returns takes it first, so two returns of one order never both claim the same units
 * and two closes never refund the same share.
 */
export async function lockOrder(trx: Kdb, tenantId: string, orderId: string): Promise<void> {
  await lockOrderRow(trx, tenantId, orderId);
}

export interface LineFacts {
  id: string; position: number; product_id: string; sku: string; name: string;
  quantity: number; canceled: number;
  /** The line's value after its discount share: total - discount_allocated. */
  value: number;
  /** Units shipped (fulfilled allocations). */
  shipped: number;
  /** Units in shipments that were delivered, and the latest such delivery. */
  delivered: number; last_delivered_at: Date | null;
  /** Units other returns still claim (not rejected; received ones count what came back). */
  held: number;
  /** Units refunded by closed returns. */
  refunded: number;
}

/** The order's lines with what was shipped, delivered and returned, leaving out one return. */
export async function loadLineFacts(db: Kdb, tenantId: string, orderId: string, exceptReturnId: string | null = null): Promise<LineFacts[]> {
  const except = exceptReturnId ?? '';
  const { rows } = await sql<LineFacts>`
    select l.id, l.position, l.product_id, l.sku, l.name, l.quantity, l.canceled,
           (l.total - l.discount_allocated)::int8 as value,
           coalesce((select sum(a.quantity) from order_allocations a
                     where a.tenant_id = l.tenant_id and a.order_line_id = l.id and a.status = 'fulfilled'), 0)::int8 as shipped,
           coalesce(d.delivered, 0)::int8 as delivered, d.last_delivered_at,
           coalesce(r.held, 0)::int8 as held, coalesce(r.refunded, 0)::int8 as refunded
    from order_lines l
    left join lateral (
      -- A counter pickup is a delivery: it counts from when it was handed over.
      select sum(si.quantity) as delivered, max(coalesce(s.delivered_at, s.shipped_at)) as last_delivered_at
      from shipment_items si join shipments s on s.tenant_id = si.tenant_id and s.id = si.shipment_id
      where si.tenant_id = l.tenant_id and si.order_line_id = l.id and (s.delivered_at is not null or s.status = 'picked_up')
    ) d on true
    left join lateral (
      select sum(case when rt.status in ('received', 'closed') then i.received_quantity else i.quantity end) as held,
             sum(i.received_quantity) filter (where rt.status = 'closed') as refunded
      from return_items i join returns rt on rt.tenant_id = i.tenant_id and rt.id = i.return_id
      where i.tenant_id = l.tenant_id and i.order_line_id = l.id and rt.status <> 'rejected' and rt.id <> ${except}
    ) r on true
    where l.tenant_id = ${tenantId} and l.order_id = ${orderId}
    order by l.position`.execute(db);
  return rows;
}

/** Shipping already refunded by the order's closed returns. */
export async function priorShippingRefunded(db: Kdb, tenantId: string, orderId: string): Promise<number> {
  const row = await db.selectFrom('returns').select(sql<number>`coalesce(sum(refund_shipping), 0)::int8`.as('amount'))
    .where('tenant_id', '=', tenantId).where('order_id', '=', orderId).where('status', '=', 'closed').executeTakeFirst();
  return row?.amount ?? 0;
}

/** The next return number of the tenant (1001, 1002, …). */
export async function nextReturnNumber(trx: Kdb, tenantId: string): Promise<number> {
  const row = await trx.insertInto('return_numbers').values({ tenant_id: tenantId, last: 1001 })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ last: sql`return_numbers.last + 1` }))
    .returning('last').executeTakeFirstOrThrow();
  return row.last;
}

export interface NewReturn {
  id: string; number: number; orderId: string; source: 'customer' | 'staff'; note: string | null;
  overridePolicy: boolean; exchangeLines: ExchangeLine[] | null;
  items: { lineId: string; quantity: number; reason: string }[];
}

export async function insertReturn(trx: Kdb, tenantId: string, r: NewReturn): Promise<void> {
  await trx.insertInto('returns').values({
    tenant_id: tenantId, id: r.id, number: r.number, order_id: r.orderId, status: 'requested', source: r.source, note: r.note,
    reject_reason: null, override_policy: r.overridePolicy, restock_location_id: null, refund_amount: null, refund_items: null,
    refund_tax: null, refund_shipping: null, restocking_fee: null, refund_id: null,
    exchange_lines: r.exchangeLines ? JSON.stringify(r.exchangeLines) : null, exchange_order_id: null, exchange_credit: null,
    received_at: null, closed_at: null,
  }).execute();
  await trx.insertInto('return_items').values(r.items.map((i) => ({
    tenant_id: tenantId, return_id: r.id, order_line_id: i.lineId, quantity: i.quantity, reason: i.reason,
  }))).execute();
}

export interface ReturnRecord {
  id: string; number: number; order_id: string; order_number: number; currency: string; status: ReturnStatus; source: 'customer' | 'staff';
  note: string | null; reject_reason: string | null; override_policy: boolean; restock_location_code: string | null;
  refund_amount: number | null; refund_items: number | null; refund_tax: number | null; refund_shipping: number | null;
  restocking_fee: number | null; refund_id: string | null;
  exchange_lines: ExchangeLine[] | null; exchange_order_id: string | null; exchange_order_number: number | null; exchange_credit: number | null;
  received_at: Date | null; closed_at: Date | null; created_at: Date; updated_at: Date;
}

function recordQuery(db: Kdb, tenantId: string) {
  return db.selectFrom('returns as r')
    .innerJoin('orders as o', (j) => j.onRef('o.tenant_id', '=', 'r.tenant_id').onRef('o.id', '=', 'r.order_id'))
    .leftJoin('orders as x', (j) => j.onRef('x.tenant_id', '=', 'r.tenant_id').onRef('x.id', '=', 'r.exchange_order_id'))
    .leftJoin('locations as l', (j) => j.onRef('l.tenant_id', '=', 'r.tenant_id').onRef('l.id', '=', 'r.restock_location_id'))
    .select([
      'r.id', 'r.number', 'r.order_id', 'o.number as order_number', 'o.currency', 'r.status', 'r.source', 'r.note', 'r.reject_reason', 'r.override_policy',
      'l.code as restock_location_code', 'r.refund_amount', 'r.refund_items', 'r.refund_tax', 'r.refund_shipping', 'r.restocking_fee', 'r.refund_id',
      'r.exchange_lines', 'r.exchange_order_id', 'x.number as exchange_order_number', 'r.exchange_credit',
      'r.received_at', 'r.closed_at', 'r.created_at', 'r.updated_at',
    ])
    .where('r.tenant_id', '=', tenantId);
}

/** A return by id (`ret_…`) or number. */
export async function findReturn(db: Kdb, tenantId: string, idOrNumber: string): Promise<ReturnRecord | undefined> {
  const query = recordQuery(db, tenantId);
  return (/^\d{1,15}$/.test(idOrNumber) ? query.where('r.number', '=', Number(idOrNumber)) : query.where('r.id', '=', idOrNumber)).executeTakeFirst();
}

export interface ReturnListFilter { status?: ReturnStatus | undefined; orderId?: string | undefined; beforeId: string | null; limit: number }

/** Returns newest first, one more than the limit (to know if a next page exists). */
export async function listReturnRecords(db: Kdb, tenantId: string, filter: ReturnListFilter): Promise<ReturnRecord[]> {
  let query = recordQuery(db, tenantId);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.orderId) query = query.where('r.order_id', '=', filter.orderId);
  if (filter.beforeId) query = query.where('r.id', '<', filter.beforeId);
  return query.orderBy('r.id', 'desc').limit(filter.limit + 1).execute();
}

/** The returns of one order, oldest first. */
export async function listOrderReturns(db: Kdb, tenantId: string, orderId: string): Promise<ReturnRecord[]> {
  return recordQuery(db, tenantId).where('r.order_id', '=', orderId).orderBy('r.id').execute();
}

export interface ReturnItemRecord {
  return_id: string; order_line_id: string; sku: string; name: string; product_id: string;
  quantity: number; reason: string; received_quantity: number; damaged_quantity: number;
}

/** The items of these returns in line order, grouped by return id. */
export async function loadItems(db: Kdb, tenantId: string, returnIds: readonly string[]): Promise<Map<string, ReturnItemRecord[]>> {
  const out = new Map<string, ReturnItemRecord[]>();
  if (returnIds.length === 0) return out;
  const rows = await db.selectFrom('return_items as i')
    .innerJoin('order_lines as l', (j) => j.onRef('l.tenant_id', '=', 'i.tenant_id').onRef('l.id', '=', 'i.order_line_id'))
    .select(['i.return_id', 'i.order_line_id', 'l.sku', 'l.name', 'l.product_id', 'i.quantity', 'i.reason', 'i.received_quantity', 'i.damaged_quantity'])
    .where('i.tenant_id', '=', tenantId).where('i.return_id', 'in', [...returnIds])
    .orderBy('i.return_id').orderBy('l.position').execute();
  for (const row of rows) {
    const list = out.get(row.return_id) ?? [];
    list.push(row);
    out.set(row.return_id, list);
  }
  return out;
}

export interface TransitionFields {
  reject_reason?: string; restock_location_id?: string; received_at?: Date; closed_at?: Date;
  refund_amount?: number; refund_items?: number; refund_tax?: number; refund_shipping?: number; restocking_fee?: number; refund_id?: string | null;
  exchange_order_id?: string; exchange_credit?: number;
}

/** Moves a return from one status to another, only if it is still in `from`. */
export async function transitionReturn(trx: Kdb, tenantId: string, id: string, from: ReturnStatus, to: ReturnStatus, fields: TransitionFields = {}): Promise<boolean> {
  const result = await trx.updateTable('returns').set({ status: to, ...fields, updated_at: sql`now()` })
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Records what came back of one item: received units, of which damaged. */
export async function setReceived(trx: Kdb, tenantId: string, returnId: string, lineId: string, received: number, damaged: number): Promise<void> {
  await trx.updateTable('return_items').set({ received_quantity: received, damaged_quantity: damaged })
    .where('tenant_id', '=', tenantId).where('return_id', '=', returnId).where('order_line_id', '=', lineId).execute();
}

/** True once any unit of the order has shipped (an allocation is fulfilled). */
export async function hasShippedUnits(db: Kdb, tenantId: string, orderId: string): Promise<boolean> {
  const row = await db.selectFrom('order_allocations').select('id')
    .where('tenant_id', '=', tenantId).where('order_id', '=', orderId).where('status', '=', 'fulfilled').limit(1).executeTakeFirst();
  return row !== undefined;
}
