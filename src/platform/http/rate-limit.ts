// Per-key rate limiting: a fixed window per API key (or per client address when no key
// is sent), so one runaway integration cannot starve the others. The count lives in
// process memory: with N processes the effective limit is N times the setting.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { Problem } from './problem.ts';

const UNLIMITED_PATHS = new Set(['/healthz', '/metrics']);

function clientKey(request: FastifyRequest): string {
  const auth = request.headers.authorization;
  if (auth) return `key:${createHash('sha256').update(auth).digest('base64url').slice(0, 22)}`;
  return `ip:${request.ip}`;
}

/** Installs the limiter; `perMinute` 0 leaves it off. */
export async function installRateLimit(app: FastifyInstance, perMinute: number): Promise<void> {
  if (perMinute <= 0) return;
  await app.register(rateLimit, {
    global: true,
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: clientKey,
    allowList: (request) => UNLIMITED_PATHS.has(request.url.split('?')[0] ?? ''),
    errorResponseBuilder: (_request, context) =>
      new Problem('rate_limited', `More than ${context.max} requests in a minute from this key; retry in ${Math.ceil(context.ttl / 1000)} s.`, {
        headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) },
      }),
  });
}
