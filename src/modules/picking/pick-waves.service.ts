// Pick wave use cases: build a wave from the open fulfillment orders of a location, read
// and list waves, complete and cancel them. Confirming picks is in pick-confirm.service.ts.
import type { Kdb } from '../../platform/db/index.ts';
import { assert } from '../../platform/assert.ts';
import { decodeCursor, encodeCursor, invalid, notFound, Problem, type ProblemFieldError } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import { transitionFulfillmentOrder } from '../fulfillment/index.ts';
import { findLocationByCode } from '../locations/index.ts';
import { recordEvents } from '../orders/index.ts';
import { planPickList } from './pick-list.ts';
import { toWaveSummary, toWaveView, type PickWaveSummary, type PickWaveView } from './pick-wave.view.ts';
import * as repo from './pick-waves.repository.ts';

/** A wave takes at most this many fulfillment orders (a cart's worth, and a bounded statement). */
export const WAVE_ORDERS_MAX = 200;

/** Who acts: the tenant and what the timeline records. */
export interface Actor { tenantId: string; actor: string }

export interface WaveInput {
  location: string; max_orders?: number | undefined; cutoff?: string | undefined;
  fulfillment_orders?: string[] | undefined; delivery_type?: 'ship' | 'pickup' | undefined;
}

function criteriaOf(input: WaveInput): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([k, v]) => k !== 'location' && v !== undefined));
}

/** Checks the selection: explicit ids, or max_orders and/or a cut-off. */
function checkSelection(input: WaveInput): void {
  if (input.fulfillment_orders && (input.max_orders !== undefined || input.cutoff !== undefined)) {
    throw invalid('fulfillment_orders', 'give fulfillment_orders, or max_orders and/or cutoff, not both');
  }
  if (!input.fulfillment_orders && input.max_orders === undefined && input.cutoff === undefined) {
    throw invalid('max_orders', 'give one of max_orders, cutoff or fulfillment_orders');
  }
}

/** Explicitly named fulfillment orders must all be open at the location: each one that is not is named. */
function refuseUnselectable(requested: readonly string[], taken: ReadonlySet<string>): void {
  const errors: ProblemFieldError[] = requested.flatMap((id, i) => (taken.has(id) ? [] : [{
    path: `fulfillment_orders[${i}]`, message: `fulfillment order ${id} is not open at this location (or its order is on hold)`,
  }]));
  if (errors.length > 0) throw new Problem('validation_failed', errors.map((e) => e.message).join('; '), { errors });
}

/**
 * Creates a wave: locks the selectable open fulfillment orders, moves them to picking
 * (a conditional update: a fulfillment order is in one wave at most), and writes the
 * pick list summed per (SKU, bin) in walking order.
 */
export async function createWave(trx: Kdb, who: Actor, input: WaveInput): Promise<PickWaveView> {
  const { tenantId } = who;
  checkSelection(input);
  const location = await findLocationByCode(trx, tenantId, input.location);
  if (!location || !location.active) throw invalid('location', `unknown location ${input.location}`);
  const ids = input.fulfillment_orders ? [...new Set(input.fulfillment_orders)] : undefined;
  const selected = await repo.lockSelectableFulfillmentOrders(trx, tenantId, {
    locationId: location.id, deliveryType: input.delivery_type, placedBefore: input.cutoff ? new Date(input.cutoff) : undefined,
    ids, limit: Math.min(ids?.length ?? input.max_orders ?? WAVE_ORDERS_MAX, WAVE_ORDERS_MAX),
  });
  if (input.fulfillment_orders) refuseUnselectable(input.fulfillment_orders, new Set(selected.map((s) => s.id)));
  if (selected.length === 0) throw new Problem('nothing_to_pick', `No open fulfillment orders at ${location.code} match this selection.`);

  const waveId = newId('pkw');
  const claimed = await repo.claimFulfillmentOrders(trx, tenantId, waveId, selected.map((s) => s.id));
  // The rows were locked by the select, so each one is still open.
  assert(claimed.length === selected.length, `wave ${waveId} claimed ${claimed.length} of ${selected.length} locked fulfillment orders`);
  const number = await repo.nextWaveNumber(trx, tenantId);
  const allocations = await repo.waveAllocations(trx, tenantId, waveId);
  const planned = planPickList(allocations.map((a) => ({
    id: a.id, productId: a.product_id, sku: a.sku, bin: a.bin, quantity: a.quantity, orderCreatedAt: a.order_created_at, orderNumber: a.order_number,
  })));
  await repo.insertWave(trx, tenantId, { id: waveId, number, locationId: location.id, criteria: criteriaOf(input), createdBy: who.actor },
    planned.map((l) => ({ ...l, id: newId('pkl') })));
  for (const fo of selected) {
    await recordEvents(trx, tenantId, fo.order_id, who.actor, [{ type: 'fulfillment.picking_started', data: { fulfillment_order_id: fo.id, wave_id: waveId, wave: String(number), location: location.code } }],
      [{ topic: 'fulfillment_order.picking', aggregateId: fo.id, payload: { order_id: fo.order_id, fulfillment_order_id: fo.id, wave_id: waveId, location: location.code } }]);
  }
  return getWave(trx, tenantId, waveId);
}

/** The wave by id or number with its fulfillment orders and pick list, or 404. */
export async function getWave(db: Kdb, tenantId: string, idOrNumber: string): Promise<PickWaveView> {
  const wave = await repo.findWave(db, tenantId, idOrNumber);
  if (!wave) throw notFound('Pick wave', idOrNumber);
  const lines = await repo.loadLines(db, tenantId, wave.id);
  const served = await repo.servedAllocations(db, tenantId, wave.id);
  const fulfillmentOrders = await repo.waveFulfillmentOrders(db, tenantId, wave.id);
  return toWaveView(wave, lines, served.map((s) => ({ ...s, order_number: Number(s.order_number) })),
    fulfillmentOrders.map((f) => ({ ...f, order_number: Number(f.order_number) })));
}

/** Loads an open wave and locks it for the rest of the transaction; 409 once it is closed. */
export async function lockedOpenWave(trx: Kdb, tenantId: string, idOrNumber: string, action: string): Promise<repo.WaveRecord> {
  const found = await repo.findWave(trx, tenantId, idOrNumber);
  if (!found) throw notFound('Pick wave', idOrNumber);
  await repo.lockWave(trx, tenantId, found.id);
  const wave = (await repo.findWave(trx, tenantId, found.id)) as repo.WaveRecord;
  if (wave.status !== 'open') throw new Problem('invalid_transition', `Cannot ${action} pick wave ${wave.number}: it is ${wave.status}.`, { extra: { from: wave.status, to: action } });
  return wave;
}

/**
 * Completes a wave whose lines are all confirmed: fulfillment orders with every unit
 * picked move to picked; those that lost every unit to short picks (re-routed or
 * backordered by then) are canceled.
 */
export async function completeWave(trx: Kdb, who: Actor, idOrNumber: string): Promise<PickWaveView> {
  const { tenantId } = who;
  const wave = await lockedOpenWave(trx, tenantId, idOrNumber, 'complete');
  const lines = await repo.loadLines(trx, tenantId, wave.id);
  const open = lines.filter((l) => l.confirmed_at === null);
  if (open.length > 0) {
    throw new Problem('pick_wave_incomplete', `${open.length} line(s) of pick wave ${wave.number} are not confirmed yet.`, {
      extra: { unconfirmed: open.map((l) => ({ line_id: l.id, sku: l.sku, bin: l.bin })) },
    });
  }
  const allocations = await repo.waveAllocations(trx, tenantId, wave.id);
  const fulfillmentOrders = await repo.waveFulfillmentOrders(trx, tenantId, wave.id);
  for (const fo of fulfillmentOrders.filter((f) => f.status === 'picking')) {
    const mine = allocations.filter((a) => a.fulfillment_order_id === fo.id);
    assert(mine.every((a) => a.picked === a.quantity), `fulfillment order ${fo.id} has unpicked units after every line of wave ${wave.id} was confirmed`);
    const to = mine.length > 0 ? 'picked' : 'canceled';
    await transitionFulfillmentOrder(trx, tenantId, fo.id, to, { from: ['picking'] });
    const type = to === 'picked' ? 'fulfillment.picked' : 'fulfillment.canceled';
    await recordEvents(trx, tenantId, fo.order_id, who.actor, [{ type, data: { fulfillment_order_id: fo.id, wave_id: wave.id, wave: String(wave.number), ...(to === 'canceled' ? { reason: 'short_pick' } : {}) } }],
      [{ topic: `fulfillment_order.${to}`, aggregateId: fo.id, payload: { order_id: fo.order_id, fulfillment_order_id: fo.id, wave_id: wave.id } }]);
  }
  assert(await repo.closeWave(trx, tenantId, wave.id, 'completed'), `wave ${wave.id} left open while locked`);
  return getWave(trx, tenantId, wave.id);
}

/** Cancels a wave nothing of which is confirmed: its fulfillment orders go back to open. */
export async function cancelWave(trx: Kdb, who: Actor, idOrNumber: string): Promise<PickWaveView> {
  const { tenantId } = who;
  const wave = await lockedOpenWave(trx, tenantId, idOrNumber, 'cancel');
  const lines = await repo.loadLines(trx, tenantId, wave.id);
  if (lines.some((l) => l.confirmed_at !== null)) {
    throw new Problem('invalid_transition', `Pick wave ${wave.number} has confirmed lines; complete it instead.`, { extra: { from: 'open', to: 'canceled' } });
  }
  await repo.resetWavePicks(trx, tenantId, wave.id);
  const returned = await repo.returnFulfillmentOrders(trx, tenantId, wave.id);
  for (const fo of returned) {
    await recordEvents(trx, tenantId, fo.order_id, who.actor, [{ type: 'fulfillment.picking_canceled', data: { fulfillment_order_id: fo.id, wave_id: wave.id, wave: String(wave.number) } }],
      [{ topic: 'fulfillment_order.open', aggregateId: fo.id, payload: { order_id: fo.order_id, fulfillment_order_id: fo.id, wave_id: wave.id } }]);
  }
  assert(await repo.closeWave(trx, tenantId, wave.id, 'canceled'), `wave ${wave.id} left open while locked`);
  return getWave(trx, tenantId, wave.id);
}

export interface WaveListFilter { location?: string | undefined; status?: repo.WaveRecord['status'] | undefined; cursor?: string | undefined; limit: number }

/** Waves newest first, as summaries; an unknown location matches nothing. */
export async function listWaves(db: Kdb, tenantId: string, filter: WaveListFilter): Promise<{ data: PickWaveSummary[]; next_cursor: string | null }> {
  const beforeId = decodeCursor(filter.cursor);
  const location = filter.location ? await findLocationByCode(db, tenantId, filter.location) : undefined;
  if (filter.location && !location) return { data: [], next_cursor: null };
  const rows = await repo.listWaveRecords(db, tenantId, { locationId: location?.id, status: filter.status, beforeId, limit: filter.limit });
  const page = rows.slice(0, filter.limit);
  const data: PickWaveSummary[] = [];
  for (const wave of page) data.push(toWaveSummary(wave, await repo.loadLines(db, tenantId, wave.id)));
  const last = page[page.length - 1];
  return { data, next_cursor: rows.length > filter.limit && last ? encodeCursor(last.id) : null };
}
