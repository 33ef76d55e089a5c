// SQL for orders: loading one whole order, its timeline, and writing events.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { enqueueOutbox, type OutboxEvent } from '../../platform/outbox.ts';
import type { AllocationView, OrderLineView, OrderRecord } from './order.view.ts';

/** Selects the order columns the view needs, joined to channel and pickup location codes. */
export function orderRecordQuery(db: Kdb, tenantId: string) {
  return db.selectFrom('orders as o')
    .innerJoin('channels as ch', (j) => j.onRef('ch.tenant_id', '=', 'o.tenant_id').onRef('ch.id', '=', 'o.channel_id'))
    .leftJoin('locations as pl', (j) => j.onRef('pl.tenant_id', '=', 'o.tenant_id').onRef('pl.id', '=', 'o.pickup_location_id'))
    .select([
      'o.id', 'o.number', 'ch.code as channel_code', 'o.channel_id', 'o.external_id', 'o.status', 'o.hold_reason', 'o.cancel_reason',
      'o.currency', 'o.subtotal', 'o.discount_total', 'o.shipping_total', 'o.tax_total', 'o.total',
      'o.customer_id', 'o.email', 'o.customer_name', 'o.shipping_address', 'o.billing_address',
      'o.delivery_type', 'pl.code as pickup_location_code', 'o.shipping_method', 'o.note', 'o.version', 'o.created_at', 'o.updated_at',
    ])
    .where('o.tenant_id', '=', tenantId);
}

export type OrderRecordRow = OrderRecord & { channel_id: string };

/** Finds an order by id or by its human number. */
export async function findOrderRecord(db: Kdb, tenantId: string, idOrNumber: string): Promise<OrderRecordRow | undefined> {
  const query = orderRecordQuery(db, tenantId);
  if (/^\d{1,15}$/.test(idOrNumber)) return query.where('o.number', '=', Number(idOrNumber)).executeTakeFirst();
  return query.where('o.id', '=', idOrNumber).executeTakeFirst();
}

/** Lines of the given orders with their non-released allocations, in line order. */
export async function loadLines(db: Kdb, tenantId: string, orderIds: readonly string[]): Promise<Map<string, OrderLineView[]>> {
  const byOrder = new Map<string, OrderLineView[]>();
  if (orderIds.length === 0) return byOrder;
  const [lines, allocations] = await Promise.all([
    db.selectFrom('order_lines').select(['id', 'order_id', 'sku', 'name', 'quantity', 'unit_price', 'discount_allocated', 'total', 'backordered', 'canceled'])
      .where('tenant_id', '=', tenantId).where('order_id', 'in', [...orderIds]).orderBy('order_id').orderBy('position').execute(),
    db.selectFrom('order_allocations as a')
      .innerJoin('locations as l', (j) => j.onRef('l.tenant_id', '=', 'a.tenant_id').onRef('l.id', '=', 'a.location_id'))
      .select(['a.order_line_id', 'l.code', 'a.quantity', 'a.status'])
      .where('a.tenant_id', '=', tenantId).where('a.order_id', 'in', [...orderIds]).where('a.status', '<>', 'released')
      .orderBy('a.id').execute(),
  ]);
  const byLine = new Map<string, AllocationView[]>();
  for (const a of allocations) {
    const list = byLine.get(a.order_line_id) ?? [];
    list.push({ location: a.code, quantity: a.quantity, status: a.status });
    byLine.set(a.order_line_id, list);
  }
  for (const line of lines) {
    const list = byOrder.get(line.order_id) ?? [];
    list.push({
      id: line.id, sku: line.sku, name: line.name, quantity: line.quantity, unit_price: line.unit_price,
      discount_allocated: line.discount_allocated, total: line.total, allocations: byLine.get(line.id) ?? [], backordered: line.backordered, canceled: line.canceled,
    });
    byOrder.set(line.order_id, list);
  }
  return byOrder;
}

export interface TimelineEvent { type: string; data?: Record<string, unknown> }

/** Appends timeline events and their outbox twins; call inside the change's transaction. */
export async function recordEvents(trx: Kdb, tenantId: string, orderId: string, actor: string, events: readonly TimelineEvent[], outbox: readonly OutboxEvent[] = [], at?: Date): Promise<void> {
  if (events.length > 0) {
    await trx.insertInto('order_events').values(events.map((e) => ({
      tenant_id: tenantId, order_id: orderId, type: e.type, actor, data: JSON.stringify(e.data ?? {}), ...(at ? { at } : {}),
    }))).execute();
  }
  await enqueueOutbox(trx, tenantId, outbox);
}

export async function listEvents(db: Kdb, tenantId: string, orderId: string) {
  return db.selectFrom('order_events').select(['id', 'type', 'actor', 'data', 'at'])
    .where('tenant_id', '=', tenantId).where('order_id', '=', orderId).orderBy('id').execute();
}

/**
 * Locks the order row for the rest of the transaction. Writers that change what an
 * order is (cancel, shipments, edits, returns) take this lock first, so each sees what
 * the others committed before it decides.
 */
export async function lockOrderRow(trx: Kdb, tenantId: string, orderId: string): Promise<void> {
  await trx.selectFrom('orders').select('id').where('tenant_id', '=', tenantId).where('id', '=', orderId).forUpdate().execute();
}

/** Moves the status only if it is still `from`: a race cannot skip the check. */
export async function transitionStatus(trx: Kdb, tenantId: string, orderId: string, from: string, to: string, fields: { hold_reason?: string | null; cancel_reason?: string | null }): Promise<boolean> {
  const result = await trx.updateTable('orders').set({ status: to, ...fields, updated_at: sql`now()` })
    .where('tenant_id', '=', tenantId).where('id', '=', orderId).where('status', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
