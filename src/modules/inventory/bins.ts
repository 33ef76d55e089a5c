// Bins: where a SKU's units sit inside a location (`A-03-2`, aisle-rack-shelf). A bin may
// be set before any stock arrives: the level row is created with nothing on hand, which
// needs no ledger row (on_hand and reserved stay 0).
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { Problem, type ProblemFieldError } from '../../platform/http/index.ts';

/** A bin name: 1 to 32 letters, digits and dashes, checked loosely (warehouses name bins their own way). */
export const BIN_PATTERN = '^[A-Za-z0-9-]{1,32}$';

export interface BinView { sku: string; location: string; bin: string | null; on_hand: number; reserved: number; available: number }

/** Sets (or clears, with null) the bin of a SKU at a location. */
export async function setBin(trx: Kdb, tenantId: string, input: { sku: string; location: string; bin: string | null }): Promise<BinView> {
  const product = await trx.selectFrom('products').select('id').where('tenant_id', '=', tenantId).where('sku', '=', input.sku).executeTakeFirst();
  const location = await trx.selectFrom('locations').select('id').where('tenant_id', '=', tenantId).where('code', '=', input.location).executeTakeFirst();
  const errors: ProblemFieldError[] = [
    ...(product ? [] : [{ path: 'sku', message: `unknown SKU ${input.sku}` }]),
    ...(location ? [] : [{ path: 'location', message: `unknown location ${input.location}` }]),
  ];
  if (!product || !location) throw new Problem('validation_failed', errors.map((e) => e.message).join('; '), { errors });
  const row = await trx.insertInto('inventory_levels')
    .values({ tenant_id: tenantId, product_id: product.id, location_id: location.id, on_hand: 0, reserved: 0, bin: input.bin })
    .onConflict((oc) => oc.columns(['tenant_id', 'product_id', 'location_id']).doUpdateSet({ bin: input.bin, updated_at: sql`now()` }))
    .returning(['on_hand', 'reserved', 'bin']).executeTakeFirstOrThrow();
  return { sku: input.sku, location: input.location, bin: row.bin, on_hand: row.on_hand, reserved: row.reserved, available: row.on_hand - row.reserved };
}
