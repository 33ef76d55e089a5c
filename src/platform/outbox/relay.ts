// The outbox relay: claims due, unpublished outbox rows in id order (FOR UPDATE SKIP
// LOCKED, so any number of relays in any number of processes share the work without
// handling a row twice), hands each to the subscribers of its topic and to the event
// publisher (NATS), and marks it published — all in one transaction. Each row runs under
// its own savepoint: a failing subscriber rolls back only that row's writes, and the row
// is retried later with backoff while the rest of the batch goes through.
import { sql } from 'kysely';
import { loadConfig, type Config } from '../../config.ts';
import type { Kdb } from '../db/index.ts';
import { transaction } from '../http/idempotency.ts';
import { clockSql } from './clock.ts';
import { errorText, nextAttemptAt, type BackoffPolicy } from './backoff.ts';
import { registeredOutboxSubscribers, type OutboxMessage, type OutboxSubscriber, type RelayContext } from './subscribers.ts';
import { anyTopicMatches } from './topics.ts';

/** Receives every relayed event after the subscribers ran (NATS JetStream; see nats.ts). */
export interface EventPublisher {
  publish(message: OutboxMessage): Promise<void>;
  close(): Promise<void>;
}

export interface RelayLogger {
  warn(details: object, message: string): void;
}

// Small batches: on the embedded database the relay holds the one connection for a whole
// batch (about 5-10 ms a row), and requests wait meanwhile.
export const RELAY_BATCH_SIZE = 20;
/** 5 s, 10 s, 20 s … capped at an hour; given up on after 15 tries (about 6 hours). */
export const OUTBOX_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 3_600_000, attemptsMax: 15 };

export interface RelayOptions {
  /** Defaults to the configuration from the environment. */
  config?: Config | undefined;
  /** Defaults to the registered subscribers. */
  subscribers?: readonly OutboxSubscriber[] | undefined;
  publisher?: EventPublisher | null | undefined;
  batchSize?: number | undefined;
  /** The relay's clock (tests move it forward to make retries due). */
  now?: Date | undefined;
  log?: RelayLogger | undefined;
}

export interface RelayResult {
  /** Rows claimed in this pass. */
  claimed: number;
  published: number;
  /** Rows whose subscribers failed and that will be tried again. */
  retrying: number;
  /** Rows given up on (failed_at set). */
  failed: number;
}

type OutboxRow = { tenant_id: string; id: number; topic: string; aggregate_id: string; payload: Record<string, unknown>; created_at: Date; attempts: number; now: Date };

function toMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id, tenantId: row.tenant_id, topic: row.topic, aggregateId: row.aggregate_id,
    payload: row.payload, createdAt: new Date(row.created_at), attempts: row.attempts,
  };
}

/** Due rows, oldest first, each with the clock's reading (`now`) for the bookkeeping. */
async function claimDue(trx: Kdb, now: Date | undefined, limit: number): Promise<OutboxRow[]> {
  return trx.selectFrom('outbox')
    .select(['tenant_id', 'id', 'topic', 'aggregate_id', 'payload', 'created_at', 'attempts', clockSql(now).as('now')])
    .where('published_at', 'is', null).where('failed_at', 'is', null).where('next_attempt_at', '<=', clockSql(now))
    .orderBy('id').limit(limit)
    .forUpdate().skipLocked()
    .execute();
}

async function deliver(trx: Kdb, message: OutboxMessage, subscribers: readonly OutboxSubscriber[], publisher: EventPublisher | null, context: RelayContext): Promise<void> {
  for (const subscriber of subscribers) {
    if (anyTopicMatches(subscriber.topics, message.topic)) await subscriber.handle(trx, message, context);
  }
  // Last, so a subscriber failure never leaves an event published that will be relayed again
  // (a retry after a failed commit is deduplicated by the message id anyway).
  if (publisher) await publisher.publish(message);
}

async function markRetry(trx: Kdb, row: OutboxRow, error: unknown, now: Date): Promise<'retrying' | 'failed'> {
  const attempts = row.attempts + 1;
  const next = nextAttemptAt(OUTBOX_BACKOFF, attempts, now);
  await trx.updateTable('outbox')
    .set({ attempts, last_error: errorText(error), ...(next ? { next_attempt_at: next } : { failed_at: now }) })
    .where('tenant_id', '=', row.tenant_id).where('id', '=', row.id)
    .execute();
  return next ? 'retrying' : 'failed';
}

/** One relay pass: claims up to a batch of due rows and relays them; returns what happened. */
export async function runOutboxRelayOnce(db: Kdb, options: RelayOptions = {}): Promise<RelayResult> {
  const context: RelayContext = { config: options.config ?? loadConfig() };
  const subscribers = options.subscribers ?? registeredOutboxSubscribers();
  const publisher = options.publisher ?? null;
  return transaction(db, async (trx) => {
    const result: RelayResult = { claimed: 0, published: 0, retrying: 0, failed: 0 };
    const rows = await claimDue(trx, options.now, options.batchSize ?? RELAY_BATCH_SIZE);
    result.claimed = rows.length;
    const now = new Date(rows[0]?.now ?? options.now ?? Date.now());
    const published: number[] = [];
    for (const row of rows) {
      await sql`savepoint outbox_row`.execute(trx);
      try {
        await deliver(trx, toMessage(row), subscribers, publisher, context);
        await sql`release savepoint outbox_row`.execute(trx);
        published.push(row.id);
      } catch (error) {
        await sql`rollback to savepoint outbox_row`.execute(trx);
        options.log?.warn({ err: error, outboxId: row.id, topic: row.topic, attempts: row.attempts + 1 }, 'outbox event failed; will retry');
        result[await markRetry(trx, row, error, now)] += 1;
      }
    }
    if (published.length > 0) {
      await trx.updateTable('outbox')
        .set((eb) => ({ published_at: now, attempts: eb('attempts', '+', 1), last_error: null }))
        // Outbox ids come from one identity sequence, unique across tenants.
        .where('id', 'in', published)
        .execute();
    }
    result.published = published.length;
    return result;
  });
}
