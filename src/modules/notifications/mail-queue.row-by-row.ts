// The sender's SQL as it was before it went a pass at a time: the claim selects the due
// mails and leases them with one update each (in a transaction), and every outcome is its
// own update. Kept only as the baseline of bench/senders.bench.ts (`rowByRow: true` on a
// pass), so the before and after are measured in the same command; the sender does not
// use it otherwise.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { transaction } from '../../platform/http/index.ts';
import { clockSql } from '../../platform/outbox/index.ts';
import type { ClaimedMail, MailOutcome } from './mail-queue.repository.ts';

/** Claims due pending mails and leases them one update at a time (committed before sending). */
export async function claimDueMailsRowByRow(db: Kdb, limit: number, leaseMs: number, now: Date | undefined): Promise<ClaimedMail[]> {
  return transaction(db, async (trx) => {
    const rows = await trx.selectFrom('notifications')
      .select(['tenant_id', 'id', 'recipient', 'subject', 'body_text', 'body_html', 'template', 'attempts', 'last_error', 'next_attempt_at as due', clockSql(now).as('now')])
      .where('status', '=', 'pending').where('next_attempt_at', '<=', clockSql(now))
      .orderBy('next_attempt_at').orderBy('id').limit(limit)
      .forUpdate().skipLocked()
      .execute();
    for (const row of rows) {
      await trx.updateTable('notifications')
        .set({ attempts: row.attempts + 1, next_attempt_at: new Date(new Date(row.now).getTime() + leaseMs) })
        .where('tenant_id', '=', row.tenant_id).where('id', '=', row.id).execute();
    }
    return rows.map((row) => ({ ...row, attempts: row.attempts + 1, due: new Date(row.due), now: new Date(row.now) }));
  });
}

/** Records one try's outcome, unless the mail was claimed again meanwhile (its lease ran out). */
export async function recordMailOutcome(db: Kdb, mail: ClaimedMail, outcome: MailOutcome): Promise<void> {
  const fields = outcome.kind === 'sent' ? { status: 'sent' as const, smtp_response: outcome.response.slice(0, 500), last_error: null, sent_at: sql<Date>`now()` }
    : outcome.kind === 'logged' ? { status: 'logged' as const, last_error: null, sent_at: sql<Date>`now()` }
      : outcome.kind === 'retry' ? { last_error: outcome.error, next_attempt_at: outcome.nextAttemptAt }
        : outcome.kind === 'failed' ? { status: 'failed' as const, last_error: outcome.error }
          : { attempts: mail.attempts - 1, next_attempt_at: mail.due };
  await db.updateTable('notifications').set(fields)
    .where('tenant_id', '=', mail.tenant_id).where('id', '=', mail.id)
    .where('status', '=', 'pending').where('attempts', '=', mail.attempts)
    .execute();
}
