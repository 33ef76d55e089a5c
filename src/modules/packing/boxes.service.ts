// Box sizes per tenant, and the box suggestion for a fulfillment order's unpacked units.
import type { Kdb } from '../../platform/db/index.ts';
import { isUniqueViolation, notFound, Problem } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import { suggestBox, type BoxSuggestion } from './box-suggestion.ts';
import { toBoxView, type BoxView } from './package.view.ts';
import * as repo from './packing.repository.ts';

export interface BoxInput {
  code: string; name: string; length_mm: number; width_mm: number; height_mm: number; max_weight_g: number;
  tare_weight_g?: number | undefined; active?: boolean | undefined;
}

export type BoxPatch = Partial<Omit<BoxInput, 'code'>>;

export async function listBoxes(db: Kdb, tenantId: string): Promise<{ data: BoxView[]; next_cursor: null }> {
  return { data: (await repo.listBoxes(db, tenantId, false)).map(toBoxView), next_cursor: null };
}

/** Creates a box size; a taken code is 409. */
export async function createBox(trx: Kdb, tenantId: string, input: BoxInput): Promise<BoxView> {
  try {
    return toBoxView(await repo.insertBox(trx, tenantId, newId('box'), input));
  } catch (error) {
    if (isUniqueViolation(error)) throw new Problem('already_exists', `Box ${input.code} already exists.`, { errors: [{ path: 'code', message: 'is taken' }] });
    throw error;
  }
}

/** Changes a box's measures, name or active flag; packages already made keep their own measures. */
export async function updateBox(trx: Kdb, tenantId: string, code: string, patch: BoxPatch): Promise<BoxView> {
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<repo.BoxFields>;
  const row = Object.keys(changes).length === 0 ? await repo.findBoxByCode(trx, tenantId, code) : await repo.updateBox(trx, tenantId, code, changes);
  if (!row) throw notFound('Box', code);
  return toBoxView(row);
}

export interface BoxSuggestionView extends Omit<BoxSuggestion, 'box'> { fulfillment_order_id: string; box: BoxView | null }

/** The box for what of the fulfillment order is not packed yet (or all of it, once everything is). */
export async function boxSuggestion(db: Kdb, tenantId: string, fulfillmentOrderId: string): Promise<BoxSuggestionView> {
  const fo = await repo.findFulfillmentHead(db, tenantId, fulfillmentOrderId);
  if (!fo) throw notFound('Fulfillment order', fulfillmentOrderId);
  const allocations = await repo.packableAllocations(db, tenantId, fo.id);
  const unpacked = allocations.filter((a) => a.quantity > a.packed);
  const items = (unpacked.length > 0 ? unpacked : allocations).map((a) => ({
    sku: a.sku, quantity: unpacked.length > 0 ? a.quantity - a.packed : a.quantity,
    weight_g: a.weight_g, length_mm: a.length_mm, width_mm: a.width_mm, height_mm: a.height_mm,
  }));
  const boxes = await repo.listBoxes(db, tenantId, true);
  const suggestion = suggestBox(items, boxes);
  const chosen = suggestion.box ? boxes.find((b) => b.code === suggestion.box?.code) : undefined;
  return { ...suggestion, fulfillment_order_id: fo.id, box: chosen ? toBoxView(chosen) : null };
}
