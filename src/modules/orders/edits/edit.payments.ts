// What an edit's payment difference will ask of the order's payments, for the preview.
// The payments module decides it: previewPaymentDifference runs the very plan the
// confirmation's settlePaymentDifference runs, from the same balances, without locks or
// writes, so the preview cannot drift from the settlement.
import type { Kdb } from '../../../platform/db/index.ts';
import { previewPaymentDifference, type PaymentAction } from '../../payments/index.ts';

export type { PaymentAction };

export async function previewPaymentAction(db: Kdb, tenantId: string, orderId: string, difference: number): Promise<PaymentAction> {
  return (await previewPaymentDifference(db, tenantId, orderId, difference)).action;
}
