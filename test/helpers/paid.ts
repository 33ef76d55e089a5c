// Records an order as paid in full by one captured manual payment, writing the payment
// row the payments module keeps, so return refunds have captured money to go back to.
// (A stand-in until intake takes payments through the payments API.)
import type { Kdb } from '../../src/platform/db/index.ts';
import { newId } from '../../src/platform/ids.ts';

export async function markOrderPaid(db: Kdb, tenantId: string, orderId: string, amount?: number): Promise<string> {
  const order = await db.selectFrom('orders').select(['total', 'currency']).where('tenant_id', '=', tenantId).where('id', '=', orderId).executeTakeFirstOrThrow();
  const paid = amount ?? order.total;
  const id = newId('pay');
  await db.insertInto('payments').values({
    tenant_id: tenantId, id, order_id: orderId, provider: 'manual', method: null, token: null, currency: order.currency,
    amount: paid, status: 'captured', provider_reference: null, authorized_amount: paid, captured_amount: paid, refunded_amount: 0,
    authorization_expires_at: null,
  }).execute();
  return id;
}

/** What was refunded on an order: the refunds rows (each spread over the payments). */
export async function refundsOf(db: Kdb, tenantId: string, orderId: string): Promise<{ id: string; return_id: string | null; amount: number }[]> {
  return db.selectFrom('refunds').select(['id', 'return_id', 'amount']).where('tenant_id', '=', tenantId).where('order_id', '=', orderId).orderBy('id').execute();
}
