// Idempotent commands. A POST with an `Idempotency-Key` runs in one transaction with
// the row that records its answer, so "the order exists" and "the key answers with it"
// commit together: a client that retries after a crash or a timeout gets the original
// answer and nothing is created twice. A second request with the same key that arrives
// while the first is running waits on the key's row lock and then replays.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kdb } from '../db/index.ts';
import { Problem, PROBLEM_CONTENT_TYPE } from './problem.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_MAX_LENGTH = 255;
/** Keys are kept at least this long (API.md promises 24 hours). */
export const IDEMPOTENCY_RETENTION_HOURS = 48;

/** JSON with object keys sorted, so the same body always hashes the same. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

function requestHash(request: FastifyRequest): string {
  const path = request.url.split('?')[0];
  return createHash('sha256').update(`${request.method} ${path}\n${canonicalJson(request.body ?? null)}`).digest('hex');
}

function readKey(request: FastifyRequest): string | null {
  const raw = request.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return null;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key || key.length > KEY_MAX_LENGTH) {
    throw new Problem('validation_failed', `Idempotency-Key must be 1 to ${KEY_MAX_LENGTH} characters`, {
      errors: [{ path: 'headers.idempotency-key', message: `must be 1 to ${KEY_MAX_LENGTH} characters` }],
    });
  }
  return key;
}

class Replay {
  constructor(readonly statusCode: number, readonly body: unknown) {}
}

export interface CommandResult<T> { status: number; body: T }

const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);
const TRANSACTION_ATTEMPTS_MAX = 3;

/**
 * Runs work in a transaction, retrying when PostgreSQL aborts it as a deadlock victim
 * or a serialization failure: the work is all-or-nothing, so a retry is safe.
 */
export async function transaction<T>(db: Kdb, work: (trx: Kdb) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (attempt >= TRANSACTION_ATTEMPTS_MAX || typeof code !== 'string' || !RETRYABLE_SQLSTATES.has(code)) throw error;
    }
  }
}

/**
 * Runs a state-changing use case in one transaction and sends its answer, honouring
 * `Idempotency-Key`. Business failures (Problem) roll the work back; their answer is
 * remembered too, so a retry gets the same refusal.
 */
export async function runCommand<T>(
  db: Kdb, tenantId: string, request: FastifyRequest, reply: FastifyReply,
  work: (trx: Kdb) => Promise<CommandResult<T>>,
): Promise<FastifyReply> {
  const key = readKey(request);
  if (key === null) {
    const result = await transaction(db, work);
    return reply.code(result.status).send(result.body);
  }
  const hash = requestHash(request);
  try {
    const result = await transaction(db, async (trx) => {
      const claimed = await trx.insertInto('idempotency_keys')
        .values({ tenant_id: tenantId, key, request_hash: hash, status_code: 0, response_body: 'null' })
        .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      if (!claimed) throw await replayFor(trx, tenantId, key, hash);
      const outcome = await work(trx);
      await trx.updateTable('idempotency_keys')
        .set({ status_code: outcome.status, response_body: JSON.stringify(outcome.body) })
        .where('tenant_id', '=', tenantId).where('key', '=', key).execute();
      return outcome;
    });
    return reply.code(result.status).send(result.body);
  } catch (error) {
    if (error instanceof Replay) return sendReplay(reply, error);
    if (error instanceof Problem && error.code !== 'idempotency_key_reused' && error.status < 500) {
      await rememberRefusal(db, tenantId, key, hash, error);
    }
    throw error;
  }
}

async function replayFor(trx: Kdb, tenantId: string, key: string, hash: string): Promise<Replay | Problem> {
  const row = await trx.selectFrom('idempotency_keys').select(['request_hash', 'status_code', 'response_body'])
    .where('tenant_id', '=', tenantId).where('key', '=', key).executeTakeFirstOrThrow();
  if (row.request_hash !== hash) {
    return new Problem('idempotency_key_reused', 'This Idempotency-Key was used with a different request.');
  }
  return new Replay(row.status_code, row.response_body);
}

async function rememberRefusal(db: Kdb, tenantId: string, key: string, hash: string, problem: Problem): Promise<void> {
  await db.insertInto('idempotency_keys')
    .values({ tenant_id: tenantId, key, request_hash: hash, status_code: problem.status, response_body: JSON.stringify({ problem: problem.toBody(), headers: problem.headers }) })
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
    .execute();
}

function sendReplay(reply: FastifyReply, replay: Replay): FastifyReply {
  reply.header('idempotent-replayed', 'true');
  if (replay.statusCode >= 400) {
    const stored = replay.body as { problem: unknown; headers: Record<string, string> };
    return reply.code(replay.statusCode).headers(stored.headers).type(PROBLEM_CONTENT_TYPE).send(stored.problem);
  }
  return reply.code(replay.statusCode).send(replay.body);
}

/** Deletes keys past the retention window; returns how many. */
export async function pruneIdempotencyKeys(db: Kdb, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_RETENTION_HOURS * 3_600_000);
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
