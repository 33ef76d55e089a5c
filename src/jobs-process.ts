// `ordo work`: a process that runs the background jobs and serves no requests. With it,
// API processes started with `ordo serve --no-jobs` spend their CPU on requests only,
// and the jobs scale on their own (any number of `ordo work` processes share the rows
// through `for update skip locked`). It needs PostgreSQL: the embedded database belongs
// to the one process that opened it, and `ordo serve` runs the jobs itself there.
import pino from 'pino';
import type { Config } from './config.ts';
import { openRuntime } from './runtime.ts';
import { startBackgroundJobs } from './background.ts';

/** Opens the database, starts the jobs, and stops them gracefully on SIGTERM/SIGINT. */
export async function startJobsProcess(config: Config): Promise<void> {
  if (!config.databaseUrl) throw new Error('`ordo work` needs DATABASE_URL: on the embedded database `ordo serve` runs the background jobs itself');
  const log = pino({ level: config.logLevel });
  const db = await openRuntime(config);
  const jobs = startBackgroundJobs(db, log, config);
  log.info({ pid: process.pid }, 'background jobs running');
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'stopping background jobs');
    await jobs.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
