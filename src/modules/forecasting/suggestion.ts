// One replenishment suggestion from its numbers: no SQL, no HTTP.
//
// Inventory position = on hand − reserved − open backorders + on order: units owed to
// open orders that no stock was reserved for are as good as gone. When the position is at
// or below the reorder point, the suggestion brings it up to the order-up-to level
// (rounded to the minimum order and pack size); above it, nothing is suggested yet.
import { addDays, daysBetween } from './demand-calendar.ts';
import { isOverstocked, suggestedOrderQuantity, weeksOfCover, type OrderRules, type PolicyLevels } from './replenishment.ts';
import { projectStockout, type ScheduledReceipt } from './stock-projection.ts';

/**
 * How pressing an item is: `stockout` — stock runs out before an order placed today could
 * arrive; `reorder` — at or below the reorder point; `overstock` — more weeks of cover
 * than allowed; `ok` — none of these.
 */
export type Urgency = 'stockout' | 'reorder' | 'ok' | 'overstock';
export const URGENCIES = ['stockout', 'reorder', 'ok', 'overstock'] as const satisfies readonly Urgency[];

export interface SuggestionInput {
  today: string;
  periodDays: number;
  /** Point forecast per period from today. */
  point: readonly number[];
  policy: PolicyLevels;
  stock: { onHand: number; reserved: number; backordered: number; onOrder: number };
  receipts: readonly ScheduledReceipt[];
  leadTimeDays: number;
  overstockWeeks: number;
  rules: OrderRules;
}

export interface SuggestionNumbers {
  available: number;
  position: number;
  suggestedQuantity: number;
  projectedStockout: string | null;
  /** null when stock meets no demand at all (endless cover). */
  weeksOfCover: number | null;
  overstock: boolean;
  urgency: Urgency;
}

/** The suggestion for one product at one location. */
export function suggest(input: SuggestionInput): SuggestionNumbers {
  const { stock, policy } = input;
  const available = stock.onHand - stock.reserved - stock.backordered;
  const position = available + stock.onOrder;
  const needsOrder = position <= policy.reorderPoint + 1e-9 && policy.orderUpTo - position > 1e-9;
  const suggestedQuantity = needsOrder
    ? suggestedOrderQuantity(policy.orderUpTo, { onHand: stock.onHand, reserved: stock.reserved + stock.backordered, onOrder: stock.onOrder }, input.rules)
    : 0;
  const projectedStockout = projectStockout(available, input.point, input.today, input.periodDays, input.receipts);
  const cover = weeksOfCover(Math.max(0, available), input.point, input.periodDays);
  const overstock = isOverstocked(Math.max(0, available), input.point, input.periodDays, input.overstockWeeks);
  const arrivalIfOrderedToday = addDays(input.today, input.leadTimeDays);
  const urgency: Urgency = projectedStockout !== null && daysBetween(projectedStockout, arrivalIfOrderedToday) > 0 ? 'stockout'
    : suggestedQuantity > 0 ? 'reorder' : overstock ? 'overstock' : 'ok';
  return { available, position, suggestedQuantity, projectedStockout, weeksOfCover: Number.isFinite(cover) ? cover : null, overstock, urgency };
}

/** Orders suggestions by urgency: stockouts soonest first, then the furthest below the reorder point. */
export function compareUrgency(
  a: { urgency: Urgency; projectedStockout: string | null; position: number; reorderPoint: number; sku: string; location: string },
  b: { urgency: Urgency; projectedStockout: string | null; position: number; reorderPoint: number; sku: string; location: string },
): number {
  const rank = URGENCIES.indexOf(a.urgency) - URGENCIES.indexOf(b.urgency);
  if (rank !== 0) return rank;
  if (a.projectedStockout !== b.projectedStockout) {
    if (a.projectedStockout === null) return 1;
    if (b.projectedStockout === null) return -1;
    return a.projectedStockout < b.projectedStockout ? -1 : 1;
  }
  const gap = (a.position - a.reorderPoint) - (b.position - b.reorderPoint);
  if (Math.abs(gap) > 1e-9) return gap;
  return a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : a.location < b.location ? -1 : a.location > b.location ? 1 : 0;
}
