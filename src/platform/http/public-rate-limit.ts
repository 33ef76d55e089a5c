// The customer pages' API (`/v1/public/…`: tracking, return requests, surveys, the
// merchant name) answers anyone without a key, and tracking numbers are sequential: a
// fixed window per client address keeps a script from walking through them or guessing
// e-mails. On by default, unlike the per-key limit for integrations. Counts live in
// process memory (per process, like the per-key limit).
import type { FastifyInstance } from 'fastify';
import { Problem } from './problem.ts';

const PREFIX = '/v1/public/';
const WINDOW_MS = 60_000;
/** Forget windows once this many clients are tracked (a flood of addresses cannot grow memory without bound). */
const CLIENTS_MAX = 100_000;

export function installPublicRateLimit(app: FastifyInstance, perMinute: number): void {
  if (perMinute <= 0) return;
  const windows = new Map<string, { start: number; count: number }>();
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith(PREFIX)) return;
    const now = Date.now();
    let window = windows.get(request.ip);
    if (!window || now - window.start >= WINDOW_MS) {
      if (windows.size >= CLIENTS_MAX) windows.clear();
      window = { start: now, count: 0 };
      windows.set(request.ip, window);
    }
    window.count += 1;
    if (window.count > perMinute) {
      const retry = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
      reply.header('retry-after', String(retry));
      throw new Problem('rate_limited', `More than ${perMinute} requests in a minute from this address; retry in ${retry} s.`);
    }
  });
}
