// SQL for payments: payment rows with their in-flight amounts, provider calls
// (payment_transactions), refunds. Reads of orders and order_lines here are a read model
// of what payments needs (totals, lines, channel capture mode); orders stays their writer.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import type { PaymentProvider as ProviderName, PaymentRecordStatus, PaymentTransactionKind } from '../../platform/db/schema-payments.ts';
import { newId } from '../../platform/ids.ts';

export interface PaymentBalance {
  id: string; order_id: string; provider: ProviderName; status: PaymentRecordStatus; currency: string; token: string | null;
  amount: number; authorized_amount: number; captured_amount: number; refunded_amount: number;
  provider_reference: string | null; created_at: Date;
  /** Sums of the calls still pending, by kind: money already promised but not yet moved. */
  pending_capture: number; pending_void: number; pending_refund: number;
}

/** The order's payments, oldest first, with pending sums; `lock` takes their row locks (serializes money decisions per order). */
export async function loadBalances(db: Kdb, tenantId: string, orderId: string, options: { lock?: boolean } = {}): Promise<PaymentBalance[]> {
  const pending = (kind: PaymentTransactionKind) => sql<number>`(select coalesce(sum(t.amount), 0)::int8 from payment_transactions t
    where t.tenant_id = p.tenant_id and t.payment_id = p.id and t.kind = ${kind} and t.status = 'pending')`;
  const { rows } = await sql<PaymentBalance>`
    select p.id, p.order_id, p.provider, p.status, p.currency, p.token, p.amount, p.authorized_amount, p.captured_amount, p.refunded_amount,
      p.provider_reference, p.created_at,
      ${pending('capture')} as pending_capture, ${pending('void')} as pending_void, ${pending('refund')} as pending_refund
    from payments p where p.tenant_id = ${tenantId} and p.order_id = ${orderId}
    order by p.created_at, p.id ${options.lock ? sql`for update of p` : sql``}`.execute(db);
  return rows.map((r) => ({ ...r, amount: Number(r.amount), authorized_amount: Number(r.authorized_amount), captured_amount: Number(r.captured_amount),
    refunded_amount: Number(r.refunded_amount), pending_capture: Number(r.pending_capture), pending_void: Number(r.pending_void), pending_refund: Number(r.pending_refund) }));
}

/** Authorized money not yet captured, voided or promised to a pending capture or void. */
export function uncaptured(p: PaymentBalance): number {
  return Math.max(0, p.authorized_amount - p.captured_amount - p.pending_capture - p.pending_void);
}

/** Captured money not yet refunded or promised to a pending refund. */
export function refundable(p: PaymentBalance): number {
  return Math.max(0, p.captured_amount - p.refunded_amount - p.pending_refund);
}

export interface OrderMoney {
  id: string; status: string; currency: string; channel_id: string; capture_mode: 'on_shipment' | 'immediate';
  total: number; shipping_total: number; tax_total: number;
}

/** The order's money facts (locked when asked: payment decisions on one order queue). */
export async function loadOrderMoney(db: Kdb, tenantId: string, orderId: string): Promise<OrderMoney | undefined> {
  const row = await db.selectFrom('orders as o')
    .innerJoin('channels as c', (j) => j.onRef('c.tenant_id', '=', 'o.tenant_id').onRef('c.id', '=', 'o.channel_id'))
    .select(['o.id', 'o.status', 'o.currency', 'o.channel_id', 'c.capture_mode', 'o.total', 'o.shipping_total', 'o.tax_total'])
    .where('o.tenant_id', '=', tenantId).where('o.id', '=', orderId).executeTakeFirst();
  return row ? { ...row, total: Number(row.total), shipping_total: Number(row.shipping_total), tax_total: Number(row.tax_total) } : undefined;
}

/** The order's lines as captures value them: total before and share of the discount, active units. */
export async function loadCaptureLines(db: Kdb, tenantId: string, orderId: string) {
  const rows = await db.selectFrom('order_lines').select(['id', 'total', 'discount_allocated', 'quantity', 'canceled'])
    .where('tenant_id', '=', tenantId).where('order_id', '=', orderId).orderBy('position').execute();
  return rows.map((r) => ({ id: r.id, total: Number(r.total), discountAllocated: Number(r.discount_allocated), activeQuantity: r.quantity - r.canceled }));
}

/**
 * Units per line of the order's other shipments that the money already counts: every
 * shipment for cards (the order owes the value of everything that left, whatever earlier
 * shipments captured — a shipment worth 0 captures nothing and must still count), only
 * the delivered ones for cash on delivery (captured when delivered).
 */
export async function unitsOfEarlierShipments(db: Kdb, tenantId: string, orderId: string, exceptShipmentId: string, basis: 'shipped' | 'delivered'): Promise<Map<string, number>> {
  let query = db.selectFrom('shipment_items as si')
    .innerJoin('shipments as s', (j) => j.onRef('s.tenant_id', '=', 'si.tenant_id').onRef('s.id', '=', 'si.shipment_id'))
    .select(['si.order_line_id', sql<number>`sum(si.quantity)::int`.as('quantity')])
    .where('si.tenant_id', '=', tenantId).where('s.order_id', '=', orderId).where('si.shipment_id', '<>', exceptShipmentId);
  if (basis === 'delivered') query = query.where((eb) => eb.or([eb('s.delivered_at', 'is not', null), eb('s.status', 'in', ['delivered', 'picked_up'])]));
  const rows = await query.groupBy('si.order_line_id').execute();
  return new Map(rows.map((r) => [r.order_line_id, Number(r.quantity)]));
}

/** Units per line of one shipment (as the shipping module recorded them). */
export async function unitsOfShipment(db: Kdb, tenantId: string, shipmentId: string): Promise<{ orderLineId: string; quantity: number }[]> {
  const rows = await db.selectFrom('shipment_items').select(['order_line_id', sql<number>`sum(quantity)::int`.as('quantity')])
    .where('tenant_id', '=', tenantId).where('shipment_id', '=', shipmentId).groupBy('order_line_id').execute();
  return rows.map((r) => ({ orderLineId: r.order_line_id, quantity: Number(r.quantity) }));
}

/** Money already captured or on its way (pending captures) over all of the order's payments. */
export function capturedOrPending(balances: readonly PaymentBalance[]): number {
  return balances.reduce((sum, p) => sum + p.captured_amount + p.pending_capture, 0);
}

/**
 * Money given back on the order other than for returned goods (edits, cancels, goodwill):
 * Σ refund calls pending or succeeded whose refund has no return. Returns give money back
 * for goods that came back and leave the order total alone, so they are not counted.
 */
export async function refundedOutsideReturns(db: Kdb, tenantId: string, orderId: string): Promise<number> {
  const row = await db.selectFrom('payment_transactions as t')
    .innerJoin('refunds as r', (j) => j.onRef('r.tenant_id', '=', 't.tenant_id').onRef('r.id', '=', 't.refund_id'))
    .select(sql<number>`coalesce(sum(t.amount), 0)::int8`.as('amount'))
    .where('t.tenant_id', '=', tenantId).where('r.order_id', '=', orderId).where('r.return_id', 'is', null)
    .where('t.kind', '=', 'refund').where('t.status', 'in', ['pending', 'succeeded']).executeTakeFirst();
  return Number(row?.amount ?? 0);
}

export interface NewPayment {
  id?: string; orderId: string; provider: ProviderName; method: string | null; token: string | null; currency: string; amount: number;
}

export async function insertPayment(trx: Kdb, tenantId: string, payment: NewPayment): Promise<string> {
  const id = payment.id ?? newId('pay');
  await trx.insertInto('payments').values({
    tenant_id: tenantId, id, order_id: payment.orderId, provider: payment.provider, method: payment.method, token: payment.token,
    currency: payment.currency, amount: payment.amount, status: 'pending', provider_reference: null,
    authorized_amount: 0, captured_amount: 0, refunded_amount: 0, authorization_expires_at: null,
  }).execute();
  return id;
}

export interface NewTransaction {
  paymentId: string; kind: PaymentTransactionKind; amount: number; idempotencyKey: string;
  shipmentId?: string | null; refundId?: string | null;
}

/** Queues provider calls (pending); a key already queued is skipped. Answers how many were queued. */
export async function queueTransactions(trx: Kdb, tenantId: string, calls: readonly NewTransaction[]): Promise<number> {
  if (calls.length === 0) return 0;
  const result = await trx.insertInto('payment_transactions').values(calls.map((c) => ({
    tenant_id: tenantId, id: newId('ptx'), payment_id: c.paymentId, kind: c.kind, amount: c.amount, status: 'pending' as const,
    idempotency_key: c.idempotencyKey, shipment_id: c.shipmentId ?? null, refund_id: c.refundId ?? null, provider_reference: null,
    error_code: null, error_message: null, attempts: 0, completed_at: null,
  }))).onConflict((oc) => oc.columns(['tenant_id', 'idempotency_key']).doNothing()).returning('id').execute();
  return result.length;
}
