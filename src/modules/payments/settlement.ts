// How an order edit's total difference is settled, decided on paper from the payments'
// balances: the confirmation (settlePaymentDifference, under the payment locks) and the
// edit preview (previewPaymentDifference, no locks, no writes) both run this one plan, so
// the preview always says what the confirmation will do.
//
// Less to pay is taken first from what the customer has not paid yet — unpaid manual
// payments (a prepaid order's earlier raise) are lowered, then uncaptured authorizations
// are voided, latest payments first — and only then is captured money refunded. So what
// the customer is still asked for and what they paid always add up to the order total.
import type { Kdb } from '../../platform/db/index.ts';
import { assert } from '../../platform/assert.ts';
import { takeInOrder } from './capture.ts';
import { loadBalances, refundable, uncaptured, type PaymentBalance } from './payments.repository.ts';

export type PaymentAction = 'none' | 'authorize' | 'refund' | 'void';

const LIVE: readonly string[] = ['authorized', 'partially_captured'];

/** What a manual payment still asks for and has not received. */
export function unpaidManual(p: PaymentBalance): number {
  return p.provider === 'manual' && (p.status === 'pending' || p.status === 'partially_captured') ? Math.max(0, p.amount - p.captured_amount) : 0;
}

export interface SettlementPlan {
  action: PaymentAction;
  /** The amount the action names: authorized, refunded, or lowered and voided. */
  amount: number;
  /** Unpaid manual payments to lower, and by how much. */
  lower: { payment: PaymentBalance; amount: number }[];
  /** Uncaptured authorizations to void, and how much of each. */
  voids: { payment: PaymentBalance; amount: number }[];
  /** Captured money to refund (spread by issueRefund). */
  refund: number;
}

const nothing = (): SettlementPlan => ({ action: 'none', amount: 0, lower: [], voids: [], refund: 0 });

/**
 * More to pay → `authorize` (a new payment follows the latest one; an order without any
 * payment is simply charged its new total: `none`). Less → lower unpaid manual payments,
 * then void uncaptured authorization, then refund captured money for the rest (never more
 * than is refundable); the action is `refund` when money is refunded, else `void`.
 */
export function planSettlement(difference: number, balances: readonly PaymentBalance[]): SettlementPlan {
  assert(Number.isSafeInteger(difference), 'difference must be an integer');
  if (difference === 0 || balances.length === 0) return nothing();
  if (difference > 0) return { ...nothing(), action: 'authorize', amount: difference };
  const latestFirst = [...balances].reverse();
  const manual = takeInOrder(-difference, latestFirst.map((payment) => ({ payment, capacity: unpaidManual(payment) })));
  const live = takeInOrder(manual.left, latestFirst.filter((p) => LIVE.includes(p.status)).map((payment) => ({ payment, capacity: uncaptured(payment) })));
  const refund = Math.min(live.left, balances.reduce((sum, p) => sum + refundable(p), 0));
  const lower = manual.takes.map((t) => ({ payment: t.part.payment, amount: t.amount }));
  const voids = live.takes.map((t) => ({ payment: t.part.payment, amount: t.amount }));
  if (refund > 0) return { action: 'refund', amount: refund, lower, voids, refund };
  const released = -difference - live.left;
  return released > 0 ? { action: 'void', amount: released, lower, voids, refund: 0 } : nothing();
}

/** What settling `difference` would do to the order's payments now (read-only: no locks, no writes). */
export async function previewPaymentDifference(db: Kdb, tenantId: string, orderId: string, difference: number): Promise<{ action: PaymentAction; amount: number }> {
  if (difference === 0) return { action: 'none', amount: 0 };
  const plan = planSettlement(difference, await loadBalances(db, tenantId, orderId));
  return { action: plan.action, amount: plan.amount };
}
