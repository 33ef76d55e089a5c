// Confirming picks. A line is confirmed with the units found (or filled by scans until it
// is complete). Picked units go to the wave's orders oldest first. A short pick means the
// books were wrong: the missing units leave stock through one `short_pick` ledger row,
// are taken from the newest orders' allocations, and those orders go back to routing for
// them (re-reserved elsewhere, or backordered).
import type { Kdb } from '../../platform/db/index.ts';
import { assert } from '../../platform/assert.ts';
import { invalid, notFound, Problem } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import { rerouteUnits } from '../fulfillment/index.ts';
import { insertMovements, lockLevels } from '../inventory/index.ts';
import { recordEvents } from '../orders/index.ts';
import { sharePicked, type Share } from './pick-list.ts';
import { toLineView, type PickLineView, type PickWaveView } from './pick-wave.view.ts';
import * as repo from './pick-waves.repository.ts';
import { getWave, lockedOpenWave, type Actor } from './pick-waves.service.ts';

/** Confirms a line with the units found; fewer than the line asks for is a short pick. */
export async function confirmLine(trx: Kdb, who: Actor, waveIdOrNumber: string, lineId: string, picked: number): Promise<PickWaveView> {
  const wave = await lockedOpenWave(trx, who.tenantId, waveIdOrNumber, 'confirm a line of');
  const line = (await repo.loadLines(trx, who.tenantId, wave.id)).find((l) => l.id === lineId);
  if (!line) throw notFound('Pick list line', lineId);
  if (line.confirmed_at !== null) {
    throw new Problem('invalid_transition', `Line ${line.sku} at ${line.bin ?? 'no bin'} is already confirmed (${line.picked} picked).`, { extra: { from: 'confirmed', to: 'confirmed' } });
  }
  if (picked > line.quantity) throw invalid('picked', `must not exceed the line's quantity ${line.quantity}`);
  await settleLine(trx, who, wave, line, picked);
  return getWave(trx, who.tenantId, wave.id);
}

export interface ScanResult { wave_id: string; line: PickLineView; line_confirmed: boolean; lines_open: number }

/**
 * Adds scanned units to the first unconfirmed line of the product the code names (SKU or
 * barcode); a line that reaches its quantity is confirmed.
 */
export async function scan(trx: Kdb, who: Actor, waveIdOrNumber: string, code: string, quantity: number): Promise<ScanResult> {
  const { tenantId } = who;
  const wave = await lockedOpenWave(trx, tenantId, waveIdOrNumber, 'scan into');
  const product = await repo.findProductByCode(trx, tenantId, code);
  const lines = await repo.loadLines(trx, tenantId, wave.id);
  const candidates = lines.filter((l) => product && l.product_id === product.id);
  if (!product || candidates.length === 0) {
    throw new Problem('not_in_wave', `${code} is not on pick wave ${wave.number}.`, { errors: [{ path: 'code', message: 'matches no line of this wave' }] });
  }
  const line = candidates.find((l) => l.confirmed_at === null);
  const open = line ? line.quantity - (line.picked ?? 0) : 0;
  if (!line || quantity > open) {
    throw new Problem('over_pick', `Only ${open} more of ${product.sku} to pick in wave ${wave.number}.`, { errors: [{ path: 'quantity', message: `only ${open} left to pick`, sku: product.sku, open }] });
  }
  const total = (line.picked ?? 0) + quantity;
  const confirmed = total === line.quantity;
  if (confirmed) {
    await settleLine(trx, who, wave, line, total);
  } else {
    await lockLevels(trx, tenantId, [line.product_id]);
    const shares = sharePicked(toHoldings(await repo.waveAllocations(trx, tenantId, wave.id, line.product_id)), total);
    await repo.setAllocationsPicked(trx, tenantId, shares);
    await repo.setLinePicked(trx, tenantId, line.id, total, null);
  }
  const after = await getWave(trx, tenantId, wave.id);
  return {
    wave_id: wave.id, line: after.lines.find((l) => l.id === line.id) ?? toLineView({ ...line, picked: total }, []),
    line_confirmed: confirmed, lines_open: after.lines.filter((l) => !l.confirmed).length,
  };
}

function toHoldings(rows: readonly repo.WaveAllocationRow[]) {
  return rows.map((a) => ({ id: a.id, quantity: a.quantity, orderCreatedAt: a.order_created_at, orderNumber: a.order_number }));
}

/**
 * Hands `picked` units to the line's allocations (oldest orders first), confirms the line,
 * and settles any shortfall. Level rows are locked before allocations are touched, the
 * order every stock writer follows.
 */
async function settleLine(trx: Kdb, who: Actor, wave: repo.WaveRecord, line: repo.LineRecord, picked: number): Promise<void> {
  const { tenantId } = who;
  await lockLevels(trx, tenantId, [line.product_id]);
  const allocations = await repo.waveAllocations(trx, tenantId, wave.id, line.product_id);
  const shares = sharePicked(toHoldings(allocations), picked);
  await repo.setAllocationsPicked(trx, tenantId, shares);
  await repo.setLinePicked(trx, tenantId, line.id, picked, who.actor);
  const short = shares.filter((s) => s.missing > 0);
  if (short.length > 0) await settleShortPick(trx, who, wave, line, allocations, short);
}

async function settleShortPick(
  trx: Kdb, who: Actor, wave: repo.WaveRecord, line: repo.LineRecord, allocations: readonly repo.WaveAllocationRow[], short: readonly Share[],
): Promise<void> {
  const { tenantId, actor } = who;
  const byId = new Map(allocations.map((a) => [a.id, a]));
  const missing = short.reduce((n, s) => n + s.missing, 0);
  for (const s of short) await repo.releaseMissing(trx, tenantId, s.id, s.picked, s.missing, newId('alc'));
  assert(await repo.writeOffShortPick(trx, tenantId, line.product_id, wave.location_id, missing), `level of ${line.sku} lacks ${missing} reserved units for a short pick`);

  // Per order: the units it lost, by order line (an order may hold the SKU on two lines).
  const lost = new Map<string, { orderNumber: number; fulfillmentOrderId: string; items: Map<string, number> }>();
  for (const s of short) {
    const a = byId.get(s.id) as repo.WaveAllocationRow;
    const entry = lost.get(a.order_id) ?? { orderNumber: a.order_number, fulfillmentOrderId: a.fulfillment_order_id, items: new Map<string, number>() };
    entry.items.set(a.order_line_id, (entry.items.get(a.order_line_id) ?? 0) + s.missing);
    lost.set(a.order_id, entry);
  }
  const orderNumbers = [...lost.values()].map((o) => o.orderNumber);
  await insertMovements(trx, tenantId, [{
    productId: line.product_id, locationId: wave.location_id, deltaOnHand: -missing, deltaReserved: -missing, reason: 'short_pick',
    orderId: lost.size === 1 ? [...lost.keys()][0] ?? null : null,
    note: `pick wave ${wave.number}, bin ${line.bin ?? 'none'}: ${missing} not found (orders ${orderNumbers.join(', ')})`, actor,
  }]);
  for (const [orderId, entry] of lost) {
    const units = [...entry.items.values()].reduce((n, q) => n + q, 0);
    await recordEvents(trx, tenantId, orderId, actor, [{
      type: 'fulfillment.short_picked',
      data: { fulfillment_order_id: entry.fulfillmentOrderId, wave_id: wave.id, wave: String(wave.number), sku: line.sku, location: wave.location_code, missing: units },
    }], [{
      topic: 'fulfillment_order.short_picked', aggregateId: entry.fulfillmentOrderId,
      payload: { order_id: orderId, fulfillment_order_id: entry.fulfillmentOrderId, wave_id: wave.id, sku: line.sku, missing: units },
    }]);
    const items = [...entry.items].map(([orderLineId, quantity]) => ({ orderLineId, productId: line.product_id, quantity }));
    await rerouteUnits(trx, tenantId, actor, orderId, items, [wave.location_id]);
  }
}
