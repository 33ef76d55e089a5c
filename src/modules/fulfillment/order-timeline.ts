// Timeline events of an order written by fulfillment (re-routes, backorder allocations).
// The same rows as orders' recordEvents: fulfillment sits below orders (orders reads and
// cancels fulfillment orders), so it writes the two rows itself rather than import orders.
import type { Kdb } from '../../platform/db/index.ts';
import { enqueueOutbox } from '../../platform/outbox.ts';

/** Appends one timeline event and its outbox twin (payload carries order_id) in the caller's transaction. */
export async function recordOrderEvent(
  trx: Kdb, tenantId: string, orderId: string, actor: string,
  event: { type: string; data: Record<string, unknown>; topic?: string; aggregateId?: string },
): Promise<void> {
  await trx.insertInto('order_events').values({ tenant_id: tenantId, order_id: orderId, type: event.type, actor, data: JSON.stringify(event.data) }).execute();
  await enqueueOutbox(trx, tenantId, [{ topic: event.topic ?? event.type, aggregateId: event.aggregateId ?? orderId, payload: { order_id: orderId, ...event.data } }]);
}
