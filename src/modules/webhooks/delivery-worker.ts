// The webhook delivery worker: POSTs each due delivery's JSON, signed with its endpoint's
// secret, and records the answer. 2xx is delivered; anything else (an error status, a
// redirect, a timeout, a refused connection) is retried with exponential backoff until the
// attempts run out. No database transaction is open while a POST is in flight.
//
// A pass costs two statements however many deliveries it holds: one claims and leases the
// batch (committed before any POST), one records every outcome once the POSTs are done
// (delivery-queue.repository.ts). The POSTs run side by side, at most POSTS_IN_FLIGHT at
// once (a big batch must not open a hundred connections to one receiver), and none starts
// later than SEND_WINDOW_MS after the claim: deliveries not started by then are handed back
// unsent, so endpoints that time out cannot keep a pass going until its lease runs out and
// another worker POSTs the same deliveries again.
import { loadConfig, type Config } from '../../config.ts';
import type { Kdb } from '../../platform/db/index.ts';
import { errorText, nextAttemptAt, startPollingWorker, type BackoffPolicy, type PollingWorker, type WorkerLogger, sendWithin } from '../../platform/outbox/index.ts';
import { claimDueDeliveries, recordDeliveryOutcomes, type ClaimedDelivery, type DeliveryOutcome } from './delivery-queue.repository.ts';
import { claimDueDeliveriesRowByRow, recordDeliveryOutcome } from './delivery-queue.row-by-row.ts';
import { signBody } from './signature.ts';

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Deliveries per pass on the embedded database (also the default of a single pass). */
export const WEBHOOK_BATCH_SIZE = 20;
/** PostgreSQL: bigger passes, fewer statements per delivery (bench/senders.bench.ts). */
export const WEBHOOK_BATCH_SIZE_POSTGRES = 100;
/** POSTs in flight at once: what a pass of 20 made before, now whatever the batch. */
const POSTS_IN_FLIGHT = 20;
/** A claimed delivery is retried by another worker if no outcome is recorded within this. */
const LEASE_MS = 120_000;
/** No POST starts later than this after the claim; with its timeout it ends well inside the lease. */
const SEND_WINDOW_MS = 30_000;
/** 30 s, 1 min, 2 min … capped at 6 h; failed after 12 tries (about a day and a half). */
export const WEBHOOK_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 6 * 3_600_000, attemptsMax: 12 };
const WORKER_INTERVAL_MS = 1_000;
const ERROR_BODY_CHARS = 300;

/** The batch size for the configured database: PostgreSQL when a URL is set, else the embedded one. */
export function webhookBatchSize(config: Pick<Config, 'databaseUrl'>): number {
  return config.databaseUrl ? WEBHOOK_BATCH_SIZE_POSTGRES : WEBHOOK_BATCH_SIZE;
}

export interface DeliveryOptions {
  now?: Date | undefined;
  batchSize?: number | undefined;
  timeoutMs?: number | undefined;
  /** How long after the claim POSTs may start (tests shorten it). */
  sendWindowMs?: number | undefined;
  /** The worker as it was: one update per claimed delivery and per outcome (the benchmark's baseline). */
  rowByRow?: boolean | undefined;
}

/** The exact request a delivery makes: the body bytes and the headers that sign them. */
export function deliveryRequest(delivery: Pick<ClaimedDelivery, 'id' | 'topic' | 'payload' | 'secret'>): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(delivery.payload);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Ordo-Webhooks/1',
      'x-ordo-topic': delivery.topic,
      'x-ordo-delivery': delivery.id,
      'x-ordo-event': delivery.payload.id,
      'x-ordo-signature': signBody(delivery.secret, body),
    },
  };
}

async function post(delivery: ClaimedDelivery, timeoutMs: number): Promise<{ status: number; error: string | null }> {
  const { body, headers } = deliveryRequest(delivery);
  const response = await fetch(delivery.url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  if (response.status >= 200 && response.status < 300) {
    await response.body?.cancel().catch(() => {});
    return { status: response.status, error: null };
  }
  const text = await response.text().catch(() => '');
  return { status: response.status, error: `HTTP ${response.status}${text ? `: ${text.slice(0, ERROR_BODY_CHARS)}` : ''}` };
}

async function attempt(delivery: ClaimedDelivery, timeoutMs: number): Promise<DeliveryOutcome> {
  let status: number | null = null;
  let error: string;
  try {
    const answer = await post(delivery, timeoutMs);
    if (answer.error === null) return { kind: 'delivered', status: answer.status };
    status = answer.status;
    error = answer.error;
  } catch (thrown) {
    const cause = (thrown as { cause?: unknown }).cause;
    error = errorText(cause instanceof Error ? cause : thrown);
  }
  const next = nextAttemptAt(WEBHOOK_BACKOFF, delivery.attempts, delivery.now);
  return next ? { kind: 'retry', status, error, nextAttemptAt: next } : { kind: 'failed', status, error };
}


/** One pass: claims due deliveries, POSTs them side by side, records their outcomes; returns how many were claimed. */
export async function sendDueWebhooks(db: Kdb, options: DeliveryOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? WEBHOOK_BATCH_SIZE;
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  if (options.rowByRow) {
    const claimed = await claimDueDeliveriesRowByRow(db, batchSize, LEASE_MS, options.now);
    await Promise.all(claimed.map(async (delivery) => {
      const outcome = await attempt(delivery, timeoutMs);
      await recordDeliveryOutcome(db, delivery, outcome, options.now ?? new Date());
    }));
    return claimed.length;
  }
  const claimed = await claimDueDeliveries(db, batchSize, LEASE_MS, options.now);
  if (claimed.length === 0) return 0;
  const outcomes = await sendWithin(claimed, POSTS_IN_FLIGHT, options.sendWindowMs ?? SEND_WINDOW_MS, (delivery) => attempt(delivery, timeoutMs));
  await recordDeliveryOutcomes(db, claimed.map((delivery, i) => ({ delivery, outcome: outcomes[i] ?? { kind: 'unsent' } })), options.now ?? new Date());
  return claimed.length;
}

/** Delivers webhooks in the background until stop(); the batch size follows the configured database. */
export function startWebhookWorker(db: Kdb, log: WorkerLogger, config: Pick<Config, 'databaseUrl'> = loadConfig()): PollingWorker {
  const batchSize = webhookBatchSize(config);
  return startPollingWorker(() => sendDueWebhooks(db, { batchSize }), { name: 'webhooks', intervalMs: WORKER_INTERVAL_MS, batchSize, log });
}
