// An order's payment as parts of the statement that writes the whole order (intake's short
// way, src/modules/orders/intake.fast.ts): the payment row and its first provider call,
// both pending, exactly what createIntakePayment writes in the transactional way. The
// provider call itself runs after the statement, like every queued call.
import { sql, type RawBuilder } from 'kysely';
import { iso } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import { checkInput, type PaymentInput } from './payment-intake.ts';
import type { PaymentView } from './payment.view.ts';
import { providerFor } from './providers/registry.ts';

export interface IntakePaymentParts {
  /** CTE definitions (`new_payment`, `new_payment_call`) to add to the order's statement. */
  ctes: RawBuilder<unknown>;
  /** The payment as the order view shows it right after intake (pending), given the statement's time. */
  view(createdAt: Date): PaymentView;
}

/**
 * Builds the parts for a payment of `amount`; refuses an incomplete input (a card without a
 * token) with the same Problem as the transactional way, before anything is written.
 */
export function intakePaymentParts(tenantId: string, orderId: string, currency: string, amount: number, input: PaymentInput): IntakePaymentParts {
  checkInput(input, 'payment');
  const provider = providerFor(input.provider);
  const paymentId = newId('pay');
  const callId = newId('ptx');
  const call = provider.intakeCall;
  // The key is derived from the ids, so a retried call can only ever be this one call (as in openPayment).
  const ctes = sql`
    new_payment as (
      insert into payments (tenant_id, id, order_id, provider, method, token, currency, amount, status, provider_reference,
        authorized_amount, captured_amount, refunded_amount, authorization_expires_at)
      values (${tenantId}, ${paymentId}, ${orderId}, ${input.provider}, ${input.method ?? null}::text, ${input.token ?? null}::text, ${currency},
        ${amount}::int8, 'pending', null, 0, 0, 0, null)
    )${call ? sql`,
    new_payment_call as (
      insert into payment_transactions (tenant_id, id, payment_id, kind, amount, status, idempotency_key, shipment_id, refund_id,
        provider_reference, error_code, error_message, attempts, completed_at)
      values (${tenantId}, ${callId}, ${paymentId}, ${call}, ${amount}::int8, 'pending', ${`${paymentId}/${call}`}, null, null, null, null, null, 0, null)
    )` : sql``}`;
  return {
    ctes,
    view: (createdAt) => ({
      id: paymentId, order_id: orderId, provider: input.provider, method: input.method ?? null, status: 'pending', currency,
      amount, authorized: 0, captured: 0, refunded: 0, authorization_expires_at: null,
      transactions: call ? [{ id: callId, kind: call, amount, status: 'pending', error_code: null, shipment_id: null, refund_id: null, created_at: iso(createdAt), completed_at: null }] : [],
      created_at: iso(createdAt),
    }),
  };
}
