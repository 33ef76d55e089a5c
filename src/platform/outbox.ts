// The transactional outbox: an event row is written in the same transaction as the
// change it announces; a relay publishes it after commit (webhooks, NATS, e-mail).
import type { Kdb } from './db/index.ts';

export interface OutboxEvent {
  topic: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/** Queues events for publication; call inside the transaction that makes the change. */
export async function enqueueOutbox(trx: Kdb, tenantId: string, events: readonly OutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('outbox')
    .values(events.map((e) => ({
      tenant_id: tenantId,
      topic: e.topic,
      aggregate_id: e.aggregateId,
      payload: JSON.stringify(e.payload),
    })))
    .execute();
}
