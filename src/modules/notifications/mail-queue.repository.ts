// The sender's SQL, a pass at a time: one statement claims and leases a batch of due mails,
// one statement records the outcomes of all of them. Per-row statements were what the
// sender cost under load (each round trip waits its turn for a busy CPU); the row-by-row
// form it replaced is kept in mail-queue.row-by-row.ts as the benchmark's baseline.
//
// The claim is written so the partial index `notifications_pending (next_attempt_at) where
// status = 'pending'` serves it whatever plan PostgreSQL picks:
// - `status = 'pending'` is in the SQL text, not a parameter: a generic plan cannot prove
//   that `status = $1` matches the index's predicate, and prepared statements run generic
//   plans (always inside a transaction, see prepared-pool.ts; outside one once PostgreSQL
//   finds them as cheap). The claim did, in a transaction, and scanned and sorted the
//   whole table, every mail ever sent: 25 ms at 30,000 rows against 0.04 ms by the index;
// - ordered by `next_attempt_at` alone, the index's order, so the scan stops after `limit`
//   rows (with `id` as a tie-breaker it reads and sorts the whole group sharing a due
//   time, up to the 200 mails a relay batch stores with one now(): little next to the
//   lease's update, but for nothing; the pass sorts its claimed rows itself);
// - the limit is in the text too (batch sizes are a few constants): with `limit $1` a
//   generic plan does not know the batch is small and joined the claimed rows back by
//   hashing a sequential scan of the table.
// What the index scan still walks are the entries of rows already sent (and of their
// leases): a scan marks an entry dead once its row is dead to every open transaction, and
// later scans skip it, but while a long transaction holds them they are visited every
// time (about 1.5 ms a claim with 20,000 sent rows behind an old snapshot, 0.04 ms once
// marked). No lease can avoid them: it has to change `next_attempt_at` (or `status`), both
// in the index, so neither the lease nor the outcome can be a HOT update.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { batchLimitSql, clockSql } from '../../platform/outbox/index.ts';

export interface ClaimedMail {
  tenant_id: string; id: string; recipient: string; subject: string; body_text: string; body_html: string | null;
  template: string;
  /** The attempts after this claim (this try's number); the outcome is recorded only while the row still has it. */
  attempts: number;
  /** The row's last_error when claimed: kept when the mail is handed back unsent. */
  last_error: string | null;
  /** When the mail was due before the claim leased it: sending goes oldest first, and a mail handed back is due again then. */
  due: Date;
  /** The clock's reading at the claim (the database's, or the test's). */
  now: Date;
}

/**
 * Claims up to `limit` due mails in one statement, oldest first, skipping rows another
 * sender has locked, and leases them: attempts + 1 and the next try pushed `leaseMs` past
 * now. Runs on its own (autocommit), so the lease is committed before anything is sent,
 * and a sender that dies mid-send leaves its mails to whoever claims them after the lease.
 */
export async function claimDueMails(db: Kdb, limit: number, leaseMs: number, now: Date | undefined): Promise<ClaimedMail[]> {
  const clock = clockSql(now);
  const { rows } = await sql<ClaimedMail>`
    update notifications n
       set attempts = n.attempts + 1, next_attempt_at = c.now + ${leaseMs}::double precision * interval '1 millisecond'
      from (select tenant_id, id, next_attempt_at as due, ${clock} as now
              from notifications
             where status = 'pending' and next_attempt_at <= ${clock}
             order by next_attempt_at
             limit ${batchLimitSql(limit)}
               for update skip locked) c
     where n.tenant_id = c.tenant_id and n.id = c.id
    returning n.tenant_id, n.id, n.recipient, n.subject, n.body_text, n.body_html, n.template, n.attempts, n.last_error, c.due, c.now`.execute(db);
  // RETURNING comes in no particular order; the caller sends oldest first.
  return rows
    .map((row) => ({ ...row, due: new Date(row.due), now: new Date(row.now) }))
    .sort((a, b) => a.due.getTime() - b.due.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type MailOutcome =
  | { kind: 'sent'; response: string }
  | { kind: 'logged' }
  | { kind: 'retry'; error: string; nextAttemptAt: Date }
  | { kind: 'failed'; error: string }
  /** Not tried in this pass (its time ran out first): handed back as if never claimed. */
  | { kind: 'unsent' };

/** What a row becomes for an outcome; next_attempt_at null keeps the lease's value (a finished row is never claimed again). */
function outcomeRow(mail: ClaimedMail, outcome: MailOutcome) {
  const base = { tenant_id: mail.tenant_id, id: mail.id, claimed_attempts: mail.attempts };
  switch (outcome.kind) {
    case 'sent': return { ...base, status: 'sent', attempts: mail.attempts, next_attempt_at: null, last_error: null, smtp_response: outcome.response.slice(0, 500), sent: true };
    case 'logged': return { ...base, status: 'logged', attempts: mail.attempts, next_attempt_at: null, last_error: null, smtp_response: null, sent: true };
    case 'retry': return { ...base, status: 'pending', attempts: mail.attempts, next_attempt_at: outcome.nextAttemptAt, last_error: outcome.error, smtp_response: null, sent: false };
    case 'failed': return { ...base, status: 'failed', attempts: mail.attempts, next_attempt_at: null, last_error: outcome.error, smtp_response: null, sent: false };
    case 'unsent': return { ...base, status: 'pending', attempts: mail.attempts - 1, next_attempt_at: mail.due, last_error: mail.last_error, smtp_response: null, sent: false };
  }
}

/**
 * Records the outcomes of a pass in one statement. A mail's outcome is recorded only while
 * it is still pending with the attempts of this claim: when its lease ran out and another
 * sender claimed it again (attempts moved on), the newer claim's outcome is the one that
 * counts, and this late one is dropped. Returns how many were recorded.
 *
 * The rows travel as one JSON parameter, so the statement text never changes with their
 * number (one prepared statement). A pending row has no smtp_response or sent_at, so
 * setting them for every outcome keeps what the per-row updates left.
 */
export async function recordMailOutcomes(db: Kdb, outcomes: readonly { mail: ClaimedMail; outcome: MailOutcome }[]): Promise<number> {
  if (outcomes.length === 0) return 0;
  const rows = JSON.stringify(outcomes.map(({ mail, outcome }) => outcomeRow(mail, outcome)));
  const result = await sql`
    update notifications n
       set status = o.status, attempts = o.attempts, next_attempt_at = coalesce(o.next_attempt_at, n.next_attempt_at),
           last_error = o.last_error, smtp_response = o.smtp_response, sent_at = case when o.sent then now() end
      from json_to_recordset(${rows}::json)
        as o(tenant_id text, id text, claimed_attempts integer, status text, attempts integer, next_attempt_at timestamptz,
             last_error text, smtp_response text, sent boolean)
     where n.tenant_id = o.tenant_id and n.id = o.id and n.status = 'pending' and n.attempts = o.claimed_attempts`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}
