// The safety net behind the after-commit calls: retries pending provider calls (with
// backoff, up to a maximum of attempts) and acts on expired payment_declined holds.
// Several processes may run it: work is claimed with FOR UPDATE SKIP LOCKED.
import type { Kdb } from '../../platform/db/index.ts';
import { expireHolds } from '../holds/index.ts';
import { processPendingPaymentTransactions } from './transactions.runner.ts';

export const PAYMENT_WORKER_INTERVAL_MS_DEFAULT = 1_000;

interface Log { warn(obj: unknown, msg: string): void }

/** One pass of the worker; tests call it directly (with `now` to move past backoffs and expiries). */
export async function runPaymentWorkerOnce(db: Kdb, options: { now?: Date } = {}): Promise<{ calls: number; expiredHolds: number }> {
  const calls = await processPendingPaymentTransactions(db, options.now ? { now: options.now } : {});
  const expiredHolds = await expireHolds(db, options.now ?? new Date());
  return { calls, expiredHolds };
}

/** Starts the worker loop (every ORDO_PAYMENT_WORKER_INTERVAL_MS, default 1 s); stop() waits for the pass in flight. */
export function startPaymentWorker(db: Kdb, log: Log, options: { intervalMs?: number } = {}): { stop(): Promise<void> } {
  const intervalMs = options.intervalMs ?? (Number(process.env.ORDO_PAYMENT_WORKER_INTERVAL_MS) || PAYMENT_WORKER_INTERVAL_MS_DEFAULT);
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const tick = () => {
    if (stopped) return;
    running = runPaymentWorkerOnce(db)
      .catch((error) => log.warn({ err: error }, 'payment worker pass failed'))
      .finally(() => { if (!stopped) { timer = setTimeout(tick, intervalMs); timer.unref(); } });
  };
  timer = setTimeout(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
