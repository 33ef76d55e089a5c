// `ordo serve --workers N`: N API processes on one port through node:cluster, all on
// the same PostgreSQL. The API keeps no state in memory that another process needs
// (requests, idempotency and locks live in the database), so any worker can answer
// any request and the primary only supervises.
//
// Start-up is staged so that one-time work happens once: the first worker migrates
// (under the migrator's advisory lock anyway), seeds an empty database if asked and
// makes the first-start admin key; the others start after it listens and find all of
// that done. A worker that dies after it has served is replaced; one that dies before
// it ever listened stops the cluster, since its siblings would fail the same way.
import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config.ts';
import { startServer } from './server.ts';

const ROLE_ENV = 'ORDO_CLUSTER_ROLE';
const RESTART_DELAY_MS = 1_000;
/** More restarts than this within RESTART_WINDOW_MS means a crash loop: give up. */
const RESTARTS_MAX = 10;
const RESTART_WINDOW_MS = 60_000;
const SHUTDOWN_GRACE_MS = 30_000;

export interface ClusterOptions {
  workers: number; seed: boolean;
  /** Whether each worker runs the background jobs beside the API (false with `--no-jobs`). */
  jobs?: boolean;
}

/** Runs the cluster: the primary supervises, each worker is an ordinary `ordo serve`. */
export async function startCluster(config: Config, options: ClusterOptions): Promise<void> {
  if (!cluster.isPrimary) {
    const first = process.env[ROLE_ENV] === 'first';
    await startServer(config, { seed: first && options.seed, quiet: !first, jobs: options.jobs ?? true });
    return;
  }
  if (!config.databaseUrl) {
    throw new Error('--workers needs DATABASE_URL: the embedded database belongs to a single process');
  }
  if (!Number.isInteger(options.workers) || options.workers < 1) throw new Error('--workers must be a positive integer');
  superviseWorkers(options.workers);
}

function superviseWorkers(count: number): void {
  const listening = new Set<number>();
  const restarts: number[] = [];
  let stopping = false;
  let exitCode = 0;

  const fork = (role: 'first' | 'more'): Worker => {
    const worker = cluster.fork({ [ROLE_ENV]: role });
    worker.once('listening', () => {
      listening.add(worker.id);
      if (role === 'first') for (let i = 1; i < count; i++) fork('more');
    });
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    const served = listening.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    if (!served) {
      console.error(`ordo: a worker failed to start (code ${code ?? signal}); stopping the cluster`);
      stop(1);
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts.length > 0 && (restarts[0] as number) < now - RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length > RESTARTS_MAX) {
      console.error(`ordo: workers keep dying (${restarts.length} restarts within a minute); stopping the cluster`);
      stop(1);
      return;
    }
    console.error(`ordo: worker ${worker.process.pid} exited (${code ?? signal}); starting a replacement`);
    setTimeout(() => { if (!stopping) fork('more'); }, RESTART_DELAY_MS).unref();
  });

  // Workers close their HTTP server and database pool on SIGTERM (server.ts); the
  // primary only passes the signal on and waits for them.
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    if (workers.length === 0) process.exit(exitCode);
    for (const worker of workers) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(exitCode || 1);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGTERM', () => stop(0));
  process.once('SIGINT', () => stop(0));

  fork('first');
}
