// Runs Ordo in a child process, so the load generator never shares the server's event
// loop (or its CPU time slices) and what we measure is the server alone.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';

const THIS_CHECKOUT = fileURLToPath(new URL('..', import.meta.url));
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

export interface ServerOptions {
  databaseUrl: string; adminKey: string; workers: number; poolMax: number; profileDir: string | null;
  /** The Ordo checkout to run (another version, for a before/after comparison); default this one. */
  root: string | null;
  /** Run the background jobs in an `ordo work` process beside `ordo serve --no-jobs`. */
  jobsProcess: boolean;
}

/** The server, and the jobs process if any: pids are the processes whose CPU counts as Ordo's. */
export interface RunningServer { origin: string; pids: number[]; stop(): Promise<void> }

/** A free loopback port (the kernel picks one; we release it right before the server binds). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilHealthy(origin: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Ordo exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await request(`${origin}/healthz`);
      await response.body.dump();
      if (response.statusCode === 200) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Ordo did not answer /healthz within ${READY_TIMEOUT_MS} ms`);
}

/** Starts `ordo serve` against the database and waits for /healthz. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const nodeArgs = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const serveArgs = ['serve', '--no-seed', '--port', String(port), ...(options.workers > 1 ? ['--workers', String(options.workers)] : []),
    ...(options.jobsProcess ? ['--no-jobs'] : [])];
  const env = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    ORDO_ADMIN_KEY: options.adminKey,
    ORDO_DB_POOL_MAX: String(options.poolMax),
    ORDO_SEED_DEMO: 'false',
    // The forecasting pass is an hourly batch job over the order history, not per-order
    // work: its first pass (30 s after start) would land inside one measured window.
    ORDO_FORECAST_INTERVAL_MINUTES: '0',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
  };
  const spawnOrdo = (args: string[]) => spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: options.root ?? THIS_CHECKOUT, stdio: ['ignore', 'ignore', 'inherit'], env,
  });
  const children = [spawnOrdo(serveArgs)];
  if (options.jobsProcess) children.push(spawnOrdo(['work']));
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await Promise.all(children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }));
  };
  try {
    await waitUntilHealthy(origin, children[0] as ChildProcess);
  } catch (error) {
    for (const child of children) child.kill('SIGKILL');
    throw error;
  }
  return { origin, pids: children.flatMap((c) => (c.pid === undefined ? [] : [c.pid])), stop };
}
