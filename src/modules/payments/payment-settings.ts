// Per-tenant payment settings; a tenant without a row uses the defaults.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { iso } from '../../platform/http/index.ts';

export const DECLINED_HOLD_MINUTES_DEFAULT = 4320;

export async function getPaymentSettings(db: Kdb, tenantId: string) {
  const row = await db.selectFrom('payment_settings').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  return { declined_hold_minutes: row?.declined_hold_minutes ?? DECLINED_HOLD_MINUTES_DEFAULT, updated_at: iso(row?.updated_at) };
}

export async function putPaymentSettings(trx: Kdb, tenantId: string, input: { declined_hold_minutes: number }) {
  await trx.insertInto('payment_settings').values({ tenant_id: tenantId, declined_hold_minutes: input.declined_hold_minutes })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ declined_hold_minutes: input.declined_hold_minutes, updated_at: sql`now()` }))
    .execute();
  return getPaymentSettings(trx, tenantId);
}
