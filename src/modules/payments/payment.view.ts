// Payments and refunds as the order view shows them, read in few statements.
import type { Kdb } from '../../platform/db/index.ts';
import { iso } from '../../platform/http/index.ts';
import { derivePaymentStatus, type PaymentStatus } from '../orders/index.ts';

export interface PaymentTransactionView { id: string; kind: string; amount: number; status: string; error_code: string | null; shipment_id: string | null; refund_id: string | null; created_at: string | null; completed_at: string | null }
export interface PaymentView {
  id: string; order_id: string; provider: string; method: string | null; status: string; currency: string;
  amount: number; authorized: number; captured: number; refunded: number; authorization_expires_at: string | null;
  transactions: PaymentTransactionView[]; created_at: string | null;
}
export interface OrderRefundView { id: string; return_id: string | null; amount: number; currency: string; reason: string | null; status: 'pending' | 'succeeded' | 'failed'; created_at: string | null }

async function paymentRows(db: Kdb, tenantId: string, orderIds: readonly string[]) {
  if (orderIds.length === 0) return [];
  return db.selectFrom('payments').selectAll().where('tenant_id', '=', tenantId).where('order_id', 'in', [...orderIds]).orderBy('created_at').orderBy('id').execute();
}

/** The payments of one order (or one payment) with their provider calls. */
export async function loadPaymentViews(db: Kdb, tenantId: string, filter: { orderId: string } | { paymentId: string }): Promise<PaymentView[]> {
  let query = db.selectFrom('payments').selectAll().where('tenant_id', '=', tenantId);
  query = 'orderId' in filter ? query.where('order_id', '=', filter.orderId) : query.where('id', '=', filter.paymentId);
  const payments = await query.orderBy('created_at').orderBy('id').execute();
  if (payments.length === 0) return [];
  const transactions = await db.selectFrom('payment_transactions').selectAll().where('tenant_id', '=', tenantId)
    .where('payment_id', 'in', payments.map((p) => p.id)).orderBy('created_at').orderBy('id').execute();
  return payments.map((p) => ({
    id: p.id, order_id: p.order_id, provider: p.provider, method: p.method, status: p.status, currency: p.currency,
    amount: Number(p.amount), authorized: Number(p.authorized_amount), captured: Number(p.captured_amount), refunded: Number(p.refunded_amount),
    authorization_expires_at: iso(p.authorization_expires_at),
    transactions: transactions.filter((t) => t.payment_id === p.id).map((t) => ({
      id: t.id, kind: t.kind, amount: Number(t.amount), status: t.status, error_code: t.error_code, shipment_id: t.shipment_id, refund_id: t.refund_id,
      created_at: iso(t.created_at), completed_at: iso(t.completed_at),
    })),
    created_at: iso(p.created_at),
  }));
}

/** A refund is pending while any of its calls is, failed if any failed, else succeeded. */
function refundStatus(calls: readonly { status: string }[]): OrderRefundView['status'] {
  if (calls.some((c) => c.status === 'pending')) return 'pending';
  return calls.some((c) => c.status === 'failed') ? 'failed' : 'succeeded';
}

export async function loadRefundViews(db: Kdb, tenantId: string, orderId: string): Promise<OrderRefundView[]> {
  const refunds = await db.selectFrom('refunds').selectAll().where('tenant_id', '=', tenantId).where('order_id', '=', orderId).orderBy('created_at').orderBy('id').execute();
  if (refunds.length === 0) return [];
  const calls = await db.selectFrom('payment_transactions').select(['refund_id', 'status']).where('tenant_id', '=', tenantId)
    .where('refund_id', 'in', refunds.map((r) => r.id)).execute();
  return refunds.map((r) => ({
    id: r.id, return_id: r.return_id, amount: Number(r.amount), currency: r.currency, reason: r.reason,
    status: refundStatus(calls.filter((c) => c.refund_id === r.id)), created_at: iso(r.created_at),
  }));
}

/** The order view's money sections. */
export async function paymentSections(db: Kdb, tenantId: string, order: { id: string; total: number }) {
  const payments = await loadPaymentViews(db, tenantId, { orderId: order.id });
  const refunds = await loadRefundViews(db, tenantId, order.id);
  return { payment_status: derivePaymentStatus(payments, order.total), payments, refunds };
}

/** payment_status of many orders at once (lists). */
export async function paymentStatuses(db: Kdb, tenantId: string, orders: readonly { id: string; total: number }[]): Promise<Map<string, PaymentStatus>> {
  const rows = await paymentRows(db, tenantId, orders.map((o) => o.id));
  const statuses = new Map<string, PaymentStatus>();
  for (const order of orders) {
    const mine = rows.filter((r) => r.order_id === order.id).map((r) => ({
      status: r.status, authorized: Number(r.authorized_amount), captured: Number(r.captured_amount), refunded: Number(r.refunded_amount),
    }));
    statuses.set(order.id, derivePaymentStatus(mine, order.total));
  }
  return statuses;
}
