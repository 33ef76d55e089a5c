// The money books of one order as the API shows them (order view, payments, refunds),
// with the rules every step of an order's life must keep. Used by the money property
// test: provider calls are drained first, so nothing is left in flight when we read.
import assert from 'node:assert/strict';
import type { Kdb } from '../../src/platform/db/index.ts';
import { verifyInventory } from '../../src/modules/inventory/index.ts';
import { gatewayRecords, runPaymentWorkerOnce } from '../../src/modules/payments/index.ts';
import type { TenantClient } from './harness.ts';

interface Tx { kind: string; amount: number; status: string; refund_id: string | null }
interface Payment { id: string; provider: string; status: string; amount: number; authorized: number; captured: number; refunded: number; transactions: Tx[] }
interface Refund { id: string; return_id: string | null; amount: number; reason: string | null; status: string }

export interface MoneyBooks {
  order: any;
  payments: Payment[];
  refunds: Refund[];
  /** Σ succeeded capture calls. */
  captured: number;
  /** Σ succeeded refund calls. */
  refunded: number;
  /** Σ succeeded refund calls of refunds an order edit issued (the total went down after money was taken). */
  refundedForEdits: number;
  /** Σ succeeded refund calls of refunds not tied to a return: edits and goodwill. */
  refundedOutsideReturns: number;
  /** What a new refund may take: Σ (captured − refunded) over the payments. */
  refundable: number;
}

const sumOf = (txs: readonly Tx[], kind: string) => txs.filter((t) => t.kind === kind && t.status === 'succeeded').reduce((n, t) => n + t.amount, 0);

/** Runs the payment worker until no provider call is left to make (bounded: calls may queue follow-ups). */
export async function drainPayments(db: Kdb): Promise<void> {
  for (let round = 0; round < 10; round++) {
    if ((await runPaymentWorkerOnce(db)).calls === 0) return;
  }
  assert.fail('the payment worker still had calls to make after 10 passes');
}

/** Every number anywhere in a JSON answer, with its path. */
function numbersIn(value: unknown, path: string, out: [string, number][]): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => numbersIn(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out);
  return out;
}

export function assertIntegers(what: string, value: unknown): void {
  for (const [path, n] of numbersIn(value, what, [])) assert.ok(Number.isSafeInteger(n), `${path} = ${n} is not an integer`);
}

/** Reads the order's books through the API (after draining provider calls) and checks that every amount is an integer. */
export async function readBooks(t: TenantClient, db: Kdb, orderId: string): Promise<MoneyBooks> {
  await drainPayments(db);
  const view = await t.request('GET', `/v1/orders/${orderId}`);
  assert.equal(view.status, 200, JSON.stringify(view.body));
  const order = view.body;
  const payments: Payment[] = [];
  for (const p of order.payments as { id: string }[]) {
    const one = await t.request('GET', `/v1/payments/${p.id}`);
    assert.equal(one.status, 200, JSON.stringify(one.body));
    payments.push(one.body);
  }
  const refundsAnswer = await t.request('GET', `/v1/orders/${orderId}/refunds`);
  assert.equal(refundsAnswer.status, 200, JSON.stringify(refundsAnswer.body));
  const refunds: Refund[] = refundsAnswer.body.data;
  assert.deepEqual(order.payments, payments, 'the order view shows the payments as GET /v1/payments/{id} does');
  assert.deepEqual(order.refunds, refunds, 'the order view shows the refunds as GET /v1/orders/{order}/refunds does');
  assertIntegers('order', order);
  assertIntegers('payments', payments);
  assertIntegers('refunds', refunds);
  const txs = payments.flatMap((p) => p.transactions);
  const outsideReturns = new Set(refunds.filter((r) => r.return_id === null).map((r) => r.id));
  const editRefunds = new Set(refunds.filter((r) => r.return_id === null && r.reason === 'order edit').map((r) => r.id));
  return {
    order, payments, refunds,
    captured: sumOf(txs, 'capture'),
    refunded: sumOf(txs, 'refund'),
    refundedForEdits: sumOf(txs.filter((x) => x.refund_id !== null && editRefunds.has(x.refund_id)), 'refund'),
    refundedOutsideReturns: sumOf(txs.filter((x) => x.refund_id !== null && outsideReturns.has(x.refund_id)), 'refund'),
    refundable: payments.reduce((n, p) => n + p.captured - p.refunded, 0),
  };
}

/**
 * The rules after every step:
 * - every provider call went through (tok_approve and the offline providers never refuse
 *   a call that is within bounds: a failed call means we asked for more than we may);
 * - Σ refunds ≤ Σ captures, and the captured money net of the refunds not tied to a
 *   return never exceeds the order's total at the time: an edit that lowers the total
 *   after the money was taken refunds the difference (capped by what is still refundable,
 *   so a goodwill refund before it counts as given back too); a return gives money back
 *   for goods that came back and leaves the total alone, so it may not be counted;
 * - per payment: its amounts are its calls' sums, captured + remaining authorization
 *   never exceeds what was authorized, and captured + voided never exceeds it either;
 * - the test_card gateway's own books agree with ours;
 * - the inventory ledger balances.
 */
export async function assertBooksHold(t: TenantClient, db: Kdb, books: MoneyBooks): Promise<void> {
  const { order, payments, refunds } = books;
  for (const p of payments) {
    for (const x of p.transactions) assert.equal(x.status, 'succeeded', `payment ${p.id} (${p.provider}) ${x.kind} ${x.amount} is ${x.status}`);
    // Prepaid and manual money has no authorization call: what the payment stands for is its bound.
    const authorizedEver = p.provider === 'prepaid' || p.provider === 'manual' ? p.amount : sumOf(p.transactions, 'authorize');
    const voided = sumOf(p.transactions, 'void');
    const captured = sumOf(p.transactions, 'capture');
    assert.equal(p.captured, captured, `payment ${p.id}: captured ${p.captured} ≠ Σ captures ${captured}`);
    assert.equal(p.refunded, sumOf(p.transactions, 'refund'), `payment ${p.id}: refunded ≠ Σ refunds`);
    assert.ok(p.refunded <= p.captured, `payment ${p.id}: refunded ${p.refunded} > captured ${p.captured}`);
    assert.ok(p.captured <= p.authorized && p.authorized <= authorizedEver,
      `payment ${p.id}: captured ${p.captured} + remaining authorization ${p.authorized - p.captured} vs authorized ${authorizedEver}`);
    assert.ok(captured + voided <= authorizedEver, `payment ${p.id}: captured ${captured} + voided ${voided} > authorized ${authorizedEver}`);
  }
  assert.ok(books.refunded <= books.captured, `Σ refunds ${books.refunded} > Σ captures ${books.captured}`);
  assert.ok(books.captured - books.refundedOutsideReturns <= order.total,
    `Σ captures ${books.captured} − refunds outside returns ${books.refundedOutsideReturns} > order total ${order.total}`);
  const refundRows = refunds.reduce((n, r) => n + r.amount, 0);
  assert.equal(refundRows, books.refunded, `Σ refunds rows ${refundRows} ≠ Σ succeeded refund calls ${books.refunded}`);
  for (const r of refunds) assert.ok(r.amount > 0 && r.status === 'succeeded', `refund ${r.id}: ${r.amount} ${r.status}`);

  const cards = new Set(payments.filter((p) => p.provider === 'test_card').map((p) => p.id));
  const gateway = (await gatewayRecords(db, t.tenantId)).filter((g) => g.outcome === 'succeeded' && cards.has(g.idempotency_key.split('/')[0] as string));
  const gatewaySum = (op: string) => gateway.filter((g) => g.operation === op).reduce((n, g) => n + Number(g.amount), 0);
  const ours = (kind: string) => sumOf(payments.filter((p) => cards.has(p.id)).flatMap((p) => p.transactions), kind);
  for (const op of ['authorize', 'capture', 'void', 'refund']) assert.equal(gatewaySum(op), ours(op), `gateway ${op}s ${gatewaySum(op)} ≠ ours ${ours(op)}`);

  assert.deepEqual(await verifyInventory(db, t.tenantId), [], 'inventory ledger out of balance');
}
