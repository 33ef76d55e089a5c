// The outbox relay: claims due, unpublished outbox rows in id order (FOR UPDATE SKIP
// LOCKED, so any number of relays in any number of processes share the work without
// handling a row twice), hands them to the subscribers of their topics and to the event
// publisher (NATS), and marks them published — all in one transaction, so what a
// subscriber writes commits together with "published".
//
// A batch goes in one of two ways:
// - At once (the usual case): one savepoint around the whole batch, each subscriber handed
//   all of its events together (its batch form writes them in a few statements), one
//   update marks them published. A batch costs a handful of round trips instead of about
//   six per row, which is what kept the relay behind intake under load: each round trip
//   waits its turn for a busy CPU.
// - Row by row, when the batch at once failed (or one row was claimed, or the caller asks):
//   the batch's writes are rolled back to the savepoint and every row runs again under its
//   own savepoint. A failing row rolls back only its own writes and is retried later with
//   backoff, while the rest of the batch goes through: one bad row never holds up the others.
// Optimistic rather than row by row from the start because failures are rare (a receiver's
// bug, NATS down) and the redo costs only that batch's time; splitting the batch in halves
// to find the bad row would save work when one row fails among many, but cost more when
// all fail (NATS down) and be harder to follow.
import { sql } from 'kysely';
import { loadConfig, type Config } from '../../config.ts';
import type { Kdb } from '../db/index.ts';
import { transaction } from '../http/idempotency.ts';
import { clockSql } from './clock.ts';
import { errorText, nextAttemptAt, type BackoffPolicy } from './backoff.ts';
import { deliverAll, deliverOne } from './deliver.ts';
import { registeredOutboxSubscribers, type OutboxMessage, type OutboxSubscriber, type RelayContext } from './subscribers.ts';

/** Receives every relayed event after the subscribers ran (NATS JetStream; see nats.ts). */
export interface EventPublisher {
  publish(message: OutboxMessage): Promise<void>;
  close(): Promise<void>;
}

export interface RelayLogger {
  warn(details: object, message: string): void;
}

// Small batches on the embedded database: the relay holds its one connection for a whole
// batch, and requests wait meanwhile. Also the default of a single pass.
export const RELAY_BATCH_SIZE = 20;
// PostgreSQL gives the relay a connection of its own, so a batch there may be larger. On
// the benchmark machine (bench/outbox-relay.bench.ts) a pass of 200 takes 20-40 ms and the
// CPU per row hardly drops past 100-200, while what a bigger batch costs keeps growing: the
// row-by-row redo after a failure (about 1 ms a row), the rows held locked, the size of
// the statements' JSON parameters (a confirmation mail is about 2 kB).
export const RELAY_BATCH_SIZE_POSTGRES = 200;
/** 5 s, 10 s, 20 s … capped at an hour; given up on after 15 tries (about 6 hours). */
export const OUTBOX_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 3_600_000, attemptsMax: 15 };

/** The batch size for the configured database: PostgreSQL when a URL is set, else the embedded one. */
export function relayBatchSize(config: Pick<Config, 'databaseUrl'>): number {
  return config.databaseUrl ? RELAY_BATCH_SIZE_POSTGRES : RELAY_BATCH_SIZE;
}

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
  /** Every row under its own savepoint, never the batch at once (the benchmark's baseline; tests compare the two). */
  rowByRow?: boolean | undefined;
}

export interface RelayResult {
  /** Rows claimed in this pass. */
  claimed: number;
  published: number;
  /** Rows whose subscribers failed and that will be tried again. */
  retrying: number;
  /** Rows given up on (failed_at set). */
  failed: number;
  /** True when the rows went one by one (asked for, a single row, or the batch at once failed). */
  rowByRow: boolean;
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

async function markRetry(trx: Kdb, row: OutboxRow, error: unknown, now: Date): Promise<'retrying' | 'failed'> {
  const attempts = row.attempts + 1;
  const next = nextAttemptAt(OUTBOX_BACKOFF, attempts, now);
  await trx.updateTable('outbox')
    .set({ attempts, last_error: errorText(error), ...(next ? { next_attempt_at: next } : { failed_at: now }) })
    .where('tenant_id', '=', row.tenant_id).where('id', '=', row.id)
    .execute();
  return next ? 'retrying' : 'failed';
}

async function markPublished(trx: Kdb, ids: readonly number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('outbox')
    .set((eb) => ({ published_at: now, attempts: eb('attempts', '+', 1), last_error: null }))
    // Outbox ids come from one identity sequence, unique across tenants. One array
    // parameter rather than `in (…)`, so the text is the same for every batch size and
    // PostgreSQL keeps one prepared statement for it.
    .where(sql<boolean>`id = any(${[...ids]}::bigint[])`)
    .execute();
}

interface Pass {
  trx: Kdb;
  subscribers: readonly OutboxSubscriber[];
  publisher: EventPublisher | null;
  context: RelayContext;
  now: Date;
  log: RelayLogger | undefined;
}

/** The whole batch under one savepoint; when anything in it fails, nothing it wrote is kept and the error is returned. */
async function relayAtOnce(pass: Pass, rows: readonly OutboxRow[]): Promise<{ ok: true } | { ok: false; error: unknown }> {
  await sql`savepoint outbox_batch`.execute(pass.trx);
  try {
    await deliverAll(pass.trx, rows.map(toMessage), pass.subscribers, pass.publisher, pass.context);
  } catch (error) {
    await sql`rollback to savepoint outbox_batch`.execute(pass.trx);
    return { ok: false, error };
  }
  await sql`release savepoint outbox_batch`.execute(pass.trx);
  return { ok: true };
}

/** Each row under its own savepoint: a failure rolls back that row only, which is retried later. */
async function relayRowByRow(pass: Pass, rows: readonly OutboxRow[], result: RelayResult): Promise<number[]> {
  const published: number[] = [];
  for (const row of rows) {
    await sql`savepoint outbox_row`.execute(pass.trx);
    try {
      await deliverOne(pass.trx, toMessage(row), pass.subscribers, pass.publisher, pass.context);
      await sql`release savepoint outbox_row`.execute(pass.trx);
      published.push(row.id);
    } catch (error) {
      await sql`rollback to savepoint outbox_row`.execute(pass.trx);
      pass.log?.warn({ err: error, outboxId: row.id, topic: row.topic, attempts: row.attempts + 1 }, 'outbox event failed; will retry');
      result[await markRetry(pass.trx, row, error, pass.now)] += 1;
    }
  }
  return published;
}

/** One relay pass: claims up to a batch of due rows and relays them; returns what happened. */
export async function runOutboxRelayOnce(db: Kdb, options: RelayOptions = {}): Promise<RelayResult> {
  const context: RelayContext = { config: options.config ?? loadConfig() };
  const subscribers = options.subscribers ?? registeredOutboxSubscribers();
  const publisher = options.publisher ?? null;
  return transaction(db, async (trx) => {
    const rows = await claimDue(trx, options.now, options.batchSize ?? RELAY_BATCH_SIZE);
    const result: RelayResult = { claimed: rows.length, published: 0, retrying: 0, failed: 0, rowByRow: false };
    if (rows.length === 0) return result;
    const pass: Pass = { trx, subscribers, publisher, context, now: new Date(rows[0]!.now), log: options.log };
    // A single row goes straight to its own savepoint: at once it would run twice on failure.
    const atOnce = options.rowByRow || rows.length === 1 ? null : await relayAtOnce(pass, rows);
    let published: number[];
    if (atOnce?.ok) {
      published = rows.map((r) => r.id);
    } else {
      result.rowByRow = true;
      published = await relayRowByRow(pass, rows, result);
      // The batch failed, yet every row passed on its own: a batch form that does not do
      // what its handler does, or a failure that came and went. Worth a look either way.
      if (atOnce && published.length === rows.length) {
        pass.log?.warn({ err: atOnce.error, outboxIds: [rows[0]!.id, rows.at(-1)!.id] }, 'outbox batch failed but each of its rows passed alone');
      }
    }
    await markPublished(trx, published, pass.now);
    result.published = published.length;
    return result;
  });
}
