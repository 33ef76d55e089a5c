// Locking chosen level rows, for work that touches one location of a product (stock
// arrivals): the same (product, location) order as lockLevels, so the two never deadlock.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import type { LevelRow } from './inventory.repository.ts';

/** Locks the level rows of these (product, location) pairs in key order; returns those that exist. */
export async function lockLevelPairs(trx: Kdb, tenantId: string, pairs: readonly { productId: string; locationId: string }[]): Promise<LevelRow[]> {
  if (pairs.length === 0) return [];
  const { rows } = await sql<LevelRow>`
    select l.product_id, l.location_id, l.on_hand, l.reserved from inventory_levels l
    join unnest(${pairs.map((p) => p.productId)}::text[], ${pairs.map((p) => p.locationId)}::text[]) as v(product_id, location_id)
      on l.product_id = v.product_id and l.location_id = v.location_id
    where l.tenant_id = ${tenantId}
    order by l.product_id, l.location_id
    for update of l`.execute(trx);
  return rows;
}

/** Called in the arrival's transaction when units became available at (product, location) pairs. */
export type StockArrivalHook = (trx: Kdb, tenantId: string, actor: string, pairs: { productId: string; locationId: string }[]) => Promise<unknown>;
