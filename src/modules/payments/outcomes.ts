// What a provider's answer changes, applied in one transaction: the call's row, the
// payment's amounts and status, follow-up calls (an immediate capture, a void for an
// order canceled meanwhile), holds, and the timeline. The order row is locked first,
// then the payment, the same order every money decision takes.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import type { PaymentProvider as ProviderName, PaymentRecordStatus, PaymentTransactionKind } from '../../platform/db/schema-payments.ts';
import { newId } from '../../platform/ids.ts';
import { placeHolds, releaseHolds } from '../holds/index.ts';
import { recordEvents } from '../orders/index.ts';
import { getPaymentSettings } from './payment-settings.ts';
import { loadBalances, loadOrderMoney, queueTransactions } from './payments.repository.ts';
import { refundExcessCaptured } from './payments.service.ts';
import { providerFor } from './providers/registry.ts';
import type { ProviderResult } from './providers/provider.ts';

export const PAYMENTS_ACTOR = 'system:payments';

export interface ClaimedCall {
  tenant_id: string; id: string; payment_id: string; kind: PaymentTransactionKind; amount: number; idempotency_key: string;
  attempts: number; shipment_id: string | null; refund_id: string | null;
  order_id: string; provider: ProviderName; token: string | null; currency: string; payment_reference: string | null;
}

interface PaymentRow { status: PaymentRecordStatus; amount: number; authorized_amount: number; captured_amount: number; refunded_amount: number }

async function lockPayment(trx: Kdb, tenantId: string, paymentId: string): Promise<PaymentRow> {
  const { rows } = await sql<PaymentRow>`select status, amount, authorized_amount, captured_amount, refunded_amount from payments
    where tenant_id = ${tenantId} and id = ${paymentId} for update`.execute(trx);
  const row = rows[0] as PaymentRow;
  return { ...row, amount: Number(row.amount), authorized_amount: Number(row.authorized_amount), captured_amount: Number(row.captured_amount), refunded_amount: Number(row.refunded_amount) };
}

/** The status a payment has after its amounts changed. */
export function statusFor(authorized: number, captured: number, fallback: PaymentRecordStatus): PaymentRecordStatus {
  if (captured > 0) return captured >= authorized ? 'captured' : 'partially_captured';
  if (authorized > 0) return 'authorized';
  return fallback;
}

/** Applies one provider answer; a call settled by someone else already is left alone. */
export async function applyOutcome(trx: Kdb, call: ClaimedCall, result: ProviderResult): Promise<void> {
  await sql`select id from orders where tenant_id = ${call.tenant_id} and id = ${call.order_id} for update`.execute(trx);
  const settled = await trx.updateTable('payment_transactions').set({
    status: result.ok ? 'succeeded' : 'failed', provider_reference: result.ok ? result.reference : null,
    error_code: result.ok ? null : result.code, error_message: result.ok ? null : result.message, completed_at: new Date(),
  }).where('tenant_id', '=', call.tenant_id).where('id', '=', call.id).where('status', '=', 'pending').returning('id').executeTakeFirst();
  if (!settled) return;
  const payment = await lockPayment(trx, call.tenant_id, call.payment_id);
  const handlers = { authorize: applyAuthorize, capture: applyCapture, void: applyVoid, refund: applyRefund };
  await handlers[call.kind](trx, call, payment, result);
}

async function setPayment(trx: Kdb, call: ClaimedCall, fields: Partial<PaymentRow> & { provider_reference?: string; authorization_expires_at?: Date | null }) {
  await trx.updateTable('payments').set({ ...fields, updated_at: sql`now()` }).where('tenant_id', '=', call.tenant_id).where('id', '=', call.payment_id).execute();
}

async function timeline(trx: Kdb, call: ClaimedCall, type: string, data: Record<string, unknown>) {
  const full = { payment_id: call.payment_id, provider: call.provider, ...data };
  await recordEvents(trx, call.tenant_id, call.order_id, PAYMENTS_ACTOR, [{ type, data: full }],
    [{ topic: type, aggregateId: call.order_id, payload: { order_id: call.order_id, ...full } }]);
}

async function applyAuthorize(trx: Kdb, call: ClaimedCall, payment: PaymentRow, result: ProviderResult) {
  if (!result.ok) {
    const status = result.code === 'provider_unavailable' ? 'failed' : 'declined';
    await setPayment(trx, call, { status });
    await timeline(trx, call, status === 'failed' ? 'payment.failed' : 'payment.declined', { amount: call.amount, code: result.code });
    await holdForPayment(trx, call, result.code);
    return;
  }
  await setPayment(trx, call, { status: 'authorized', authorized_amount: call.amount, provider_reference: result.reference, authorization_expires_at: result.authorizationExpiresAt ?? null });
  await timeline(trx, call, 'payment.authorized', { amount: call.amount, currency: call.currency });
  const order = await loadOrderMoney(trx, call.tenant_id, call.order_id);
  if (!order) return;
  if (order.status === 'canceled') {
    // Canceled while the authorization was on its way: give the money back at once.
    await queueTransactions(trx, call.tenant_id, [{ paymentId: call.payment_id, kind: 'void', amount: call.amount, idempotencyKey: `${call.payment_id}/void/${newId('ptx')}` }]);
    return;
  }
  if (order.capture_mode === 'immediate' && providerFor(call.provider).capturesOnShipment && payment.captured_amount === 0) {
    await queueTransactions(trx, call.tenant_id, [{ paymentId: call.payment_id, kind: 'capture', amount: call.amount, idempotencyKey: `${call.payment_id}/capture/immediate` }]);
  }
  await releaseHolds(trx, call.tenant_id, PAYMENTS_ACTOR, call.order_id, { type: 'payment_declined' }, { strict: false, reason: 'payment authorized' });
}

/** A declined or failed authorization holds the order until someone pays; the hold expires after the tenant's minutes. */
async function holdForPayment(trx: Kdb, call: ClaimedCall, code: string) {
  const order = await loadOrderMoney(trx, call.tenant_id, call.order_id);
  if (!order || (order.status !== 'open' && order.status !== 'on_hold')) return;
  const existing = await trx.selectFrom('order_holds').select('id').where('tenant_id', '=', call.tenant_id).where('order_id', '=', call.order_id)
    .where('type', '=', 'payment_declined').where('released_at', 'is', null).executeTakeFirst();
  if (existing) return;
  const settings = await getPaymentSettings(trx, call.tenant_id);
  const expiresAt = new Date(Date.now() + settings.declined_hold_minutes * 60_000);
  await placeHolds(trx, call.tenant_id, PAYMENTS_ACTOR, call.order_id, [{ type: 'payment_declined', reason: `payment ${call.payment_id} ${code}`, expiresAt }]);
}

async function applyCapture(trx: Kdb, call: ClaimedCall, payment: PaymentRow, result: ProviderResult) {
  if (!result.ok) {
    if (result.code === 'authorization_expired') await setPayment(trx, call, { status: 'expired' });
    await timeline(trx, call, 'payment.capture_failed', { amount: call.amount, code: result.code, ...(call.shipment_id ? { shipment_id: call.shipment_id } : {}) });
    return;
  }
  const captured = payment.captured_amount + call.amount;
  // Prepaid money is captured without an authorization: the capture is its authorization too.
  const authorized = Math.max(payment.authorized_amount, captured);
  await setPayment(trx, call, { captured_amount: captured, authorized_amount: authorized, status: statusFor(authorized, captured, payment.status) });
  await timeline(trx, call, 'payment.captured', { amount: call.amount, currency: call.currency, ...(call.shipment_id ? { shipment_id: call.shipment_id } : {}) });
  // Canceled while the capture was on its way (an immediate capture): a canceled order keeps nothing.
  const order = await loadOrderMoney(trx, call.tenant_id, call.order_id);
  if (order?.status === 'canceled') await refundExcessCaptured(trx, call.tenant_id, PAYMENTS_ACTOR, order, await loadBalances(trx, call.tenant_id, call.order_id, { lock: true }));
}

async function applyVoid(trx: Kdb, call: ClaimedCall, payment: PaymentRow, result: ProviderResult) {
  if (!result.ok) {
    await timeline(trx, call, 'payment.void_failed', { amount: call.amount, code: result.code });
    return;
  }
  const authorized = Math.max(payment.captured_amount, payment.authorized_amount - call.amount);
  await setPayment(trx, call, { authorized_amount: authorized, status: statusFor(authorized, payment.captured_amount, 'voided') });
  await timeline(trx, call, 'payment.voided', { amount: call.amount, currency: call.currency });
}

async function applyRefund(trx: Kdb, call: ClaimedCall, payment: PaymentRow, result: ProviderResult) {
  if (!result.ok) {
    await timeline(trx, call, 'refund.failed', { amount: call.amount, refund_id: call.refund_id, code: result.code });
    return;
  }
  await setPayment(trx, call, { refunded_amount: Math.min(payment.captured_amount, payment.refunded_amount + call.amount) });
  await timeline(trx, call, 'payment.refunded', { amount: call.amount, currency: call.currency, refund_id: call.refund_id });
}
