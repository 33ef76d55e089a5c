// The warehouse's work of the last two days, oldest orders furthest along: some shipped
// today, some packed and waiting for the carrier, some picked and waiting for the bench,
// one wave being picked right now, and the newest still in the queue. Everything goes
// through waves, pick confirmations and packages, as at a real bench.
import { Problem, transaction } from '../platform/http/index.ts';
import type { FulfillmentOrder } from '../modules/fulfillment/index.ts';
import { completeWave, confirmLine, createWave, scan } from '../modules/picking/index.ts';
import { boxSuggestion, createPackage } from '../modules/packing/index.ts';
import { ship, track } from './seed-shipping.ts';
import type { SeedContext, SeededOrder } from './seed-context.ts';

export interface PipelineItem { order: SeededOrder; fo: FulfillmentOrder }

const STAGES = ['shipped', 'packed', 'picked', 'picking', 'open'] as const;
type Stage = (typeof STAGES)[number];

/** Oldest first, cut into equal runs, one per stage. */
function byStage(items: readonly PipelineItem[]): Map<Stage, PipelineItem[]> {
  const sorted = [...items].sort((a, b) => a.order.placedAt.getTime() - b.order.placedAt.getTime());
  const stages = new Map<Stage, PipelineItem[]>(STAGES.map((s) => [s, []]));
  sorted.forEach((item, i) => stages.get(STAGES[Math.floor((i * STAGES.length) / sorted.length)] as Stage)?.push(item));
  return stages;
}

function byLocation(items: readonly PipelineItem[]): Map<string, PipelineItem[]> {
  const groups = new Map<string, PipelineItem[]>();
  for (const item of items) groups.set(item.fo.location, [...(groups.get(item.fo.location) ?? []), item]);
  return groups;
}

/** One wave per location over these fulfillment orders; `finish` confirms every line and completes it. */
async function pickInWaves(ctx: SeedContext, items: readonly PipelineItem[], finish: boolean): Promise<void> {
  for (const [location, group] of byLocation(items)) {
    const wave = await transaction(ctx.db, (trx) => createWave(trx, ctx.who, { location, fulfillment_orders: group.map((i) => i.fo.id) }));
    if (!finish) {
      // The picker has just started: the first unit of the first line is in the cart.
      const first = wave.lines[0];
      if (first) await transaction(ctx.db, (trx) => scan(trx, ctx.who, wave.id, first.sku, 1));
      continue;
    }
    for (const line of wave.lines) await transaction(ctx.db, (trx) => confirmLine(trx, ctx.who, wave.id, line.id, line.quantity));
    await transaction(ctx.db, (trx) => completeWave(trx, ctx.who, wave.id));
  }
}

/** Packs all of a picked fulfillment order into the suggested box; false when nothing fits. */
async function pack(ctx: SeedContext, fo: FulfillmentOrder): Promise<boolean> {
  const suggestion = await boxSuggestion(ctx.db, ctx.tenantId, fo.id);
  const box = suggestion.box?.code ?? 'L';
  try {
    await transaction(ctx.db, (trx) => createPackage(trx, ctx.who, fo.id, { box, items: fo.lines.map((l) => ({ allocation_id: l.id, quantity: l.quantity })) }));
    return true;
  } catch (error) {
    if (error instanceof Problem && error.code === 'package_too_heavy') return false;
    throw error;
  }
}

/** Spreads the recent ship fulfillment orders over the stages; answers how many shipped. */
export async function seedPipeline(ctx: SeedContext, items: readonly PipelineItem[]): Promise<number> {
  const stages = byStage(items);
  const at = (stage: Stage) => stages.get(stage) ?? [];
  await pickInWaves(ctx, [...at('shipped'), ...at('packed'), ...at('picked')], true);
  await pickInWaves(ctx, at('picking'), false);
  for (const item of [...at('shipped'), ...at('packed')]) await pack(ctx, item.fo);
  for (const item of at('shipped')) {
    const shipment = await ship(ctx, item.order, item.fo);
    await track(ctx, item.order, shipment, item.fo.location);
  }
  return at('shipped').length;
}
