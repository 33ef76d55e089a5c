// Units that came back enter stock through the inventory ledger at the receiving
// location: every unit first as a `return` (+on_hand, so the ledger shows what came
// back), then the damaged ones leave again as a `write_off` (-on_hand). Two rows for a
// damaged unit keep "what was returned" and "what was thrown away" separately countable,
// and on_hand = Σ ledger holds throughout. Sellable units may then fill backorders.
import type { Kdb } from '../../platform/db/index.ts';
import { assert } from '../../platform/assert.ts';
import { addOnHand, insertMovements, lockLevels, removeOnHand } from '../inventory/index.ts';
import { allocateBackorders } from '../fulfillment/index.ts';

export interface RestockUnits { productId: string; sellable: number; damaged: number }

/** Restocks and writes off, locking the level rows in product order like every other writer. */
export async function restockReturnedUnits(
  trx: Kdb, tenantId: string, actor: string, orderId: string, locationId: string, units: readonly RestockUnits[], note: string,
): Promise<void> {
  const byProduct = new Map<string, RestockUnits>();
  for (const u of units) {
    const entry = byProduct.get(u.productId) ?? { productId: u.productId, sellable: 0, damaged: 0 };
    entry.sellable += u.sellable;
    entry.damaged += u.damaged;
    byProduct.set(u.productId, entry);
  }
  const sorted = [...byProduct.values()].filter((u) => u.sellable + u.damaged > 0)
    .sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
  await lockLevels(trx, tenantId, sorted.map((u) => u.productId));
  for (const u of sorted) {
    const received = u.sellable + u.damaged;
    await addOnHand(trx, tenantId, u.productId, locationId, received);
    await insertMovements(trx, tenantId, [{ productId: u.productId, locationId, deltaOnHand: received, deltaReserved: 0, reason: 'return', orderId, note, actor }]);
    if (u.damaged > 0) {
      // The units were just added, so what stays still covers the reservations.
      assert(await removeOnHand(trx, tenantId, u.productId, locationId, u.damaged), `write-off of ${u.damaged} refused after restock`);
      await insertMovements(trx, tenantId, [{ productId: u.productId, locationId, deltaOnHand: -u.damaged, deltaReserved: 0, reason: 'write_off', orderId, note: `${note}: damaged`, actor }]);
    }
  }
  const restocked = sorted.filter((u) => u.sellable > 0).map((u) => ({ productId: u.productId, locationId }));
  if (restocked.length > 0) await allocateBackorders(trx, tenantId, actor, restocked);
}
