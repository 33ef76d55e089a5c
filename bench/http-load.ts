// Closed-loop HTTP load: `concurrency` callers, each on its own keep-alive connection,
// send POST /v1/orders back to back for a fixed time. Throughput counts 201s only.
import { randomUUID } from 'node:crypto';
import { Pool } from 'undici';
import { LatencyRecorder } from './stats.ts';

export interface LoadResult {
  concurrency: number; seconds: number; ok: number; perSecond: number; p50: number; p99: number;
  /** Non-201 answers and transport failures, by status (0 = no answer). */
  errors: number; errorsByStatus: Record<string, number>;
  firstError: string | null;
}

export interface LoadOptions {
  origin: string; key: string; concurrency: number; seconds: number;
  nextBody: () => string; idempotency: boolean;
  /** Called when the load stops, before connections close (CPU accounting ends there). */
  onLoadEnd?: () => void;
}

/** Drives the order endpoint and measures what came back. */
export async function driveOrders(options: LoadOptions): Promise<LoadResult> {
  const pool = new Pool(options.origin, { connections: options.concurrency, pipelining: 1, keepAliveTimeout: 60_000 });
  const latencies = new LatencyRecorder();
  const errorsByStatus: Record<string, number> = {};
  let firstError: string | null = null;
  let ok = 0;
  const baseHeaders = { authorization: `Bearer ${options.key}`, 'content-type': 'application/json' };
  const started = performance.now();
  const deadline = started + options.seconds * 1000;

  const caller = async () => {
    while (performance.now() < deadline) {
      const body = options.nextBody();
      const headers = options.idempotency ? { ...baseHeaders, 'idempotency-key': randomUUID() } : baseHeaders;
      const sent = performance.now();
      let status = 0;
      let text = '';
      try {
        const response = await pool.request({ method: 'POST', path: '/v1/orders', headers, body });
        status = response.statusCode;
        text = await response.body.text();
      } catch (error) {
        text = error instanceof Error ? error.message : String(error);
      }
      if (status === 201) {
        ok++;
        latencies.add(performance.now() - sent);
      } else {
        errorsByStatus[status] = (errorsByStatus[status] ?? 0) + 1;
        firstError ??= `${status} ${text.slice(0, 300)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, caller));
  const elapsedSeconds = (performance.now() - started) / 1000;
  options.onLoadEnd?.();
  await pool.close();
  const { p50, p99 } = latencies.summary();
  const errors = Object.values(errorsByStatus).reduce((a, b) => a + b, 0);
  return { concurrency: options.concurrency, seconds: elapsedSeconds, ok, perSecond: ok / elapsedSeconds, p50, p99, errors, errorsByStatus, firstError };
}
