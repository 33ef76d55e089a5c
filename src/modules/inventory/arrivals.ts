// Stock arrivals: adjustments that raise on_hand (receipt, count, correction) and transfers
// make units available at a location; the arrival hook (backorder allocation, wired in
// app.ts) runs in the same transaction so waiting orders get them before anyone else.
import type { Kdb } from '../../platform/db/index.ts';
import { adjustInventory, type AdjustmentInput, type LevelView } from './inventory.service.ts';
import type { StockArrivalHook } from './level-locks.ts';
import { transferInventory, type TransferInput, type TransferView } from './transfers.ts';

const ARRIVAL_REASONS: ReadonlySet<string> = new Set(['receipt', 'count', 'correction']);

/** Applies an adjustment; a raise of on_hand is an arrival and runs the hook. */
export async function adjustWithArrival(trx: Kdb, tenantId: string, actor: string, input: AdjustmentInput, onArrival: StockArrivalHook): Promise<LevelView> {
  const level = await adjustInventory(trx, tenantId, actor, input);
  if (input.delta > 0 && ARRIVAL_REASONS.has(input.reason)) {
    const ids = await trx.selectFrom('products as p')
      .innerJoin('locations as l', (j) => j.onRef('l.tenant_id', '=', 'p.tenant_id'))
      .select(['p.id as productId', 'l.id as locationId'])
      .where('p.tenant_id', '=', tenantId).where('p.sku', '=', input.sku).where('l.code', '=', input.location).executeTakeFirstOrThrow();
    await onArrival(trx, tenantId, actor, [ids]);
    return { ...level, ...(await levelAfter(trx, tenantId, ids)) };
  }
  return level;
}

/** Transfers units; their arrival at the destination runs the hook. */
export async function transferWithArrival(trx: Kdb, tenantId: string, actor: string, input: TransferInput, onArrival: StockArrivalHook): Promise<TransferView> {
  const { view, productId, toLocationId } = await transferInventory(trx, tenantId, actor, input);
  await onArrival(trx, tenantId, actor, [{ productId, locationId: toLocationId }]);
  return { ...view, to: { ...view.to, ...(await levelAfter(trx, tenantId, { productId, locationId: toLocationId })) } };
}

/** The level's numbers after the hook may have reserved some of the new units. */
async function levelAfter(trx: Kdb, tenantId: string, ids: { productId: string; locationId: string }) {
  const row = await trx.selectFrom('inventory_levels').select(['on_hand', 'reserved'])
    .where('tenant_id', '=', tenantId).where('product_id', '=', ids.productId).where('location_id', '=', ids.locationId).executeTakeFirstOrThrow();
  return { on_hand: row.on_hand, reserved: row.reserved, available: row.on_hand - row.reserved };
}
