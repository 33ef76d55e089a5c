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
  capturedOrPending, insertPayment, loadBalances, loadCaptureLines, loadOrderMoney, queueTransactions, refundable, uncaptured,
  unitsOfCapturedShipments, unitsOfShipment, type OrderMoney, type PaymentBalance,
} from './payments.repository.ts';
import { providerFor } from './providers/registry.ts';

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
async function owedForShipment(trx: Kdb, tenantId: string, order: OrderMoney, balances: readonly PaymentBalance[], shipmentId: string, units: readonly { orderLineId: string; quantity: number }[]) {
  const lines = await loadCaptureLines(trx, tenantId, order.id);
  const before = await unitsOfCapturedShipments(trx, tenantId, order.id, shipmentId);
  const target = valueOfShipped({ total: order.total, shippingTotal: order.shipping_total, taxTotal: order.tax_total, lines }, addUnits(before, units));
  return Math.max(0, target - capturedOrPending(balances));
}

/** Queues the capture of the value of the units a shipment carries (cards, capture_mode on_shipment). */
export async function requestCaptureForShipment(trx: Kdb, tenantId: string, _actor: string, orderId: string, shipmentId: string, shipped: { orderLineId: string; quantity: number }[]): Promise<void> {
  const { order, balances } = await lockMoney(trx, tenantId, orderId);
  const cards = balances.filter((p) => providerFor(p.provider).capturesOnShipment && LIVE.has(p.status));
  if (cards.length === 0) return;
  const amount = await owedForShipment(trx, tenantId, order, balances, shipmentId, shipped);
  if (amount > 0) await queueCaptures(trx, tenantId, cards, amount, shipmentId);
}

/** Captures cash on delivery for the units of a delivered shipment. */
export async function recordDeliveryForPayments(trx: Kdb, tenantId: string, _actor: string, orderId: string, shipmentId: string): Promise<void> {
  const { order, balances } = await lockMoney(trx, tenantId, orderId);
  const cod = balances.filter((p) => p.provider === 'cash_on_delivery' && LIVE.has(p.status));
  if (cod.length === 0) return;
  const amount = await owedForShipment(trx, tenantId, order, balances, shipmentId, await unitsOfShipment(trx, tenantId, shipmentId));
  if (amount > 0) await queueCaptures(trx, tenantId, cod, amount, shipmentId);
}

/**
 * Voids the authorized money that will no longer be captured: all of it for a canceled
 * order, the part above the (recomputed) total after a partial cancel. Latest payments
 * are released first. Unpaid manual payments of a canceled order are simply voided.
 */
export async function voidOrderPayments(trx: Kdb, tenantId: string, _actor: string, orderId: string): Promise<void> {
  const { order, balances } = await lockMoney(trx, tenantId, orderId);
  const canceled = order.status === 'canceled';
  const stillToCapture = canceled ? 0 : Math.max(0, order.total - capturedOrPending(balances));
  const live = balances.filter((p) => LIVE.has(p.status));
  const releasable = live.reduce((sum, p) => sum + uncaptured(p), 0) - stillToCapture;
  if (releasable > 0) {
    const { takes } = takeInOrder(releasable, [...live].reverse().map((p) => ({ p, capacity: uncaptured(p) })));
    await queueTransactions(trx, tenantId, takes.map((t) => ({ paymentId: t.part.p.id, kind: 'void' as const, amount: t.amount, idempotencyKey: `${t.part.p.id}/void/${newId('ptx')}` })));
  }
  if (canceled) {
    const unpaidManual = balances.filter((p) => p.provider === 'manual' && p.status === 'pending').map((p) => p.id);
    if (unpaidManual.length > 0) {
      await trx.updateTable('payments').set({ status: 'voided', updated_at: sql`now()` }).where('tenant_id', '=', tenantId).where('id', 'in', unpaidManual).execute();
    }
  }
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
 * Settles an order edit's total difference. More to pay: a new authorization for the
 * difference with the latest payment's method (a prepaid order gets a manual payment:
 * the marketplace cannot collect more). Less to pay: first void uncaptured authorization,
 * then refund captured money for the rest; answers the refund when there is one.
 */
export async function settlePaymentDifference(trx: Kdb, tenantId: string, actor: string, orderId: string, difference: number): Promise<SettlementAction> {
  assert(Number.isSafeInteger(difference), 'difference must be an integer');
  if (difference === 0) return { action: 'none', amount: 0 };
  const { order, balances } = await lockMoney(trx, tenantId, orderId);
  const latest = [...balances].reverse().find((p) => p.status !== 'declined' && p.status !== 'failed') ?? balances[balances.length - 1];
  if (!latest) return { action: 'none', amount: 0 };
  if (difference > 0) {
    const provider = latest.provider === 'prepaid' ? 'manual' : latest.provider;
    const paymentId = await insertPayment(trx, tenantId, { orderId, provider, method: null, token: latest.token, currency: order.currency, amount: difference });
    const call = providerFor(provider).intakeCall;
    if (call) await queueTransactions(trx, tenantId, [{ paymentId, kind: call, amount: difference, idempotencyKey: `${paymentId}/${call}` }]);
    await recordEvents(trx, tenantId, orderId, actor, [{ type: 'payment.created', data: { payment_id: paymentId, provider, amount: difference, reason: 'order edit' } }]);
    return { action: 'authorize', amount: difference };
  }
  const reduce = -difference;
  const live = [...balances].reverse().filter((p) => LIVE.has(p.status));
  const { takes: voids, left } = takeInOrder(reduce, live.map((p) => ({ p, capacity: uncaptured(p) })));
  await queueTransactions(trx, tenantId, voids.map((t) => ({ paymentId: t.part.p.id, kind: 'void' as const, amount: t.amount, idempotencyKey: `${t.part.p.id}/void/${newId('ptx')}` })));
  const refundAmount = Math.min(left, balances.reduce((sum, p) => sum + refundable(p), 0));
  if (refundAmount > 0) {
    await issueRefund(trx, tenantId, actor, orderId, refundAmount, { reason: 'order edit' });
    return { action: 'refund', amount: refundAmount };
  }
  const voided = reduce - left;
  return voided > 0 ? { action: 'void', amount: voided } : { action: 'none', amount: 0 };
}
