// What intake adds for an order that brings a payment or meets hold rules, in the
// order's transaction: the rules' holds first, then the payment (pending) and its first
// provider call (pending, run after commit). Orders without either never come here.
import type { Kdb } from '../../platform/db/index.ts';
import { applyHoldRules, toHoldView } from '../holds/index.ts';
import type { OrderView } from '../orders/index.ts';
import { createIntakePayment, type PaymentInput } from './payment-intake.ts';
import { loadPaymentViews } from './payment.view.ts';

/** Places rule holds and opens the payment of a new order; updates the in-memory view to match. */
export async function holdAndChargeAtIntake(trx: Kdb, tenantId: string, actor: string, view: OrderView, payment: PaymentInput | undefined, evaluateRules: boolean): Promise<void> {
  if (evaluateRules) {
    const holds = await applyHoldRules(trx, tenantId, actor, {
      orderId: view.id, total: view.total, currency: view.currency, country: view.delivery.type === 'ship' ? view.shipping_address?.country ?? null : null, email: view.customer?.email ?? null,
    });
    if (holds.length > 0) {
      view.status = 'on_hold';
      view.hold_reason = holds[holds.length - 1]?.reason ?? null;
      view.holds = holds.map(toHoldView);
    }
  }
  if (payment) {
    await createIntakePayment(trx, tenantId, view.id, view.currency, view.total, payment);
    view.payments = await loadPaymentViews(trx, tenantId, { orderId: view.id });
  }
}
