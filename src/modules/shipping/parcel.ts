// What goes in a shipment and what it weighs: the chosen packages (every unshipped one
// by default) with their weighed contents, or, for a fulfillment order nobody packed,
// all its remaining units at their catalog weights.
import type { Kdb } from '../../platform/db/index.ts';
import { Problem, type ProblemFieldError } from '../../platform/http/index.ts';
import { findProductsBySkus } from '../catalog/index.ts';
import type { ShipContext } from './ship-context.ts';
import type { UnitsToFulfil } from '../inventory/index.ts';
import { loadPackages } from './shipments.repository.ts';

export interface ParcelPlan { takes: UnitsToFulfil[]; packageIds: string[]; weightG: number; weightSource: 'packages' | 'products' }

/** The units of the whole fulfillment order still to ship, at catalog weights (rates before packing). */
export async function remainingWeight(db: Kdb, tenantId: string, ctx: ShipContext): Promise<number> {
  const skus = [...new Set(ctx.fo.lines.map((l) => l.sku))];
  const weightOf = new Map((await findProductsBySkus(db, tenantId, skus)).map((p) => [p.id, p.weight_g ?? 0]));
  return ctx.reserved.reduce((sum, a) => sum + a.quantity * (weightOf.get(a.product_id) ?? 0), 0);
}

/** Plans a shipment's contents; refuses unknown or shipped packages by path. */
export async function planParcel(db: Kdb, tenantId: string, ctx: ShipContext, requested: readonly string[] | undefined): Promise<ParcelPlan> {
  const packages = await loadPackages(db, tenantId, ctx.fo.id);
  const byId = new Map(packages.map((p) => [p.id, p]));
  const errors: ProblemFieldError[] = [];
  (requested ?? []).forEach((id, i) => {
    const found = byId.get(id);
    if (!found) errors.push({ path: `packages[${i}]`, message: `package ${id} is not in fulfillment order ${ctx.fo.id}` });
    else if (found.shipment_id !== null) errors.push({ path: `packages[${i}]`, message: `package ${id} has already shipped` });
  });
  if (errors.length > 0) throw new Problem('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), { errors });
  const chosen = requested ? requested.map((id) => byId.get(id)).filter((p) => p !== undefined) : packages.filter((p) => p.shipment_id === null);
  if (chosen.length === 0) {
    return { takes: ctx.reserved.map((allocation) => ({ allocation, quantity: allocation.quantity })), packageIds: [], weightG: await remainingWeight(db, tenantId, ctx), weightSource: 'products' };
  }
  const units = new Map<string, number>();
  for (const p of chosen) for (const item of p.items) units.set(item.allocation_id, (units.get(item.allocation_id) ?? 0) + item.quantity);
  const reservedById = new Map(ctx.reserved.map((a) => [a.id, a]));
  const takes: UnitsToFulfil[] = [];
  for (const [allocationId, quantity] of units) {
    const allocation = reservedById.get(allocationId);
    if (!allocation || allocation.quantity < quantity) {
      throw new Problem('invalid_transition', `The packages hold ${quantity} units of allocation ${allocationId}, which no longer holds them reserved; repack them.`, { extra: { from: ctx.fo.status, to: 'shipped' } });
    }
    takes.push({ allocation, quantity });
  }
  return { takes, packageIds: chosen.map((p) => p.id), weightG: chosen.reduce((sum, p) => sum + p.weight_g, 0), weightSource: 'packages' };
}
