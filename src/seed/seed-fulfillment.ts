// Moves the history along by age: older orders were shipped and have tracking up to now
// (most are delivered), older store pickups were collected; the newest work (the last two
// days, and never fewer than a handful of orders) is spread over the warehouse's stages
// (seed-pipeline.ts) and the store's counter. Orders on hold, canceled or kept waiting on
// purpose (late) are left where they are.
import { transaction } from '../platform/http/index.ts';
import { fulfillmentOrdersOf, type FulfillmentOrder } from '../modules/fulfillment/index.ts';
import { confirmPickup, markReadyForPickup } from '../modules/shipping/index.ts';
import { seedPipeline, type PipelineItem } from './seed-pipeline.ts';
import { ship, track } from './seed-shipping.ts';
import { ageDays, type SeedContext, type SeededOrder } from './seed-context.ts';

/** Ship orders younger than this are still in the warehouse … */
const SHIPPED_AFTER_DAYS = 2;
/** … and at least this many of the newest, so every stage has work even on a quiet day. */
const PIPELINE_MIN = 10;
const COLLECTED_AFTER_DAYS = 1;
const RECENT_PICKUPS_MIN = 4;
const ID_BATCH = 200;

export interface FulfillmentResult {
  shipments: number;
  /** Orders whose every unit reached the customer (all shipments delivered or collected). */
  delivered: Set<string>;
}

/** The open fulfillment orders of the given orders. */
async function openFulfillmentOrders(ctx: SeedContext, orders: readonly SeededOrder[]): Promise<PipelineItem[]> {
  const byId = new Map(orders.map((o) => [o.id, o]));
  const items: PipelineItem[] = [];
  for (let i = 0; i < orders.length; i += ID_BATCH) {
    for (const fo of await fulfillmentOrdersOf(ctx.db, ctx.tenantId, orders.slice(i, i + ID_BATCH).map((o) => o.id))) {
      const order = byId.get(fo.order_id);
      if (order && fo.status === 'open') items.push({ order, fo });
    }
  }
  return items;
}

/** The newest items: all younger than `days`, and at least `min` of them. */
function newest(ctx: SeedContext, items: readonly PipelineItem[], days: number, min: number): Set<PipelineItem> {
  const sorted = [...items].sort((a, b) => b.order.placedAt.getTime() - a.order.placedAt.getTime());
  return new Set(sorted.filter((item, i) => ageDays(ctx, item.order) < days || i < min));
}

/** Pre-order SKUs wait for stock, so orders with them are not delivered in full. */
const waitsForStock = (order: SeededOrder) => order.lines.some((l) => /^(JACKET-RAIN|BOOTS-CARE)/.test(l.sku));

/** Ready at the counter, then collected (older ones), or only ready; answers whether it was collected. */
async function handOver(ctx: SeedContext, fo: FulfillmentOrder, collected: boolean): Promise<boolean> {
  await transaction(ctx.db, (trx) => markReadyForPickup(trx, ctx.who, fo.id));
  if (collected) await transaction(ctx.db, (trx) => confirmPickup(trx, ctx.who, fo.id, 'ID checked at the counter'));
  return collected;
}

/** Ships, delivers and hands over the history; answers the shipments made and the orders delivered. */
export async function seedFulfillment(ctx: SeedContext, orders: readonly SeededOrder[]): Promise<FulfillmentResult> {
  const moving = orders.filter((o) => o.status === 'open' && (o.role === 'history' || o.role === 'partial'));
  const items = await openFulfillmentOrders(ctx, moving);
  const recentShips = newest(ctx, items.filter((i) => i.fo.delivery_type === 'ship' && i.order.role === 'history'), SHIPPED_AFTER_DAYS, PIPELINE_MIN);
  const recentPickups = [...newest(ctx, items.filter((i) => i.fo.delivery_type === 'pickup'), COLLECTED_AFTER_DAYS, RECENT_PICKUPS_MIN)];

  const arrived = new Map(moving.map((o) => [o.id, !waitsForStock(o)]));
  const notYet = (order: SeededOrder) => arrived.set(order.id, false);
  let shipments = 0;
  for (const item of items) {
    const { order, fo } = item;
    if (fo.delivery_type === 'pickup') {
      // The newest pickups: every other one is still on the store's list, the rest wait at the counter.
      const recent = recentPickups.findIndex((i) => i.fo.id === fo.id);
      if (recent >= 0) notYet(order);
      if (recent < 0 || recent % 2 === 0) await handOver(ctx, fo, recent < 0);
    } else if (recentShips.has(item)) {
      notYet(order);
    } else {
      const shipment = await ship(ctx, order, fo);
      if (!(await track(ctx, order, shipment, fo.location))) notYet(order);
      shipments++;
    }
  }
  // An order without open fulfillment orders (all backordered) has nothing on its way.
  const withWork = new Set(items.map((i) => i.order.id));
  for (const order of moving) if (!withWork.has(order.id)) notYet(order);
  shipments += await seedPipeline(ctx, [...recentShips]);
  return { shipments, delivered: new Set([...arrived].filter(([, yes]) => yes).map(([id]) => id)) };
}
