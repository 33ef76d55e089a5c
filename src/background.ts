// The background jobs of an Ordo process: the outbox relay (events to e-mails, webhook
// deliveries and NATS), the senders, the payment worker, the forecasting pass and the
// housekeeping. `ordo serve` runs them beside the API by default; `ordo serve --no-jobs`
// leaves them out and `ordo work` runs only them, so a deployment can keep its API
// processes for requests and give the jobs processes of their own (docs/scaling.md).
// Every job shares work with its copies in other processes through the database
// (`for update skip locked`), so any number of processes may run them.
import type { Config } from './config.ts';
import { pruneIdempotencyKeys } from './platform/http/index.ts';
import { pruneAuthRecords } from './modules/users/index.ts';
import { startForecastJob } from './modules/forecasting/index.ts';
import { startOutboxRelay, type WorkerLogger } from './platform/outbox/index.ts';
import { startNotificationSender } from './modules/notifications/index.ts';
import { startWebhookWorker } from './modules/webhooks/index.ts';
import { startPaymentWorker } from './modules/payments/index.ts';
import { startPgliteMaintenance, type Db } from './platform/db/index.ts';

const PRUNE_INTERVAL_MS = 3_600_000;

export interface BackgroundJobs {
  /** Stops every job; resolves once the passes in flight are done. */
  stop(): Promise<void>;
}

/** Starts every background job on this process's database. */
export function startBackgroundJobs(db: Db, log: WorkerLogger, config: Config): BackgroundJobs {
  const prune = setInterval(() => {
    pruneIdempotencyKeys(db.kysely).catch((error) => log.warn({ err: error }, 'idempotency prune failed'));
    pruneAuthRecords(db.kysely).catch((error) => log.warn({ err: error }, 'session prune failed'));
  }, PRUNE_INTERVAL_MS);
  prune.unref();
  const forecast = startForecastJob(db.kysely, log); // demand, forecasts and policies: 30 s after start, then every ORDO_FORECAST_INTERVAL_MINUTES (60)
  // After commit, from the outbox: events to subscribers (mails, webhook deliveries) and NATS; then mails and webhooks out.
  const workers = [startOutboxRelay(db.kysely, log, config), startNotificationSender(db.kysely, log, config), startWebhookWorker(db.kysely, log, config),
    // Provider calls left pending after commit (retries with backoff) and expired payment_declined holds.
    startPaymentWorker(db.kysely, log),
    // The embedded database has no autovacuum: refresh the planner's statistics ourselves.
    startPgliteMaintenance(db, log)];
  return {
    async stop() {
      clearInterval(prune);
      forecast.stop();
      await Promise.all(workers.map((w) => w.stop()));
    },
  };
}
