// The payments module's public surface: the only file other modules import.
export { paymentRoutes } from './payments.routes.ts';
export {
  requestCaptureForShipment, recordDeliveryForPayments, issueRefund, refundUpTo, refundableOf, settlePaymentDifference, voidOrderPayments,
  type RefundView, type SettlementAction,
} from './payments.service.ts';
export { previewPaymentDifference, type PaymentAction } from './settlement.ts';
export { processPendingPaymentTransactions, PAYMENT_ATTEMPTS_MAX } from './transactions.runner.ts';
export { createIntakePayment, markPaid, type PaymentInput } from './payment-intake.ts';
export { intakePaymentParts, type IntakePaymentParts } from './intake-parts.ts';
export { paymentSections, paymentStatuses, type PaymentView, type OrderRefundView } from './payment.view.ts';
export { startPaymentWorker, runPaymentWorkerOnce } from './payments.worker.ts';
export { TEST_CARD_TOKENS, gatewayRecords } from './providers/test-card.ts';
export { holdAndChargeAtIntake } from './intake-hook.ts';
export { runPaymentsAfterCommit, settleNewOrderAfterCommit, settleOrderAfterCommit } from './after-commit.ts';
// Read-only pieces for previews of money decisions (order edits show the payment action before confirming).
export { loadBalances, uncaptured, refundable, type PaymentBalance } from './payments.repository.ts';
