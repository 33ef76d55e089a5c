// New payments: the one an order brings at intake, one added later (a new card after a
// decline), and an operator marking a manual payment paid. Provider calls are queued as
// pending rows in the caller's transaction and run after commit.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import type { PaymentProvider as ProviderName } from '../../platform/db/schema-payments.ts';
import { notFound, Problem } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import { lockOrderRow, recordEvents } from '../orders/index.ts';
import { statusFor } from './outcomes.ts';
import { insertPayment, loadBalances, queueTransactions, type PaymentBalance } from './payments.repository.ts';
import { providerFor } from './providers/registry.ts';

export interface PaymentInput { provider: ProviderName; token?: string | undefined; method?: string | undefined }

export function checkInput(input: PaymentInput, prefix: string | null): void {
  const path = prefix ? `${prefix}.token` : 'token';
  if (providerFor(input.provider).needsToken && !input.token) {
    throw new Problem('validation_failed', `${path} is required for ${input.provider}`, { errors: [{ path, message: `is required for ${input.provider}` }] });
  }
}

/** Writes a payment (pending) and its first provider call (pending) for `amount`; answers the payment id. */
async function openPayment(trx: Kdb, tenantId: string, orderId: string, currency: string, amount: number, input: PaymentInput): Promise<string> {
  const provider = providerFor(input.provider);
  const paymentId = await insertPayment(trx, tenantId, { orderId, provider: input.provider, method: input.method ?? null, token: input.token ?? null, currency, amount });
  // The key is derived from the ids, so a retried call can only ever be this one call.
  if (provider.intakeCall) await queueTransactions(trx, tenantId, [{ paymentId, kind: provider.intakeCall, amount, idempotencyKey: `${paymentId}/${provider.intakeCall}` }]);
  return paymentId;
}

/** The order's payment at intake (the order row exists in this transaction). */
export async function createIntakePayment(trx: Kdb, tenantId: string, orderId: string, currency: string, total: number, input: PaymentInput): Promise<string> {
  checkInput(input, 'payment');
  return openPayment(trx, tenantId, orderId, currency, total, input);
}

/** Money a payment still stands for: what it will bring (pending), holds (authorized) or brought (captured). */
function coverage(p: PaymentBalance): number {
  if (p.status === 'pending') return p.amount;
  if (p.status === 'authorized' || p.status === 'partially_captured' || p.status === 'captured') return p.authorized_amount - p.pending_void;
  return p.captured_amount;
}

/** Adds a payment for what the order still owes (e.g. a new card after a decline). */
export async function addPayment(trx: Kdb, tenantId: string, actor: string, order: { id: string; status: string; currency: string; total: number }, input: PaymentInput): Promise<string> {
  checkInput(input, null);
  if (order.status !== 'open' && order.status !== 'on_hold') {
    throw new Problem('invalid_transition', `Cannot add a payment to an order that is ${order.status}.`, { extra: { from: order.status } });
  }
  await lockOrderRow(trx, tenantId, order.id);
  const balances = await loadBalances(trx, tenantId, order.id, { lock: true });
  const owed = order.total - balances.reduce((sum, p) => sum + coverage(p), 0);
  if (owed <= 0) throw new Problem('invalid_transition', 'The order is already covered by its payments.', { extra: { owed: Math.max(0, owed) } });
  const paymentId = await openPayment(trx, tenantId, order.id, order.currency, owed, input);
  await recordEvents(trx, tenantId, order.id, actor, [{ type: 'payment.created', data: { payment_id: paymentId, provider: input.provider, amount: owed } }]);
  return paymentId;
}

/** An operator confirms money of a manual payment arrived (all that is open, or `amount`). */
export async function markPaid(trx: Kdb, tenantId: string, actor: string, paymentId: string, amount: number | undefined): Promise<{ orderId: string }> {
  const { rows } = await sql<{ order_id: string }>`select order_id from payments where tenant_id = ${tenantId} and id = ${paymentId}`.execute(trx);
  const orderId = rows[0]?.order_id;
  if (!orderId) throw notFound('Payment', paymentId);
  await lockOrderRow(trx, tenantId, orderId);
  const payment = (await loadBalances(trx, tenantId, orderId, { lock: true })).find((p) => p.id === paymentId) as PaymentBalance;
  if (payment.provider !== 'manual' || !['pending', 'partially_captured'].includes(payment.status)) {
    throw new Problem('invalid_transition', `Only an unpaid manual payment can be marked paid; this one is ${payment.provider}, ${payment.status}.`, { extra: { from: payment.status } });
  }
  const open = payment.amount - payment.captured_amount;
  const paid = amount ?? open;
  if (paid < 1 || paid > open) throw new Problem('amount_out_of_range', `amount must be from 1 to ${open}`, { errors: [{ path: 'amount', message: `must be from 1 to ${open}` }] });
  const captured = payment.captured_amount + paid;
  const authorized = Math.max(payment.authorized_amount, captured, payment.amount);
  await trx.updateTable('payments').set({ captured_amount: captured, authorized_amount: authorized, status: statusFor(authorized, captured, 'pending'), updated_at: sql`now()` })
    .where('tenant_id', '=', tenantId).where('id', '=', paymentId).execute();
  await trx.insertInto('payment_transactions').values({
    tenant_id: tenantId, id: newId('ptx'), payment_id: paymentId, kind: 'capture', amount: paid, status: 'succeeded',
    idempotency_key: `${paymentId}/mark-paid/${newId('ptx')}`, shipment_id: null, refund_id: null, provider_reference: null,
    error_code: null, error_message: null, attempts: 1, completed_at: new Date(),
  }).execute();
  const data = { payment_id: paymentId, provider: 'manual', amount: paid, currency: payment.currency, marked_paid: true };
  await recordEvents(trx, tenantId, orderId, actor, [{ type: 'payment.captured', data }], [{ topic: 'payment.captured', aggregateId: orderId, payload: { order_id: orderId, ...data } }]);
  return { orderId };
}
