// The seed's events are history, not news. Every use case wrote its outbox rows as it
// would for a live order (shipped, delivered, refund issued …), and a relay would turn
// them into hundreds of customer mails (the notifications module only skips the
// confirmation of an order placed long before its event) and into webhook deliveries.
// So the seed relays its own rows itself, through the ordinary relay, with every
// subscriber told to let the seed's rows pass: they end up published to nobody. Rows of
// other tenants, or written before the seed began, are relayed as any relay would.
import { sql } from 'kysely';
import { loadConfig } from '../config.ts';
import type { Kdb } from '../platform/db/index.ts';
import {
  natsPublisher, registeredOutboxSubscribers, runOutboxRelayOnce, type EventPublisher, type OutboxMessage, type OutboxSubscriber,
} from '../platform/outbox/index.ts';
// The subscribers register when their modules load: load them, so rows that are not the
// seed's meet the same subscribers as in the server.
import '../modules/notifications/index.ts';
import '../modules/webhooks/index.ts';

const QUIET_BATCH = 500;

/** The newest outbox id now: the seed's own rows come after it. */
export async function outboxMark(db: Kdb): Promise<number> {
  const { rows } = await sql<{ id: string | number | null }>`select max(id) as id from outbox`.execute(db);
  return Number(rows[0]?.id ?? 0);
}

/** Relays the outbox, passing over the seed's rows (tenant, after `mark`); answers how many of them were passed over. */
export async function relayHistoryQuietly(db: Kdb, tenantId: string, mark: number): Promise<number> {
  let quiet = 0;
  const isHistory = (m: OutboxMessage) => m.tenantId === tenantId && m.id > mark;
  const subscribers: OutboxSubscriber[] = registeredOutboxSubscribers().map((s) => ({
    ...s, handle: async (trx, message, context) => { if (!isHistory(message)) await s.handle(trx, message, context); },
  }));
  const config = loadConfig();
  const nats = config.natsUrl ? natsPublisher(config.natsUrl) : null;
  const publisher: EventPublisher | null = nats && {
    publish: async (message) => { if (!isHistory(message)) await nats.publish(message); },
    close: () => nats.close(),
  };
  const counting: OutboxSubscriber = { name: 'seed-history', topics: ['*'], handle: async (_trx, m) => { if (isHistory(m)) quiet++; } };
  try {
    for (;;) {
      const result = await runOutboxRelayOnce(db, { config, subscribers: [...subscribers, counting], publisher, batchSize: QUIET_BATCH });
      if (result.claimed === 0) break;
    }
  } finally {
    await publisher?.close();
  }
  return quiet;
}
