// The money of shipped units, exactly. A capture is always computed on cumulative
// counts — the value of every unit shipped so far minus what earlier shipments already
// captured — so rounding never drifts and the last shipment captures exactly the rest.
import { assert } from '../../platform/assert.ts';
import { valueOfLineUnits, type ValuedLine } from '../orders/index.ts';

/** A line as the capture sees it: its total before and its share of the order discount (orders' ValuedLine). */
export interface CaptureLine extends ValuedLine { id: string }
export interface CaptureOrder { total: number; shippingTotal: number; taxTotal: number; lines: readonly CaptureLine[] }

/**
 * What the order owes once the given units (cumulative, per line id) have shipped.
 * Shipping and tax are owed with the first shipment; once every active unit has
 * shipped, the whole order total is owed. A line's units are worth their share of
 * its value after its discount share (valueOfLineUnits: total − discount_allocated).
 */
export function valueOfShipped(order: CaptureOrder, shippedByLine: ReadonlyMap<string, number>): number {
  const lines = order.lines.filter((l) => l.activeQuantity > 0);
  const shipped = (l: CaptureLine) => Math.min(shippedByLine.get(l.id) ?? 0, l.activeQuantity);
  if (!lines.some((l) => shipped(l) > 0)) return 0;
  if (lines.every((l) => shipped(l) >= l.activeQuantity)) return order.total;
  let items = 0;
  for (const line of lines) items += valueOfLineUnits(line, shipped(line));
  const value = items + order.shippingTotal + order.taxTotal;
  assert(Number.isSafeInteger(value), 'shipped value out of range');
  return Math.min(order.total, value);
}

/** Adds one shipment's units to the cumulative counts. */
export function addUnits(base: ReadonlyMap<string, number>, units: readonly { orderLineId: string; quantity: number }[]): Map<string, number> {
  const sum = new Map(base);
  for (const u of units) sum.set(u.orderLineId, (sum.get(u.orderLineId) ?? 0) + u.quantity);
  return sum;
}

/** Takes `amount` from the parts in the given order, each up to its capacity; answers the takes and what could not be placed. */
export function takeInOrder<T extends { capacity: number }>(amount: number, parts: readonly T[]): { takes: { part: T; amount: number }[]; left: number } {
  assert(Number.isSafeInteger(amount) && amount >= 0, 'amount must be a non-negative integer');
  const takes: { part: T; amount: number }[] = [];
  let left = amount;
  for (const part of parts) {
    if (left === 0) break;
    const take = Math.min(left, Math.max(0, part.capacity));
    if (take > 0) takes.push({ part, amount: take });
    left -= take;
  }
  return { takes, left };
}
