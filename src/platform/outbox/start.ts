// The relay as a background worker of the server process (any number of processes may
// run one: rows are shared through SKIP LOCKED).
import type { Config } from '../../config.ts';
import type { Kdb } from '../db/index.ts';
import { natsPublisher } from './nats.ts';
import { startPollingWorker, type PollingWorker, type WorkerLogger } from './polling-worker.ts';
import { relayBatchSize, runOutboxRelayOnce } from './relay.ts';

/** How often an idle relay looks for new rows. Intake writes no extra rows to wake it. */
export const RELAY_INTERVAL_MS = 1_000;

/** Starts relaying (and publishing to NATS when config.natsUrl is set); stop() to end. */
export function startOutboxRelay(db: Kdb, log: WorkerLogger, config: Config): PollingWorker {
  const publisher = config.natsUrl ? natsPublisher(config.natsUrl) : null;
  const batchSize = relayBatchSize(config);
  const worker = startPollingWorker(async () => {
    const result = await runOutboxRelayOnce(db, { config, publisher, log, batchSize });
    return result.claimed;
  }, { name: 'outbox-relay', intervalMs: RELAY_INTERVAL_MS, batchSize, log });
  return {
    async stop() {
      await worker.stop();
      await publisher?.close();
    },
  };
}
