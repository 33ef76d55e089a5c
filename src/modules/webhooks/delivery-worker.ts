// The webhook delivery worker: POSTs each due delivery's JSON, signed with its endpoint's
// secret, and records the answer. 2xx is delivered; anything else (an error status, a
// redirect, a timeout, a refused connection) is retried with exponential backoff until the
// attempts run out. No database transaction is open while a POST is in flight.
import type { Kdb } from '../../platform/db/index.ts';
import { errorText, nextAttemptAt, startPollingWorker, type BackoffPolicy, type PollingWorker, type WorkerLogger } from '../../platform/outbox/index.ts';
import { claimDueDeliveries, recordOutcome, type ClaimedDelivery, type DeliveryOutcome } from './deliveries.repository.ts';
import { signBody } from './signature.ts';

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const WEBHOOK_BATCH_SIZE = 20;
/** A claimed delivery is retried by another worker if no outcome is recorded within this. */
const LEASE_MS = 120_000;
/** 30 s, 1 min, 2 min … capped at 6 h; failed after 12 tries (about a day and a half). */
export const WEBHOOK_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 6 * 3_600_000, attemptsMax: 12 };
const WORKER_INTERVAL_MS = 1_000;
const ERROR_BODY_CHARS = 300;

export interface DeliveryOptions {
  now?: Date | undefined;
  batchSize?: number | undefined;
  timeoutMs?: number | undefined;
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

/** One pass: claims due deliveries, POSTs them side by side, records each outcome; returns how many. */
export async function sendDueWebhooks(db: Kdb, options: DeliveryOptions = {}): Promise<number> {
  const claimed = await claimDueDeliveries(db, options.batchSize ?? WEBHOOK_BATCH_SIZE, LEASE_MS, options.now);
  await Promise.all(claimed.map(async (delivery) => {
    const outcome = await attempt(delivery, options.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
    await recordOutcome(db, delivery, outcome, options.now ?? new Date());
  }));
  return claimed.length;
}

/** Delivers webhooks in the background until stop(). */
export function startWebhookWorker(db: Kdb, log: WorkerLogger): PollingWorker {
  return startPollingWorker(() => sendDueWebhooks(db), { name: 'webhooks', intervalMs: WORKER_INTERVAL_MS, batchSize: WEBHOOK_BATCH_SIZE, log });
}
