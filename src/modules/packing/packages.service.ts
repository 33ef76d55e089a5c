// Packing a fulfillment order into packages. A package holds units of the fulfillment
// order's allocations: at most what is picked (after a pick wave) and not yet packed, or,
// for a fulfillment order packed without a wave (small shops), what is reserved — the
// packer picks as they pack. When every unit is in a package the fulfillment order is
// packed. Shipping takes the packages (listPackages) and sets their shipment.
import type { Kdb } from '../../platform/db/index.ts';
import { invalid, notFound, Problem, type ProblemFieldError } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import { transitionFulfillmentOrder } from '../fulfillment/index.ts';
import { recordEvents, type TimelineEvent } from '../orders/index.ts';
import { toPackageView, type PackageView } from './package.view.ts';
import * as repo from './packing.repository.ts';

export interface Actor { tenantId: string; actor: string }

export interface Dimensions { length_mm: number; width_mm: number; height_mm: number }

export interface PackageInput {
  box?: string | undefined;
  items: { allocation_id?: string | undefined; sku?: string | undefined; quantity: number }[];
  weight_g?: number | undefined;
  dimensions?: Dimensions | undefined;
}

/** Statuses a fulfillment order may be packed in: without a wave (open) or after one (picked). */
const PACKABLE_STATUSES = new Set(['open', 'picked', 'packed']);

function refuse(code: 'validation_failed' | 'exceeds_packable', errors: ProblemFieldError[]): never {
  throw new Problem(code, errors.map((e) => `${e.path} ${e.message}`).join('; '), { errors });
}

/** What may still go into packages of this allocation. */
function packableOf(a: repo.PackableRow, status: string): number {
  return (status === 'open' ? a.quantity : a.picked) - a.packed;
}

/** Turns the request's items (by allocation or by SKU) into units per allocation, refusing what is not packable. */
function resolveItems(items: PackageInput['items'], allocations: readonly repo.PackableRow[], status: string): Map<string, number> {
  const byId = new Map(allocations.map((a) => [a.id, a]));
  const taken = new Map<string, number>();
  const left = (a: repo.PackableRow) => packableOf(a, status) - (taken.get(a.id) ?? 0);
  const errors: ProblemFieldError[] = [];
  const short: ProblemFieldError[] = [];
  items.forEach((item, i) => {
    if ((item.allocation_id === undefined) === (item.sku === undefined)) {
      errors.push({ path: `items[${i}]`, message: 'give allocation_id or sku, not both' });
      return;
    }
    const candidates = item.allocation_id !== undefined ? [byId.get(item.allocation_id)].filter((a) => a !== undefined) : allocations.filter((a) => a.sku === item.sku);
    if (candidates.length === 0) {
      const path = item.allocation_id !== undefined ? `items[${i}].allocation_id` : `items[${i}].sku`;
      errors.push({ path, message: `${item.allocation_id ?? item.sku} is not a reserved unit of this fulfillment order` });
      return;
    }
    const packable = candidates.reduce((n, a) => n + left(a), 0);
    if (item.quantity > packable) {
      short.push({ path: `items[${i}].quantity`, message: `only ${packable} ready to pack`, requested: item.quantity, packable });
      return;
    }
    let rest = item.quantity;
    for (const a of candidates) {
      const take = Math.min(rest, left(a));
      if (take > 0) taken.set(a.id, (taken.get(a.id) ?? 0) + take);
      rest -= take;
    }
  });
  if (errors.length > 0) refuse('validation_failed', errors);
  if (short.length > 0) refuse('exceeds_packable', short);
  return taken;
}

/** The package's weight: the scale's reading when given, else products × quantities + the box's tare. */
function weighPackage(input: PackageInput, allocations: readonly repo.PackableRow[], units: ReadonlyMap<string, number>, box: repo.BoxRow | undefined) {
  if (input.weight_g !== undefined) return { weight: input.weight_g, source: 'scale' as const };
  const packed = allocations.filter((a) => units.has(a.id));
  const unweighed = [...new Set(packed.filter((a) => a.weight_g === null).map((a) => a.sku))];
  if (unweighed.length > 0) throw invalid('weight_g', `no weight known for ${unweighed.join(', ')}: weigh the package and send weight_g`);
  const weight = packed.reduce((n, a) => n + (a.weight_g ?? 0) * (units.get(a.id) ?? 0), 0) + (box?.tare_weight_g ?? 0);
  if (weight <= 0) throw invalid('weight_g', 'the items weigh nothing on record: weigh the package and send weight_g');
  return { weight, source: 'computed' as const };
}

async function lockPackable(trx: Kdb, tenantId: string, fulfillmentOrderId: string): Promise<repo.FulfillmentHead> {
  const fo = await repo.lockFulfillmentOrder(trx, tenantId, fulfillmentOrderId);
  if (!fo) throw notFound('Fulfillment order', fulfillmentOrderId);
  if (fo.delivery_type === 'pickup') {
    throw new Problem('invalid_transition', 'A pickup fulfillment order is handed over at the counter, not packed.', { extra: { from: fo.status, to: 'packed' } });
  }
  if (!PACKABLE_STATUSES.has(fo.status)) {
    throw new Problem('invalid_transition', `Cannot pack a fulfillment order that is ${fo.status}.`, { extra: { from: fo.status, to: 'packed' } });
  }
  return fo;
}

/** Packs units of a fulfillment order into a new package; the fulfillment order is packed once nothing is left. */
export async function createPackage(trx: Kdb, who: Actor, fulfillmentOrderId: string, input: PackageInput): Promise<PackageView> {
  const { tenantId } = who;
  const fo = await lockPackable(trx, tenantId, fulfillmentOrderId);
  const allocations = await repo.packableAllocations(trx, tenantId, fo.id);
  const units = resolveItems(input.items, allocations, fo.status);
  const box = input.box !== undefined ? await repo.findBoxByCode(trx, tenantId, input.box) : undefined;
  if (input.box !== undefined && (!box || !box.active)) throw invalid('box', `unknown or inactive box ${input.box}`);
  const dimensions = input.dimensions ?? (box ? { length_mm: box.length_mm, width_mm: box.width_mm, height_mm: box.height_mm } : undefined);
  if (!dimensions) throw invalid('dimensions', 'give a box or the package dimensions');
  const { weight, source } = weighPackage(input, allocations, units, box);
  if (box && weight > box.max_weight_g) {
    throw new Problem('package_too_heavy', `${weight} g is more than box ${box.code} carries (${box.max_weight_g} g).`, { errors: [{ path: input.weight_g !== undefined ? 'weight_g' : 'items', message: `exceeds ${box.max_weight_g} g`, weight_g: weight, max_weight_g: box.max_weight_g }] });
  }

  const id = newId('pkg');
  await repo.insertPackage(trx, tenantId, {
    id, fulfillmentOrderId: fo.id, boxId: box?.id ?? null, ...dimensions, weight_g: weight, weight_source: source,
    items: [...units].map(([allocationId, quantity]) => ({ allocationId, quantity })),
  });
  if (fo.status === 'open') {
    for (const a of allocations) if (units.has(a.id)) await repo.raisePicked(trx, tenantId, a.id, a.packed + (units.get(a.id) ?? 0));
  }
  const everything = allocations.every((a) => a.packed + (units.get(a.id) ?? 0) === a.quantity);
  const events: TimelineEvent[] = [{ type: 'fulfillment.package_created', data: { fulfillment_order_id: fo.id, package_id: id, weight_g: weight, units: [...units.values()].reduce((n, q) => n + q, 0) } }];
  const outbox = [{ topic: 'package.created', aggregateId: id, payload: { order_id: fo.order_id, fulfillment_order_id: fo.id, package_id: id } }];
  if (everything && fo.status !== 'packed') {
    await markPacked(trx, tenantId, fo);
    events.push({ type: 'fulfillment.packed', data: { fulfillment_order_id: fo.id, packages: (await repo.packagesOf(trx, tenantId, fo.id)).length } });
    outbox.push({ topic: 'fulfillment_order.packed', aggregateId: fo.id, payload: { order_id: fo.order_id, fulfillment_order_id: fo.id, package_id: id } });
  }
  await recordEvents(trx, tenantId, fo.order_id, who.actor, events, outbox);
  return getPackage(trx, tenantId, id);
}

/** Moves the fulfillment order to packed: from picked after a wave, or straight from open without one (the packer picked the units). */
async function markPacked(trx: Kdb, tenantId: string, fo: repo.FulfillmentHead): Promise<void> {
  await transitionFulfillmentOrder(trx, tenantId, fo.id, 'packed', { from: ['open', 'picked'] });
}

export async function getPackage(db: Kdb, tenantId: string, id: string): Promise<PackageView> {
  const row = await repo.findPackage(db, tenantId, id);
  if (!row) throw notFound('Package', id);
  return toPackageView(row, await repo.itemsOf(db, tenantId, [row.id]));
}

/** The packages of a fulfillment order with their items, oldest first (shipping turns them into a shipment). */
export async function listPackages(db: Kdb, tenantId: string, fulfillmentOrderId: string): Promise<PackageView[]> {
  const rows = await repo.packagesOf(db, tenantId, fulfillmentOrderId);
  const items = await repo.itemsOf(db, tenantId, rows.map((r) => r.id));
  return rows.map((r) => toPackageView(r, items));
}

/** GET /v1/fulfillment-orders/{id}/packages: 404 for an unknown fulfillment order. */
export async function packagesOfFulfillmentOrder(db: Kdb, tenantId: string, fulfillmentOrderId: string): Promise<{ data: PackageView[]; next_cursor: null }> {
  if (!(await repo.findFulfillmentHead(db, tenantId, fulfillmentOrderId))) throw notFound('Fulfillment order', fulfillmentOrderId);
  return { data: await listPackages(db, tenantId, fulfillmentOrderId), next_cursor: null };
}

function shippedProblem(id: string): Problem {
  return new Problem('invalid_transition', `Package ${id} has shipped; it can no longer change.`, { extra: { from: 'shipped', to: 'changed' } });
}

/** Records the scale's reading for a package that has not shipped. */
export async function weighPackageOnScale(trx: Kdb, who: Actor, id: string, weightG: number): Promise<PackageView> {
  const row = await repo.findPackage(trx, who.tenantId, id);
  if (!row) throw notFound('Package', id);
  if (!(await repo.setScaleWeight(trx, who.tenantId, id, weightG))) throw shippedProblem(id);
  return getPackage(trx, who.tenantId, id);
}

/** Unpacks a package that has not shipped; a packed fulfillment order goes back to picked (as the status table allows). */
export async function deletePackage(trx: Kdb, who: Actor, id: string): Promise<void> {
  const { tenantId } = who;
  const row = await repo.findPackage(trx, tenantId, id);
  if (!row) throw notFound('Package', id);
  if (row.shipment_id !== null) throw shippedProblem(id);
  const fo = await repo.lockFulfillmentOrder(trx, tenantId, row.fulfillment_order_id);
  if (fo?.status === 'packed') await transitionFulfillmentOrder(trx, tenantId, fo.id, 'picked', { from: ['packed'] });
  if (!(await repo.deletePackage(trx, tenantId, id))) throw shippedProblem(id);
  if (fo) {
    await recordEvents(trx, tenantId, fo.order_id, who.actor, [{ type: 'fulfillment.package_removed', data: { fulfillment_order_id: fo.id, package_id: id } }],
      [{ topic: 'package.deleted', aggregateId: id, payload: { order_id: fo.order_id, fulfillment_order_id: fo.id, package_id: id } }]);
  }
}
