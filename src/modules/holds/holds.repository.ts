// SQL for typed holds. The order row lock taken here (lockOrderStatus) serializes every
// hold decision on one order, so two holds or a hold and a release cannot interleave.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import type { HoldType } from '../../platform/db/schema-payments.ts';
import { newId } from '../../platform/ids.ts';

export interface HoldRow {
  id: string; order_id: string; type: HoldType; reason: string | null; rule_id: string | null; created_by: string;
  created_at: Date; released_at: Date | null; released_by: string | null; expires_at: Date | null; expired_at: Date | null;
}

/** The order's status and number, locked for the rest of the transaction. */
export async function lockOrderStatus(trx: Kdb, tenantId: string, orderId: string): Promise<{ status: string; number: number } | undefined> {
  const { rows } = await sql<{ status: string; number: number }>`select status, number from orders where tenant_id = ${tenantId} and id = ${orderId} for update`.execute(trx);
  return rows[0];
}

export interface NewHold { orderId: string; type: HoldType; reason: string | null; ruleId?: string | null; createdBy: string; expiresAt?: Date | null }

export async function insertHolds(trx: Kdb, tenantId: string, holds: readonly NewHold[]): Promise<HoldRow[]> {
  if (holds.length === 0) return [];
  return trx.insertInto('order_holds').values(holds.map((h) => ({
    tenant_id: tenantId, id: newId('hld'), order_id: h.orderId, type: h.type, reason: h.reason, rule_id: h.ruleId ?? null,
    created_by: h.createdBy, released_at: null, released_by: null, expires_at: h.expiresAt ?? null, expired_at: null,
  }))).returning(['id', 'order_id', 'type', 'reason', 'rule_id', 'created_by', 'created_at', 'released_at', 'released_by', 'expires_at', 'expired_at']).execute();
}

export async function activeHolds(db: Kdb, tenantId: string, orderId: string): Promise<HoldRow[]> {
  return db.selectFrom('order_holds').selectAll().where('tenant_id', '=', tenantId).where('order_id', '=', orderId)
    .where('released_at', 'is', null).orderBy('created_at').orderBy('id').execute();
}

/** Every hold of the given orders (active and released), oldest first. */
export async function holdsOf(db: Kdb, tenantId: string, orderIds: readonly string[]): Promise<HoldRow[]> {
  if (orderIds.length === 0) return [];
  return db.selectFrom('order_holds').selectAll().where('tenant_id', '=', tenantId).where('order_id', 'in', [...orderIds])
    .orderBy('created_at').orderBy('id').execute();
}

/** Releases the given active holds; answers those it released. */
export async function markReleased(trx: Kdb, tenantId: string, holdIds: readonly string[], actor: string): Promise<HoldRow[]> {
  if (holdIds.length === 0) return [];
  return trx.updateTable('order_holds').set({ released_at: sql`now()`, released_by: actor })
    .where('tenant_id', '=', tenantId).where('id', 'in', [...holdIds]).where('released_at', 'is', null)
    .returningAll().execute();
}
