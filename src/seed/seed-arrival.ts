// This morning's delivery: the first rain jackets of the pre-order arrived at the east
// warehouse. The receipt goes through the inventory ledger, and the arrival hands the
// units to the oldest waiting backorders (fulfillment's allocateBackorders runs in the
// receipt's transaction), so those orders join the pick queue. The boot care kits are
// still on their way: their orders stay backordered.
import { transaction } from '../platform/http/index.ts';
import { adjustWithArrival } from '../modules/inventory/index.ts';
import { allocateBackorders } from '../modules/fulfillment/index.ts';
import type { SeedContext } from './seed-context.ts';

const ARRIVAL = [{ sku: 'JACKET-RAIN-M', quantity: 6 }, { sku: 'JACKET-RAIN-L', quantity: 6 }];

export async function seedPreorderArrival(ctx: SeedContext): Promise<void> {
  await transaction(ctx.db, async (trx) => {
    for (const { sku, quantity } of ARRIVAL) {
      await adjustWithArrival(trx, ctx.tenantId, ctx.who.actor, { sku, location: 'WH-EAST', delta: quantity, reason: 'receipt', note: 'first pre-order delivery' }, allocateBackorders);
    }
  });
}
