// The delivery worker's SQL as it was before it went a pass at a time: the claim selects
// the due deliveries and leases them with one update each (in a transaction), and every
// outcome is its own update. Kept only as the baseline of bench/senders.bench.ts
// (`rowByRow: true` on a pass), so the before and after are measured in the same command.
import type { Kdb } from '../../platform/db/index.ts';
import { transaction } from '../../platform/http/index.ts';
import { clockSql } from '../../platform/outbox/index.ts';
import type { WebhookEnvelope } from './deliveries.repository.ts';
import type { ClaimedDelivery, DeliveryOutcome } from './delivery-queue.repository.ts';

/** Claims due deliveries of active endpoints and leases them one update at a time (committed before any POST). */
export async function claimDueDeliveriesRowByRow(db: Kdb, limit: number, leaseMs: number, now: Date | undefined): Promise<ClaimedDelivery[]> {
  return transaction(db, async (trx) => {
    const rows = await trx.selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_endpoints as e', (j) => j.onRef('e.tenant_id', '=', 'd.tenant_id').onRef('e.id', '=', 'd.endpoint_id'))
      .select(['d.tenant_id', 'd.id', 'd.endpoint_id', 'd.topic', 'd.payload', 'd.attempts', 'e.url', 'e.secret',
        'd.last_status', 'd.last_error', 'd.next_attempt_at as due', clockSql(now).as('now')])
      .where('d.status', '=', 'pending').where('d.next_attempt_at', '<=', clockSql(now)).where('e.active', '=', true)
      .orderBy('d.next_attempt_at').orderBy('d.id').limit(limit)
      .forUpdate(['d']).skipLocked()
      .execute();
    for (const row of rows) {
      await trx.updateTable('webhook_deliveries')
        .set({ attempts: row.attempts + 1, next_attempt_at: new Date(new Date(row.now).getTime() + leaseMs) })
        .where('tenant_id', '=', row.tenant_id).where('id', '=', row.id).execute();
    }
    return rows.map((row) => ({
      ...row, payload: row.payload as unknown as WebhookEnvelope, attempts: row.attempts + 1, due: new Date(row.due), now: new Date(row.now),
    }));
  });
}

/** Records the outcome of one try, unless the row was claimed again meanwhile (its lease ran out). */
export async function recordDeliveryOutcome(db: Kdb, delivery: ClaimedDelivery, outcome: DeliveryOutcome, now: Date): Promise<void> {
  const fields = outcome.kind === 'delivered'
    ? { status: 'delivered' as const, last_status: outcome.status, last_error: null, delivered_at: now }
    : outcome.kind === 'retry'
      ? { last_status: outcome.status, last_error: outcome.error, next_attempt_at: outcome.nextAttemptAt }
      : outcome.kind === 'failed'
        ? { status: 'failed' as const, last_status: outcome.status, last_error: outcome.error }
        : { attempts: delivery.attempts - 1, next_attempt_at: delivery.due };
  await db.updateTable('webhook_deliveries').set(fields)
    .where('tenant_id', '=', delivery.tenant_id).where('id', '=', delivery.id)
    .where('status', '=', 'pending').where('attempts', '=', delivery.attempts)
    .execute();
}
