// The shop's settings, through the same services the settings pages call: box sizes,
// carrier services, hold rules, the return policy and the routing rules.
import { transaction } from '../platform/http/index.ts';
import { createBox } from '../modules/packing/index.ts';
import { createCarrierService } from '../modules/shipping/index.ts';
import { createHoldRule } from '../modules/holds/index.ts';
import { putReturnPolicy } from '../modules/returns/index.ts';
import { upsertRoutingSettings } from '../modules/routing/index.ts';
import { DEMO_BOXES, DEMO_CARRIER_SERVICES, DEMO_HOLD_RULES, DEMO_RETURN_POLICY, DEMO_ROUTING } from './demo-settings.ts';
import type { SeedContext } from './seed-context.ts';

/** The demo merchant's name, shown on the customer pages. */
export const DEMO_SHOP_NAME = 'Ordo Demo Outfitters';

export async function seedSettings(ctx: SeedContext): Promise<void> {
  const { tenantId } = ctx;
  await transaction(ctx.db, async (trx) => {
    for (const box of DEMO_BOXES) await createBox(trx, tenantId, box);
    for (const service of DEMO_CARRIER_SERVICES) await createCarrierService(trx, tenantId, service);
    for (const rule of DEMO_HOLD_RULES) await createHoldRule(trx, tenantId, rule);
    await putReturnPolicy(trx, tenantId, DEMO_RETURN_POLICY);
    await upsertRoutingSettings(trx, tenantId, DEMO_ROUTING);
    // The customer pages greet with the merchant's name: give the demo shop one (a tenant
    // someone already named keeps its name).
    await trx.updateTable('tenants').set({ name: DEMO_SHOP_NAME }).where('id', '=', tenantId).where('name', '=', 'Default').execute();
  });
}
