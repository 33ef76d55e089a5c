// The tenant's return policy: the window (days from delivery), SKUs that cannot be
// returned, the reasons a customer may give, the restocking fee and when shipping is
// refunded. A tenant that never saved one uses the defaults (the column defaults of
// return_policies, repeated here so reading needs no row).
import type { Kdb } from '../../platform/db/index.ts';
import { iso } from '../../platform/http/index.ts';
import type { ShippingRefundRule } from './return-refund.ts';

export interface ReturnPolicy {
  window_days: number;
  non_returnable_skus: string[];
  reasons: string[];
  restocking_fee_bps: number;
  shipping_refund: ShippingRefundRule;
}

export const DEFAULT_RETURN_POLICY: ReturnPolicy = {
  window_days: 30,
  non_returnable_skus: [],
  reasons: ['damaged', 'wrong_item', 'not_as_described', 'changed_mind', 'too_small', 'too_large', 'other'],
  restocking_fee_bps: 0,
  shipping_refund: 'if_all_returned',
};

export type ReturnPolicyView = ReturnPolicy & { updated_at: string | null };

/** The tenant's policy, defaults filled in. */
export async function getReturnPolicy(db: Kdb, tenantId: string): Promise<ReturnPolicyView> {
  const row = await db.selectFrom('return_policies').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!row) return { ...DEFAULT_RETURN_POLICY, updated_at: null };
  return {
    window_days: row.window_days, non_returnable_skus: row.non_returnable_skus, reasons: row.reasons,
    restocking_fee_bps: row.restocking_fee_bps, shipping_refund: row.shipping_refund, updated_at: iso(row.updated_at),
  };
}

/** Replaces the policy; an omitted field takes its default. Lists are de-duplicated, order kept. */
export async function putReturnPolicy(trx: Kdb, tenantId: string, input: Partial<ReturnPolicy>): Promise<ReturnPolicyView> {
  const merged = { ...DEFAULT_RETURN_POLICY, ...input };
  const values = {
    ...merged,
    non_returnable_skus: [...new Set(merged.non_returnable_skus)],
    reasons: [...new Set(merged.reasons)],
    updated_at: new Date(),
  };
  await trx.insertInto('return_policies').values({ tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values)).execute();
  return getReturnPolicy(trx, tenantId);
}
