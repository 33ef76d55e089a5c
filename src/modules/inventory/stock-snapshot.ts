// Available stock as routing reads it: available[productId][locationId] = on_hand - reserved.
import type { Kdb } from '../../platform/db/index.ts';
import type { LevelRow } from './inventory.repository.ts';

export type AvailableStock = Map<string, Map<string, number>>;

/** Groups level rows (locked or not) into available units per product and location. */
export function availableFromLevels(levels: readonly LevelRow[]): AvailableStock {
  const stock: AvailableStock = new Map();
  for (const level of levels) {
    const byLocation = stock.get(level.product_id) ?? new Map<string, number>();
    byLocation.set(level.location_id, level.on_hand - level.reserved);
    stock.set(level.product_id, byLocation);
  }
  return stock;
}

/** Reads available stock without locking anything (what-if answers; never reserve from it). */
export async function readAvailableStock(db: Kdb, tenantId: string, productIds: readonly string[]): Promise<AvailableStock> {
  if (productIds.length === 0) return new Map();
  const levels = await db.selectFrom('inventory_levels').select(['product_id', 'location_id', 'on_hand', 'reserved'])
    .where('tenant_id', '=', tenantId).where('product_id', 'in', [...productIds]).execute();
  return availableFromLevels(levels);
}
