// Words for the codes the order detail shows.
import type { HoldType } from '../../api/types.ts';

export const HOLD_TYPE_LABELS: Record<HoldType, string> = {
  manual: 'Manual',
  fraud_review: 'Fraud review',
  address_invalid: 'Address check',
  payment_declined: 'Payment declined',
};

/** The hold types staff may place (payment_declined is placed by payments only). */
export const STAFF_HOLD_TYPES: HoldType[] = ['manual', 'fraud_review', 'address_invalid'];

export function holdTypeLabel(type: string): string {
  return HOLD_TYPE_LABELS[type as HoldType] ?? type;
}

/** What settling an edit's payment difference will do. */
export const PAYMENT_ACTION_TEXT: Record<string, string> = {
  authorize: 'The difference is authorized on the latest payment method.',
  void: 'The difference is released from the authorization (nothing was captured for it).',
  refund: 'The difference is refunded to the payments it was captured from.',
  none: 'No payment changes.',
};
