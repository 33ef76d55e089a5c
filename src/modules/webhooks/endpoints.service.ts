// Webhook endpoints: where events are POSTed, for which topics, signed with which secret.
// The secret is kept in clear (it signs every delivery) and shown only in the answer to
// the create; lists and reads never show it.
import { sql, type Selectable } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import type { WebhookEndpointsTable } from '../../platform/db/schema-after-sales.ts';
import { iso, notFound, Problem, type ProblemFieldError } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import { isTopicPattern } from '../../platform/outbox/index.ts';
import { newWebhookSecret } from './signature.ts';
import type { WebhookInput } from './webhook.schemas.ts';

type EndpointRow = Selectable<WebhookEndpointsTable>;

export interface WebhookView { id: string; url: string; topics: string[]; active: boolean; created_at: string }

export function toWebhookView(row: EndpointRow): WebhookView {
  return { id: row.id, url: row.url, topics: row.topics, active: row.active, created_at: iso(row.created_at) ?? '' };
}

/** Field errors of a URL Ordo will not POST to: anything but http(s), or with credentials in it. */
export function webhookUrlErrors(url: string): ProblemFieldError[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [{ path: 'url', message: 'is not a valid URL' }];
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return [{ path: 'url', message: 'must be an http:// or https:// URL' }];
  if (parsed.username || parsed.password) return [{ path: 'url', message: 'must not carry credentials; verify the signature instead' }];
  return [];
}

function validate(input: WebhookInput): void {
  const errors = [
    ...webhookUrlErrors(input.url),
    ...input.topics.flatMap((topic, i) => (isTopicPattern(topic) ? [] : [{ path: `topics[${i}]`, message: "must be a topic such as 'order.created', a prefix such as 'order.*', or '*'" }])),
  ];
  if (errors.length > 0) throw new Problem('validation_failed', `${errors[0]!.path} ${errors[0]!.message}`, { errors });
}

/** Creates an endpoint; the answer carries the secret, the only time it is shown. */
export async function createWebhook(trx: Kdb, tenantId: string, input: WebhookInput): Promise<WebhookView & { secret: string }> {
  validate(input);
  const row = await trx.insertInto('webhook_endpoints')
    .values({ tenant_id: tenantId, id: newId('whk'), url: input.url, secret: newWebhookSecret(), topics: input.topics })
    .returningAll().executeTakeFirstOrThrow();
  return { ...toWebhookView(row), secret: row.secret };
}

/** The tenant's endpoints (deleted ones are not listed), oldest first. */
export async function listWebhooks(db: Kdb, tenantId: string): Promise<WebhookView[]> {
  const rows = await db.selectFrom('webhook_endpoints').selectAll().where('tenant_id', '=', tenantId).where('active', '=', true).orderBy('id').execute();
  return rows.map(toWebhookView);
}

/** An endpoint that is not deleted, or a 404. */
export async function getWebhook(db: Kdb, tenantId: string, id: string): Promise<WebhookView> {
  const row = await db.selectFrom('webhook_endpoints').selectAll()
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('active', '=', true).executeTakeFirst();
  if (!row) throw notFound('Webhook', id);
  return toWebhookView(row);
}

/**
 * Deletes an endpoint: it receives nothing more and its pending deliveries fail. The row
 * stays (inactive) so its delivery history can still be read.
 */
export async function deleteWebhook(trx: Kdb, tenantId: string, id: string): Promise<void> {
  const result = await trx.updateTable('webhook_endpoints').set({ active: false })
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('active', '=', true).executeTakeFirst();
  if (result.numUpdatedRows !== 1n) throw notFound('Webhook', id);
  await trx.updateTable('webhook_deliveries').set({ status: 'failed', last_error: 'endpoint deleted', next_attempt_at: sql`now()` })
    .where('tenant_id', '=', tenantId).where('endpoint_id', '=', id).where('status', '=', 'pending').execute();
}

/** The endpoint row, deleted or not (for its delivery history), or a 404. */
export async function findEndpointForHistory(db: Kdb, tenantId: string, id: string): Promise<EndpointRow> {
  const row = await db.selectFrom('webhook_endpoints').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Webhook', id);
  return row;
}
