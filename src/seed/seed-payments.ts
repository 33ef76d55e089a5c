// Provider calls and invoices. The use cases queue their provider calls (authorize,
// capture, void, refund) as pending rows; a server runs them right after commit and
// from its payment worker. The seed has neither, so it runs the same runner itself
// after each step, until nothing is pending.
import { transaction } from '../platform/http/index.ts';
import { markPaid, processPendingPaymentTransactions } from '../modules/payments/index.ts';
import { ageDays, type SeedContext, type SeededOrder } from './seed-context.ts';

/** Runs every pending provider call (a declined card is final; nothing here waits for a retry). */
export async function runPendingPayments(ctx: SeedContext): Promise<void> {
  while ((await processPendingPaymentTransactions(ctx.db)) > 0) { /* the runner takes 200 calls per pass */ }
}

/** The call center's invoices are paid by bank transfer within about a week; newer ones are still open. */
export async function payInvoices(ctx: SeedContext, orders: readonly SeededOrder[]): Promise<void> {
  for (const order of orders) {
    if (order.provider !== 'manual' || !order.paymentId || order.status !== 'open' || ageDays(ctx, order) < 6) continue;
    const paymentId = order.paymentId;
    await transaction(ctx.db, (trx) => markPaid(trx, ctx.tenantId, ctx.who.actor, paymentId, undefined));
  }
}
