// SQL for webhook deliveries: one row per (endpoint, event), queued by the relay and
// listed per endpoint. The delivery worker claims them with SKIP LOCKED and a lease, so
// several workers share them and a worker that dies mid-POST leaves the row to be tried
// again once the lease runs out (delivery-queue.repository.ts).
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { decodeCursor, iso, toPage } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';

export interface WebhookEnvelope { id: string; topic: string; created_at: string; data: Record<string, unknown> }

/** Queues the event for each endpoint; an event already queued for an endpoint is left alone. */
export async function insertDeliveries(trx: Kdb, tenantId: string, endpointIds: readonly string[], outboxId: number, envelope: WebhookEnvelope): Promise<void> {
  if (endpointIds.length === 0) return;
  await trx.insertInto('webhook_deliveries')
    .values(endpointIds.map((endpointId) => ({
      tenant_id: tenantId, id: newId('dlv'), endpoint_id: endpointId, outbox_id: outboxId, topic: envelope.topic,
      payload: JSON.stringify(envelope), status: 'pending' as const,
    })))
    .onConflict((oc) => oc.columns(['tenant_id', 'endpoint_id', 'outbox_id']).doNothing())
    .execute();
}

/** Active endpoints of the tenant, with their topic patterns. */
export async function activeEndpoints(trx: Kdb, tenantId: string): Promise<{ id: string; topics: string[] }[]> {
  return trx.selectFrom('webhook_endpoints').select(['id', 'topics']).where('tenant_id', '=', tenantId).where('active', '=', true).execute();
}

/** Active endpoints of several tenants in one query, by tenant (a tenant without any is absent). */
export async function activeEndpointsByTenant(trx: Kdb, tenantIds: readonly string[]): Promise<Map<string, { id: string; topics: string[] }[]>> {
  const byTenant = new Map<string, { id: string; topics: string[] }[]>();
  if (tenantIds.length === 0) return byTenant;
  // An array parameter, not `in (…)`: one statement text (one prepared statement) for any count.
  const rows = await trx.selectFrom('webhook_endpoints').select(['tenant_id', 'id', 'topics'])
    .where(sql<boolean>`tenant_id = any(${[...tenantIds]}::text[])`).where('active', '=', true)
    .orderBy('tenant_id').orderBy('id').execute();
  for (const row of rows) {
    const list = byTenant.get(row.tenant_id) ?? [];
    list.push({ id: row.id, topics: row.topics });
    byTenant.set(row.tenant_id, list);
  }
  return byTenant;
}

/** One delivery to queue: an event for an endpoint. */
export interface DeliveryToQueue { tenantId: string; endpointId: string; outboxId: number; envelope: WebhookEnvelope }

/**
 * Queues deliveries of any number of events and tenants in one statement, as
 * insertDeliveries does per event (a pair already queued is left alone). The rows travel
 * as one JSON parameter, so the statement text never changes with their number.
 */
export async function insertDeliveriesOfEvents(trx: Kdb, deliveries: readonly DeliveryToQueue[]): Promise<void> {
  if (deliveries.length === 0) return;
  const rows = JSON.stringify(deliveries.map((d) => ({
    tenant_id: d.tenantId, id: newId('dlv'), endpoint_id: d.endpointId, outbox_id: d.outboxId, topic: d.envelope.topic, payload: d.envelope,
  })));
  await sql`
    insert into webhook_deliveries (tenant_id, id, endpoint_id, outbox_id, topic, payload, status)
    select r.tenant_id, r.id, r.endpoint_id, r.outbox_id, r.topic, r.payload, 'pending'
      from json_to_recordset(${rows}::json) as r(tenant_id text, id text, endpoint_id text, outbox_id bigint, topic text, payload jsonb)
    on conflict (tenant_id, endpoint_id, outbox_id) do nothing`.execute(trx);
}

/** An endpoint's deliveries, newest first. */
export async function listDeliveries(db: Kdb, tenantId: string, endpointId: string, filter: { status?: string | undefined; limit: number; cursor?: string | undefined }) {
  let query = db.selectFrom('webhook_deliveries')
    .select(['id', 'outbox_id', 'topic', 'payload', 'status', 'attempts', 'next_attempt_at', 'last_status', 'last_error', 'delivered_at', 'created_at'])
    .where('tenant_id', '=', tenantId).where('endpoint_id', '=', endpointId);
  if (filter.status) query = query.where('status', '=', filter.status as 'pending');
  const after = decodeCursor(filter.cursor);
  if (after) query = query.where('id', '<', after);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
  const page = toPage(rows, filter.limit);
  return {
    data: page.data.map((r) => ({
      id: r.id, event_id: (r.payload as unknown as WebhookEnvelope).id, topic: r.topic, status: r.status, attempts: r.attempts,
      next_attempt_at: r.status === 'pending' ? iso(r.next_attempt_at) : null, last_status: r.last_status, last_error: r.last_error,
      delivered_at: iso(r.delivered_at), created_at: iso(r.created_at), payload: r.payload,
    })),
    next_cursor: page.next_cursor,
  };
}

/** Counts by status (for tests and operators). */
export async function deliveryCounts(db: Kdb, tenantId: string): Promise<Record<string, number>> {
  const rows = await db.selectFrom('webhook_deliveries').select(['status', sql<number>`count(*)::int`.as('n')])
    .where('tenant_id', '=', tenantId).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
