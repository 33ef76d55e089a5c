// Transfers between locations: available units leave one location and arrive at another,
// as two `transfer` ledger rows in one transaction. Reserved units never move (they
// belong to orders); a source without enough available units refuses the whole transfer.
import type { Kdb } from '../../platform/db/index.ts';
import { invalid, Problem, type ProblemFieldError } from '../../platform/http/index.ts';
import * as repo from './inventory.repository.ts';
import type { LevelView } from './inventory.service.ts';

export interface TransferInput { sku: string; from: string; to: string; quantity: number; note?: string | undefined }
export interface TransferView { sku: string; quantity: number; from: LevelView; to: LevelView; note: string | null }

async function resolve(trx: Kdb, tenantId: string, input: TransferInput) {
  const product = await trx.selectFrom('products').select('id').where('tenant_id', '=', tenantId).where('sku', '=', input.sku).executeTakeFirst();
  const locations = await trx.selectFrom('locations').select(['id', 'code', 'active']).where('tenant_id', '=', tenantId).where('code', 'in', [input.from, input.to]).execute();
  const from = locations.find((l) => l.code === input.from && l.active);
  const to = locations.find((l) => l.code === input.to && l.active);
  const errors: ProblemFieldError[] = [
    ...(product ? [] : [{ path: 'sku', message: `unknown SKU ${input.sku}` }]),
    ...(from ? [] : [{ path: 'from', message: `unknown location ${input.from}` }]),
    ...(to ? [] : [{ path: 'to', message: `unknown location ${input.to}` }]),
  ];
  if (!product || !from || !to) throw new Problem('validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  return { productId: product.id, fromId: from.id, toId: to.id };
}

/** Moves available units of a SKU from one location to another; answers both levels. */
export async function transferInventory(trx: Kdb, tenantId: string, actor: string, input: TransferInput): Promise<{ view: TransferView; productId: string; toLocationId: string }> {
  if (input.from === input.to) throw invalid('to', 'must differ from from');
  const { productId, fromId, toId } = await resolve(trx, tenantId, input);
  // Every level of the product, in key order, as every stock writer locks them.
  await repo.lockLevels(trx, tenantId, [productId]);
  const source = await repo.removeOnHand(trx, tenantId, productId, fromId, input.quantity);
  if (!source) {
    const current = await repo.findLevel(trx, tenantId, productId, fromId);
    const available = current ? current.on_hand - current.reserved : 0;
    throw new Problem('insufficient_inventory', `Only ${available} of ${input.sku} available at ${input.from}.`, {
      errors: [{ path: 'quantity', message: `only ${available} available at ${input.from}`, sku: input.sku, location: input.from, requested: input.quantity, available }],
    });
  }
  const target = await repo.addOnHand(trx, tenantId, productId, toId, input.quantity);
  const note = input.note ?? `transfer ${input.from} -> ${input.to}`;
  await repo.insertMovements(trx, tenantId, [
    { productId, locationId: fromId, deltaOnHand: -input.quantity, deltaReserved: 0, reason: 'transfer', note, actor },
    { productId, locationId: toId, deltaOnHand: input.quantity, deltaReserved: 0, reason: 'transfer', note, actor },
  ]);
  const level = (row: repo.LevelRow, location: string): LevelView => ({ sku: input.sku, location, on_hand: row.on_hand, reserved: row.reserved, available: row.on_hand - row.reserved });
  return { view: { sku: input.sku, quantity: input.quantity, from: level(source, input.from), to: level(target, input.to), note: input.note ?? null }, productId, toLocationId: toId };
}
