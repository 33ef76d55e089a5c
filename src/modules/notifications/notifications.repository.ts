// SQL for notifications: written by the relay (one per event and template) and listed per
// order. The sender's claims and outcomes are in mail-queue.repository.ts.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { iso } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
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
