// Money decisions other modules make inside their own transactions: capture for a
// shipment, capture cash on delivery, void what will not be captured, refund, settle an
// order edit. Each decision locks the order row and its payments (in that order), then
// queues provider calls as pending rows; they run after commit (transactions.runner.ts).
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { assert } from '../../platform/assert.ts';
import { iso, notFound, Problem } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import { recordEvents } from '../orders/index.ts';
import { addUnits, takeInOrder, valueOfShipped } from './capture.ts';
import {
  capturedOrPending, insertPayment, loadBalances, loadCaptureLines, loadOrderMoney, queueTransactions, refundable, refundedOutsideReturns, uncaptured,
  unitsOfEarlierShipments, unitsOfShipment, type OrderMoney, type PaymentBalance,
} from './payments.repository.ts';
import { providerFor } from './providers/registry.ts';
import { planSettlement, unpaidManual } from './settlement.ts';

export interface RefundView {
  id: string; order_id: string; return_id: string | null; amount: number; currency: string; reason: string | null;
  status: 'pending' | 'succeeded' | 'failed'; created_at: string;
}
export interface SettlementAction { action: 'none' | 'authorize' | 'refund' | 'void'; amount: number }

const LIVE = new Set(['authorized', 'partially_captured']);

/** Locks the order row, then its payments: the one lock order for every money decision. */
async function lockMoney(trx: Kdb, tenantId: string, orderId: string): Promise<{ order: OrderMoney; balances: PaymentBalance[] }> {
  await sql`select id from orders where tenant_id = ${tenantId} and id = ${orderId} for update`.execute(trx);
  const order = await loadOrderMoney(trx, tenantId, orderId);
  if (!order) throw notFound('Order', orderId);
  return { order, balances: await loadBalances(trx, tenantId, orderId, { lock: true }) };
}

/** Queues captures of `amount` over the given payments, oldest first, each up to what it has left. */
async function queueCaptures(trx: Kdb, tenantId: string, payments: readonly PaymentBalance[], amount: number, shipmentId: string): Promise<number> {
  const { takes } = takeInOrder(amount, payments.map((p) => ({ p, capacity: uncaptured(p) })));
  return queueTransactions(trx, tenantId, takes.map((t) => ({
    paymentId: t.part.p.id, kind: 'capture' as const, amount: t.amount, idempotencyKey: `${t.part.p.id}/capture/${shipmentId}`, shipmentId,
  })));
}

/** What the order still owes for the given shipment's units, over all shipments that came before it. */
async function owedForShipment(trx: Kdb, tenantId: string, order: OrderMoney, balances: readonly PaymentBalance[], shipmentId: string, units: readonly { orderLineId: string; quantity: number }[], basis: 'shipped' | 'delivered') {
  const lines = await loadCaptureLines(trx, tenantId, order.id);
  const before = await unitsOfEarlierShipments(trx, tenantId, order.id, shipmentId, basis);
  const target = valueOfShipped({ total: order.total, shippingTotal: order.shipping_total, taxTotal: order.tax_total, lines }, addUnits(before, units));
  return Math.max(0, target - capturedOrPending(balances));
}

/** Queues the capture of the value of the units a shipment carries (cards, capture_mode on_shipment). */
export async function requestCaptureForShipment(trx: Kdb, tenantId: string, _actor: string, orderId: string, shipmentId: string, shipped: { orderLineId: string; quantity: number }[]): Promise<void> {
  const { order, balances } = await lockMoney(trx, tenantId, orderId);
  const cards = balances.filter((p) => providerFor(p.provider).capturesOnShipment && LIVE.has(p.status));
  if (cards.length === 0) return;
  const amount = await owedForShipment(trx, tenantId, order, balances, shipmentId, shipped, 'shipped');
  if (amount > 0) await queueCaptures(trx, tenantId, cards, amount, shipmentId);
}

/** Captures cash on delivery for the units of a delivered shipment. */
export async function recordDeliveryForPayments(trx: Kdb, tenantId: string, _actor: string, orderId: string, shipmentId: string): Promise<void> {
  const { order, balances } = await lockMoney(trx, tenantId, orderId);
  const cod = balances.filter((p) => p.provider === 'cash_on_delivery' && LIVE.has(p.status));
  if (cod.length === 0) return;
  const amount = await owedForShipment(trx, tenantId, order, balances, shipmentId, await unitsOfShipment(trx, tenantId, shipmentId), 'delivered');
  if (amount > 0) await queueCaptures(trx, tenantId, cod, amount, shipmentId);
}

/**
 * Releases what the order will no longer collect — all of it for a canceled order, what
 * is asked for above the (recomputed) total after a partial cancel — the way an edit's
 * lower total does (planSettlement): unpaid manual payments are lowered, then
 * uncaptured authorization is voided, latest payments first. A canceled order's unpaid
 * manual payments are simply voided. Then refunds what was captured above what the
 * order may keep (refundExcessCaptured), in the same transaction: calls run after commit.
 */
export async function voidOrderPayments(trx: Kdb, tenantId: string, actor: string, orderId: string): Promise<void> {
  const { order, balances } = await lockMoney(trx, tenantId, orderId);
  const canceled = order.status === 'canceled';
  const unpaidOnCanceled = canceled ? balances.filter((p) => p.provider === 'manual' && p.status === 'pending' && p.captured_amount === 0) : [];
  if (unpaidOnCanceled.length > 0) {
    await trx.updateTable('payments').set({ status: 'voided', updated_at: sql`now()` }).where('tenant_id', '=', tenantId).where('id', 'in', unpaidOnCanceled.map((p) => p.id)).execute();
  }
  const rest = balances.filter((p) => !unpaidOnCanceled.includes(p));
  const stillToCapture = canceled ? 0 : Math.max(0, order.total - capturedOrPending(balances));
  const asked = rest.reduce((sum, p) => sum + unpaidManual(p) + (LIVE.has(p.status) ? uncaptured(p) : 0), 0);
  if (asked > stillToCapture) {
    const plan = planSettlement(stillToCapture - asked, rest);
    for (const l of plan.lower) await lowerManualPayment(trx, tenantId, actor, l.payment, l.amount, 'order canceled');
    await queueTransactions(trx, tenantId, plan.voids.map((v) => ({ paymentId: v.payment.id, kind: 'void' as const, amount: v.amount, idempotencyKey: `${v.payment.id}/void/${newId('ptx')}` })));
  }
  await refundExcessCaptured(trx, tenantId, actor, order, balances);
}

/**
 * Gives back captured money the order may no longer keep: a canceled order keeps
 * nothing, an open one at most its total. What it holds is Σ captures (done or pending)
 * less what was already given back outside returns (edits, cancels, goodwill). Refunded
 * through issueRefund (reason `order canceled`), so the calls run after commit; a capture
 * still pending cannot be refunded yet: its outcome refunds it once it lands.
 */
export async function refundExcessCaptured(trx: Kdb, tenantId: string, actor: string, order: OrderMoney, balances: readonly PaymentBalance[]): Promise<RefundView | null> {
  const keep = order.status === 'canceled' ? 0 : order.total;
  const held = capturedOrPending(balances) - (await refundedOutsideReturns(trx, tenantId, order.id));
  const amount = Math.min(held - keep, balances.reduce((sum, p) => sum + refundable(p), 0));
  return amount > 0 ? issueRefund(trx, tenantId, actor, order.id, amount, { reason: 'order canceled' }) : null;
}

/** What a refund could take from the order's payments now: Σ (captured − refunded − pending refunds). Read-only. */
export async function refundableOf(db: Kdb, tenantId: string, orderId: string): Promise<number> {
  return (await loadBalances(db, tenantId, orderId)).reduce((sum, p) => sum + refundable(p), 0);
}

/**
 * Refunds as much of `amount` as can still be refunded (captured − refunded − pending
 * refunds), under the same locks as issueRefund; answers null when nothing can be. For
 * refunds owed by something that must complete anyway (a return's close).
 */
export async function refundUpTo(trx: Kdb, tenantId: string, actor: string, orderId: string, amount: number, options: { returnId?: string; reason?: string }): Promise<RefundView | null> {
  assert(Number.isSafeInteger(amount) && amount >= 0, 'amount must be a non-negative integer');
  const { balances } = await lockMoney(trx, tenantId, orderId);
  const granted = Math.min(amount, balances.reduce((sum, p) => sum + refundable(p), 0));
  return granted > 0 ? issueRefund(trx, tenantId, actor, orderId, granted, options) : null;
}

/** Refunds an amount over the order's captured payments, latest first; never more than captured − refunded. */
export async function issueRefund(trx: Kdb, tenantId: string, actor: string, orderId: string, amount: number, options: { returnId?: string; reason?: string }): Promise<RefundView> {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new Problem('validation_failed', 'amount must be a positive integer', { errors: [{ path: 'amount', message: 'must be a positive integer' }] });
  const { order, balances } = await lockMoney(trx, tenantId, orderId);
  const available = balances.reduce((sum, p) => sum + refundable(p), 0);
  if (amount > available) {
    throw new Problem('refund_exceeds_captured', `Refund of ${amount} exceeds the ${available} captured and not yet refunded.`, {
      errors: [{ path: 'amount', message: `at most ${available}` }], extra: { refundable: available },
    });
  }
  const refundId = newId('rfd');
  const row = await trx.insertInto('refunds').values({
    tenant_id: tenantId, id: refundId, order_id: orderId, return_id: options.returnId ?? null, amount, currency: order.currency, reason: options.reason ?? null, actor,
  }).returning(['created_at']).executeTakeFirstOrThrow();
  const { takes, left } = takeInOrder(amount, [...balances].reverse().map((p) => ({ p, capacity: refundable(p) })));
  assert(left === 0, 'refund spread must place the whole amount');
  await queueTransactions(trx, tenantId, takes.map((t) => ({ paymentId: t.part.p.id, kind: 'refund' as const, amount: t.amount, idempotencyKey: `${t.part.p.id}/refund/${refundId}`, refundId })));
  const data = { refund_id: refundId, amount, currency: order.currency, ...(options.reason ? { reason: options.reason } : {}), ...(options.returnId ? { return_id: options.returnId } : {}) };
  await recordEvents(trx, tenantId, orderId, actor, [{ type: 'refund.issued', data }], [{ topic: 'refund.issued', aggregateId: orderId, payload: { order_id: orderId, ...data } }]);
  return { id: refundId, order_id: orderId, return_id: options.returnId ?? null, amount, currency: order.currency, reason: options.reason ?? null, status: 'pending', created_at: iso(row.created_at) ?? '' };
}

/**
 * Settles an order edit's total difference, as planSettlement (settlement.ts) decides.
 * More to pay: a new authorization for the difference with the latest payment's method
 * (a prepaid order gets a manual payment: the marketplace cannot collect more). Less to
 * pay: lower unpaid manual payments, void uncaptured authorization, then refund captured
 * money for the rest; answers the refund when there is one.
 */
export async function settlePaymentDifference(trx: Kdb, tenantId: string, actor: string, orderId: string, difference: number): Promise<SettlementAction> {
  assert(Number.isSafeInteger(difference), 'difference must be an integer');
  if (difference === 0) return { action: 'none', amount: 0 };
  const { order, balances } = await lockMoney(trx, tenantId, orderId);
  const plan = planSettlement(difference, balances);
  if (plan.action === 'authorize') {
    const latest = [...balances].reverse().find((p) => p.status !== 'declined' && p.status !== 'failed') ?? balances[balances.length - 1] as PaymentBalance;
    const provider = latest.provider === 'prepaid' ? 'manual' : latest.provider;
    const paymentId = await insertPayment(trx, tenantId, { orderId, provider, method: null, token: latest.token, currency: order.currency, amount: difference });
    const call = providerFor(provider).intakeCall;
    if (call) await queueTransactions(trx, tenantId, [{ paymentId, kind: call, amount: difference, idempotencyKey: `${paymentId}/${call}` }]);
    await recordEvents(trx, tenantId, orderId, actor, [{ type: 'payment.created', data: { payment_id: paymentId, provider, amount: difference, reason: 'order edit' } }]);
    return { action: 'authorize', amount: difference };
  }
  for (const l of plan.lower) await lowerManualPayment(trx, tenantId, actor, l.payment, l.amount, 'order edit');
  await queueTransactions(trx, tenantId, plan.voids.map((v) => ({ paymentId: v.payment.id, kind: 'void' as const, amount: v.amount, idempotencyKey: `${v.payment.id}/void/${newId('ptx')}` })));
  if (plan.refund > 0) await issueRefund(trx, tenantId, actor, orderId, plan.refund, { reason: 'order edit' });
  return { action: plan.action, amount: plan.amount };
}

/**
 * Asks an unpaid manual payment for `by` less (it was asking for more than the order now
 * owes): its amount goes down; paid in full it becomes captured, asking for nothing voided.
 */
async function lowerManualPayment(trx: Kdb, tenantId: string, actor: string, p: PaymentBalance, by: number, reason: string): Promise<void> {
  const amount = p.amount - by;
  assert(by > 0 && amount >= p.captured_amount, 'a manual payment is lowered by at most what it has not received');
  const authorized = Math.min(Math.max(p.authorized_amount, p.captured_amount), amount);
  const status = amount === 0 ? 'voided' : p.captured_amount >= amount ? 'captured' : p.status;
  await trx.updateTable('payments').set({ amount, authorized_amount: authorized, status, updated_at: sql`now()` })
    .where('tenant_id', '=', tenantId).where('id', '=', p.id).execute();
  const data = { payment_id: p.id, provider: p.provider, amount: by, currency: p.currency, remaining: amount - p.captured_amount, reason };
  await recordEvents(trx, tenantId, p.order_id, actor, [{ type: 'payment.lowered', data }], [{ topic: 'payment.lowered', aggregateId: p.order_id, payload: { order_id: p.order_id, ...data } }]);
}
