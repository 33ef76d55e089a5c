// SQL for notifications: written by the relay (one per event and template), claimed by
// the sender with SKIP LOCKED and a lease (attempts + 1, next try pushed past the lease)
// before any SMTP conversation starts, so no transaction stays open while mail is sent.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { iso, transaction } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import { clockSql } from '../../platform/outbox/index.ts';
import type { NotificationDraft } from './render.ts';

/** Stores a rendered mail; the same event never stores the same template twice. */
export async function insertNotification(trx: Kdb, tenantId: string, outboxId: number, draft: NotificationDraft): Promise<void> {
  await trx.insertInto('notifications').values({
    tenant_id: tenantId, id: newId('ntf'), order_id: draft.orderId, outbox_id: outboxId, template: draft.template,
    recipient: draft.recipient, subject: draft.mail.subject, body_text: draft.mail.text, body_html: draft.mail.html, status: 'pending',
  }).onConflict((oc) => oc.columns(['tenant_id', 'outbox_id', 'template']).where('outbox_id', 'is not', null).doNothing()).execute();
}

/**
 * Stores the mails of several events in one statement, as insertNotification does one by
 * one. The rows travel as one JSON parameter, so the statement text never changes with
 * their number (one prepared statement).
 */
export async function insertNotificationsOfEvents(trx: Kdb, mails: readonly { tenantId: string; outboxId: number; draft: NotificationDraft }[]): Promise<void> {
  if (mails.length === 0) return;
  const rows = JSON.stringify(mails.map(({ tenantId, outboxId, draft }) => ({
    tenant_id: tenantId, id: newId('ntf'), order_id: draft.orderId, outbox_id: outboxId, template: draft.template,
    recipient: draft.recipient, subject: draft.mail.subject, body_text: draft.mail.text, body_html: draft.mail.html,
  })));
  await sql`
    insert into notifications (tenant_id, id, order_id, outbox_id, template, recipient, subject, body_text, body_html, status)
    select r.tenant_id, r.id, r.order_id, r.outbox_id, r.template, r.recipient, r.subject, r.body_text, r.body_html, 'pending'
      from json_to_recordset(${rows}::json)
        as r(tenant_id text, id text, order_id text, outbox_id bigint, template text, recipient text, subject text, body_text text, body_html text)
    on conflict (tenant_id, outbox_id, template) where outbox_id is not null do nothing`.execute(trx);
}

export interface ClaimedNotification {
  tenant_id: string; id: string; recipient: string; subject: string; body_text: string; body_html: string | null;
  template: string; attempts: number; now: Date;
}

/** Claims due pending mails and leases them (committed before sending). */
export async function claimDueNotifications(db: Kdb, limit: number, leaseMs: number, now: Date | undefined): Promise<ClaimedNotification[]> {
  return transaction(db, async (trx) => {
    const rows = await trx.selectFrom('notifications')
      .select(['tenant_id', 'id', 'recipient', 'subject', 'body_text', 'body_html', 'template', 'attempts', clockSql(now).as('now')])
      .where('status', '=', 'pending').where('next_attempt_at', '<=', clockSql(now))
      .orderBy('next_attempt_at').orderBy('id').limit(limit)
      .forUpdate().skipLocked()
      .execute();
    for (const row of rows) {
      await trx.updateTable('notifications')
        .set({ attempts: row.attempts + 1, next_attempt_at: new Date(new Date(row.now).getTime() + leaseMs) })
        .where('tenant_id', '=', row.tenant_id).where('id', '=', row.id).execute();
    }
    return rows.map((row) => ({ ...row, attempts: row.attempts + 1, now: new Date(row.now) }));
  });
}

export type SendOutcome =
  | { kind: 'sent'; response: string }
  | { kind: 'logged' }
  | { kind: 'retry'; error: string; nextAttemptAt: Date }
  | { kind: 'failed'; error: string };

/** Records a try's outcome, unless the mail was claimed again meanwhile (its lease ran out). */
export async function recordSendOutcome(db: Kdb, mail: ClaimedNotification, outcome: SendOutcome): Promise<void> {
  const fields = outcome.kind === 'sent' ? { status: 'sent' as const, smtp_response: outcome.response.slice(0, 500), last_error: null, sent_at: sql<Date>`now()` }
    : outcome.kind === 'logged' ? { status: 'logged' as const, last_error: null, sent_at: sql<Date>`now()` }
      : outcome.kind === 'retry' ? { last_error: outcome.error, next_attempt_at: outcome.nextAttemptAt }
        : { status: 'failed' as const, last_error: outcome.error };
  await db.updateTable('notifications').set(fields)
    .where('tenant_id', '=', mail.tenant_id).where('id', '=', mail.id)
    .where('status', '=', 'pending').where('attempts', '=', mail.attempts)
    .execute();
}

/** An order's mails, oldest first. */
export async function listOrderNotifications(db: Kdb, tenantId: string, orderId: string) {
  const rows = await db.selectFrom('notifications')
    .select(['id', 'template', 'recipient', 'subject', 'body_text', 'body_html', 'status', 'attempts', 'next_attempt_at', 'last_error', 'sent_at', 'created_at'])
    .where('tenant_id', '=', tenantId).where('order_id', '=', orderId).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, template: r.template, recipient: r.recipient, subject: r.subject, status: r.status, attempts: r.attempts,
    next_attempt_at: r.status === 'pending' ? iso(r.next_attempt_at) : null, last_error: r.last_error,
    sent_at: iso(r.sent_at), created_at: iso(r.created_at), body_text: r.body_text, body_html: r.body_html,
  }));
}
