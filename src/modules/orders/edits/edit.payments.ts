// What an edit's payment difference will ask of the order's payments, for the preview.
// The confirmation asks the payments module itself (settlePaymentDifference) in the same
// transaction; this decides the same way from the same balances, without locks or writes.
// A test confirms every previewed action against the settled one.
import type { Kdb } from '../../../platform/db/index.ts';
import { loadBalances, refundable, uncaptured, type PaymentBalance } from '../../payments/index.ts';

export type PaymentAction = 'none' | 'authorize' | 'refund' | 'void';

/** Payments whose authorization can still be voided in part. */
const VOIDABLE_STATUSES: readonly string[] = ['authorized', 'partially_captured'];

/**
 * More to pay → a new authorization (when the order has any payment to follow); less →
 * void uncaptured authorization first, refund captured money for the rest (the answer
 * is `refund` as soon as any money is refunded); no payment at all → nothing.
 */
export function paymentActionFor(difference: number, balances: readonly PaymentBalance[]): PaymentAction {
  if (difference === 0 || balances.length === 0) return 'none';
  if (difference > 0) return 'authorize';
  const reduce = -difference;
  const voidable = balances.filter((p) => VOIDABLE_STATUSES.includes(p.status)).reduce((sum, p) => sum + uncaptured(p), 0);
  const voided = Math.min(reduce, voidable);
  const refund = Math.min(reduce - voided, balances.reduce((sum, p) => sum + refundable(p), 0));
  return refund > 0 ? 'refund' : voided > 0 ? 'void' : 'none';
}

export async function previewPaymentAction(db: Kdb, tenantId: string, orderId: string, difference: number): Promise<PaymentAction> {
  if (difference === 0) return 'none';
  return paymentActionFor(difference, await loadBalances(db, tenantId, orderId));
}
