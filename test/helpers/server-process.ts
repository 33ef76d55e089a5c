// Runs Ordo as a real child process (what operators run), for crash and restart tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ServerProcess { child: ChildProcess; port: number; stop(signal?: NodeJS.Signals): Promise<void> }

/**
 * Starts `ordo serve` with the given environment and waits for /healthz. The timeout only
 * guards against a server that never comes up: a start compiles the whole app (tsx) and
 * on a busy two-core machine that alone has taken most of a minute.
 */
export async function startServerProcess(env: Record<string, string>, port: number, timeoutMs = 150_000, args: readonly string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--no-seed', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ORDO_SEED_DEMO: 'false', ORDO_FORECAST_INTERVAL_MINUTES: '0', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => { stderr = (stderr + chunk.toString()).slice(-4000); });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (Date.now() >= deadline) { child.kill('SIGKILL'); throw new Error(`server did not start: ${stderr}`); }
  return {
    child, port,
    stop: (signal = 'SIGTERM') => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    }),
  };
}

/** Starts `ordo work` (background jobs only) with the given environment; it answers no HTTP. */
export function startWorkProcess(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | null>; stop(signal?: NodeJS.Signals): Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'work'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ORDO_FORECAST_INTERVAL_MINUTES: '0', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child, exited,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
