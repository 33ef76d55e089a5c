// Canceling an order after part of it shipped: only what has not shipped is canceled.
// Reservations are released, backorders dropped, unshipped fulfillment orders canceled,
// each line's `canceled` grows by its unshipped units, and the totals are recomputed for
// the active quantities (shipping stays). The order stays in its status (open, or on
// hold); it completes once what shipped is delivered. A fully shipped order → 409.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { Problem } from '../../platform/http/index.ts';
import type { Principal } from '../access/index.ts';
import { cancelUnshippedFulfillment } from '../fulfillment/index.ts';
import { computeTotals } from './order.totals.ts';
import { recordEvents, type OrderRecordRow } from './orders.repository.ts';

interface LineFacts { id: string; quantity: number; canceled: number; backordered: number; unit_price: number; fulfilled: number }

/** Units that shipped, per line. */
async function lineFacts(trx: Kdb, tenantId: string, orderId: string): Promise<LineFacts[]> {
  return trx.selectFrom('order_lines as ol')
    .select(['ol.id', 'ol.quantity', 'ol.canceled', 'ol.backordered', 'ol.unit_price',
      sql<number>`coalesce((select sum(a.quantity) from order_allocations a where a.tenant_id = ol.tenant_id and a.order_line_id = ol.id and a.status = 'fulfilled'), 0)::int`.as('fulfilled')])
    .where('ol.tenant_id', '=', tenantId).where('ol.order_id', '=', orderId).orderBy('ol.position').forUpdate().execute();
}

/** amount × part / whole, rounded down, exact in BigInt (0 when whole is 0). */
function scaled(amount: number, part: number, whole: number): number {
  return whole === 0 ? 0 : Number((BigInt(amount) * BigInt(part)) / BigInt(whole));
}

/** True when some unit of the order has shipped (then cancel cancels only the rest). */
export async function hasShipped(trx: Kdb, tenantId: string, orderId: string): Promise<boolean> {
  const row = await trx.selectFrom('order_allocations').select('id')
    .where('tenant_id', '=', tenantId).where('order_id', '=', orderId).where('status', '=', 'fulfilled').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Cancels the unshipped part of a partly shipped order; returns the timeline data it recorded. */
export async function cancelUnshippedPart(trx: Kdb, principal: Principal, order: OrderRecordRow, reason: string | null): Promise<Record<string, unknown>> {
  const { tenantId, actor } = principal;
  // The order row first (no key update: backorder allocations may still insert rows that
  // reference it), then the levels inside cancelUnshippedFulfillment, then the lines.
  await trx.selectFrom('orders').select('id').where('tenant_id', '=', tenantId).where('id', '=', order.id).forNoKeyUpdate().execute();
  const before = await lineFacts(trx, tenantId, order.id);
  const active = before.reduce((n, l) => n + l.quantity - l.canceled, 0);
  const shipped = before.reduce((n, l) => n + l.fulfilled, 0);
  if (shipped >= active) {
    throw new Problem('invalid_transition', 'Everything in this order has shipped; there is nothing left to cancel.', { extra: { from: order.status, to: 'canceled' } });
  }
  const stock = await cancelUnshippedFulfillment(trx, tenantId, actor, order.id, reason);
  const lines = await lineFacts(trx, tenantId, order.id);
  const kept = lines.map((l) => ({ ...l, keep: l.fulfilled }));
  const subtotalBefore = lines.reduce((n, l) => n + (l.quantity - l.canceled) * l.unit_price, 0);
  const subtotalAfter = kept.reduce((n, l) => n + l.keep * l.unit_price, 0);
  // Discount and tax shrink with the subtotal; shipping stays (the parcel that left was paid for).
  const totals = computeTotals(kept.map((l) => ({ quantity: l.keep, unitPrice: l.unit_price })), {
    discount: scaled(order.discount_total, subtotalAfter, subtotalBefore), shipping: order.shipping_total, tax: scaled(order.tax_total, subtotalAfter, subtotalBefore),
  });
  for (const [i, l] of kept.entries()) {
    await trx.updateTable('order_lines').set({
      canceled: l.quantity - l.keep, backordered: 0, total: totals.lineTotals[i] as number, discount_allocated: totals.lineDiscounts[i] as number,
    }).where('tenant_id', '=', tenantId).where('id', '=', l.id).execute();
  }
  await trx.updateTable('orders').set({
    subtotal: totals.subtotal, discount_total: totals.discountTotal, tax_total: totals.taxTotal, total: totals.total, updated_at: sql`now()`,
  }).where('tenant_id', '=', tenantId).where('id', '=', order.id).execute();
  // Payments: adjust or void what will not be captured for the canceled units (payments module) here.
  const data = {
    ...(reason ? { reason } : {}),
    units_canceled: kept.reduce((n, l) => n + (l.quantity - l.keep) - l.canceled, 0),
    units_released: stock.unitsReleased,
    backorders_dropped: lines.reduce((n, l) => n + l.backordered, 0),
    fulfillment_orders_canceled: stock.fulfillmentOrdersCanceled,
    total_before: order.total, total_after: totals.total,
  };
  await recordEvents(trx, tenantId, order.id, actor, [{ type: 'order.partially_canceled', data }],
    [{ topic: 'order.partially_canceled', aggregateId: order.id, payload: { order_id: order.id, id: order.id, number: String(order.number), ...data } }]);
  return data;
}
