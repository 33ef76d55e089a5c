// Executes pending provider calls after commit. A call is claimed in a short transaction
// (FOR UPDATE SKIP LOCKED; its next_attempt_at moves out by an exponential backoff, which
// is also its lease), made to the provider outside any transaction, and its answer
// applied in a second transaction. A crash anywhere in between leaves the call pending;
// it is retried with the same idempotency key and the provider answers the first result,
// so nothing is lost and nothing is charged twice.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { transaction } from '../../platform/http/index.ts';
import { applyOutcome, type ClaimedCall } from './outcomes.ts';
import { providerFor } from './providers/registry.ts';
import type { ProviderResult } from './providers/provider.ts';

/** After this many attempts a call that never got an answer fails (provider_unavailable). */
export const PAYMENT_ATTEMPTS_MAX = 8;
/** Backoff after attempt n: 2^(n-1) seconds, at most this many. */
export const PAYMENT_BACKOFF_MAX_SECONDS = 300;
export const PAYMENT_BATCH_MAX = 20;
/** Rounds per run: outcomes may queue follow-up calls (an immediate capture) that run in the next round. */
const ROUNDS_MAX = 10;

/**
 * Test-only: ORDO_TEST_CRASH_AT=before_provider|after_provider makes the process kill
 * itself (SIGKILL) at that point, so a test can prove a crash there loses and repeats nothing.
 */
function crashPoint(point: 'before_provider' | 'after_provider'): void {
  if (process.env.ORDO_TEST_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}

async function claim(db: Kdb, now: Date, orderId: string | undefined, limit: number): Promise<ClaimedCall[]> {
  // One statement (select the due rows locked, skipping others' locks, and lease them), so
  // it commits on its own: no transaction around it, whose begin and commit would double
  // the round trips of every order's payment call.
  const { rows } = await sql<ClaimedCall>`
      with due as (
        select t.tenant_id, t.id from payment_transactions t
        ${orderId ? sql`join payments p on p.tenant_id = t.tenant_id and p.id = t.payment_id and p.order_id = ${orderId}` : sql``}
        where t.status = 'pending' and t.next_attempt_at <= ${now}
        order by t.next_attempt_at, t.id limit ${limit}
        for update of t skip locked
      )
      update payment_transactions t
      set attempts = t.attempts + 1,
          next_attempt_at = ${now}::timestamptz + make_interval(secs => least(${PAYMENT_BACKOFF_MAX_SECONDS}, power(2, t.attempts)))
      from due, payments p
      where t.tenant_id = due.tenant_id and t.id = due.id and p.tenant_id = t.tenant_id and p.id = t.payment_id
      returning t.tenant_id, t.id, t.payment_id, t.kind, t.amount, t.idempotency_key, t.attempts, t.shipment_id, t.refund_id,
        p.order_id, p.provider, p.token, p.currency, p.provider_reference as payment_reference`.execute(db);
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

async function callProvider(db: Kdb, call: ClaimedCall): Promise<ProviderResult | null> {
  const provider = providerFor(call.provider);
  const request = {
    tenantId: call.tenant_id, idempotencyKey: call.idempotency_key, amount: call.amount, currency: call.currency,
    token: call.token, authorizationReference: call.payment_reference,
  };
  try {
    return await provider[call.kind](db, request);
  } catch (error) {
    // No answer (unavailable, timeout, or a bug in an adapter): retry later with the same key.
    const message = error instanceof Error ? error.message : String(error);
    if (call.attempts >= PAYMENT_ATTEMPTS_MAX) return { ok: false, code: 'provider_unavailable', message };
    await db.updateTable('payment_transactions').set({ error_code: 'provider_unavailable', error_message: message.slice(0, 500) })
      .where('tenant_id', '=', call.tenant_id).where('id', '=', call.id).where('status', '=', 'pending').execute();
    return null;
  }
}

/** Runs one claimed call to the end (or to its next retry). */
async function execute(db: Kdb, call: ClaimedCall): Promise<void> {
  crashPoint('before_provider');
  const result = await callProvider(db, call);
  if (result === null) return;
  crashPoint('after_provider');
  await transaction(db, (trx) => applyOutcome(trx, call, result));
}

/**
 * Executes the pending provider calls that are due (of one order, or of all); answers
 * how many calls were attempted. `now` lets tests move time forward past a backoff.
 */
export async function processPendingPaymentTransactions(db: Kdb, options: { orderId?: string; now?: Date } = {}): Promise<number> {
  let attempted = 0;
  for (let round = 0; round < ROUNDS_MAX; round++) {
    const now = options.now && options.now > new Date() ? options.now : new Date();
    const calls = await claim(db, now, options.orderId, PAYMENT_BATCH_MAX);
    if (calls.length === 0) break;
    for (const call of calls) await execute(db, call);
    attempted += calls.length;
  }
  return attempted;
}
