// The delivery worker's SQL, a pass at a time: one statement claims and leases a batch of
// due deliveries (with their endpoints' URLs and secrets), one statement records the
// outcomes of all of them. The row-by-row form it replaced is kept in
// delivery-queue.row-by-row.ts as the benchmark's baseline.
//
// The claim is written so the partial index `webhook_deliveries_pending (next_attempt_at)
// where status = 'pending'` serves it under any plan, for the reasons given in
// ../notifications/mail-queue.repository.ts: `status = 'pending'` and the limit are in the
// SQL text (a generic plan cannot match `status = $1` to the index's predicate, and with
// `limit $1` it does not know the batch is small), and the rows are taken in the index's
// order, `next_attempt_at` alone, so the scan stops after `limit` rows.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { batchLimitSql, clockSql } from '../../platform/outbox/index.ts';
import type { WebhookEnvelope } from './deliveries.repository.ts';

export interface ClaimedDelivery {
  tenant_id: string; id: string; endpoint_id: string; topic: string; payload: WebhookEnvelope;
  /** The attempts after this claim (this try's number); the outcome is recorded only while the row still has it. */
  attempts: number;
  url: string; secret: string;
  /** The row's last answer when claimed: kept when the delivery is handed back unsent. */
  last_status: number | null; last_error: string | null;
  /** When the delivery was due before the claim leased it: POSTs go oldest first, and one handed back is due again then. */
  due: Date;
  /** The clock's reading at the claim (the database's, or the test's). */
  now: Date;
}

/**
 * Claims up to `limit` due deliveries of active endpoints in one statement, oldest first,
 * skipping rows another worker has locked, and leases them: attempts + 1 and the next try
 * pushed `leaseMs` past now. Runs on its own (autocommit), so the lease is committed
 * before any POST is made.
 */
export async function claimDueDeliveries(db: Kdb, limit: number, leaseMs: number, now: Date | undefined): Promise<ClaimedDelivery[]> {
  const clock = clockSql(now);
  const { rows } = await sql<ClaimedDelivery>`
    update webhook_deliveries d
       set attempts = d.attempts + 1, next_attempt_at = c.now + ${leaseMs}::double precision * interval '1 millisecond'
      from (select p.tenant_id, p.id, p.next_attempt_at as due, e.url, e.secret, ${clock} as now
              from webhook_deliveries p
              join webhook_endpoints e on e.tenant_id = p.tenant_id and e.id = p.endpoint_id
             where p.status = 'pending' and p.next_attempt_at <= ${clock} and e.active
             order by p.next_attempt_at
             limit ${batchLimitSql(limit)}
               for update of p skip locked) c
     where d.tenant_id = c.tenant_id and d.id = c.id
    returning d.tenant_id, d.id, d.endpoint_id, d.topic, d.payload, d.attempts, c.url, c.secret, d.last_status, d.last_error, c.due, c.now`.execute(db);
  // RETURNING comes in no particular order; the worker POSTs oldest first.
  return rows
    .map((row) => ({ ...row, due: new Date(row.due), now: new Date(row.now) }))
    .sort((a, b) => a.due.getTime() - b.due.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type DeliveryOutcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'retry'; status: number | null; error: string; nextAttemptAt: Date }
  | { kind: 'failed'; status: number | null; error: string }
  /** Not tried in this pass (its time ran out first): handed back as if never claimed. */
  | { kind: 'unsent' };

/** What a row becomes for an outcome; next_attempt_at null keeps the lease's value (a finished row is never claimed again). */
function outcomeRow(delivery: ClaimedDelivery, outcome: DeliveryOutcome, now: Date) {
  const base = { tenant_id: delivery.tenant_id, id: delivery.id, claimed_attempts: delivery.attempts };
  switch (outcome.kind) {
    case 'delivered': return { ...base, status: 'delivered', attempts: delivery.attempts, next_attempt_at: null, last_status: outcome.status, last_error: null, delivered_at: now };
    case 'retry': return { ...base, status: 'pending', attempts: delivery.attempts, next_attempt_at: outcome.nextAttemptAt, last_status: outcome.status, last_error: outcome.error, delivered_at: null };
    case 'failed': return { ...base, status: 'failed', attempts: delivery.attempts, next_attempt_at: null, last_status: outcome.status, last_error: outcome.error, delivered_at: null };
    case 'unsent': return { ...base, status: 'pending', attempts: delivery.attempts - 1, next_attempt_at: delivery.due, last_status: delivery.last_status, last_error: delivery.last_error, delivered_at: null };
  }
}

/**
 * Records the outcomes of a pass in one statement (`now` stamps delivered_at). A
 * delivery's outcome is recorded only while it is still pending with the attempts of this
 * claim: when its lease ran out and another worker claimed it again, or its endpoint was
 * deleted meanwhile (status failed), this late outcome is dropped. Returns how many were
 * recorded. One JSON parameter, so one statement text for any number of rows.
 */
export async function recordDeliveryOutcomes(db: Kdb, outcomes: readonly { delivery: ClaimedDelivery; outcome: DeliveryOutcome }[], now: Date): Promise<number> {
  if (outcomes.length === 0) return 0;
  const rows = JSON.stringify(outcomes.map(({ delivery, outcome }) => outcomeRow(delivery, outcome, now)));
  const result = await sql`
    update webhook_deliveries d
       set status = o.status, attempts = o.attempts, next_attempt_at = coalesce(o.next_attempt_at, d.next_attempt_at),
           last_status = o.last_status, last_error = o.last_error, delivered_at = o.delivered_at
      from json_to_recordset(${rows}::json)
        as o(tenant_id text, id text, claimed_attempts integer, status text, attempts integer, next_attempt_at timestamptz,
             last_status integer, last_error text, delivered_at timestamptz)
     where d.tenant_id = o.tenant_id and d.id = o.id and d.status = 'pending' and d.attempts = o.claimed_attempts`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}
