// What a line is worth in money, the one definition every money decision uses (captures
// per shipment, cancel refunds, return refunds): the line's total is quantity × unit
// price of its active units BEFORE its share of the order discount, so its value is
// total − discount_allocated; n of its units are worth floor(value × n / active units),
// counted cumulatively by the callers so the floors never drift and all active units
// are worth exactly the value.
import { assert } from '../../platform/assert.ts';

export interface ValuedLine {
  /** quantity × unit price of the active units, before the discount share. */
  total: number;
  /** The line's share of the order discount. */
  discountAllocated: number;
  /** Units not canceled (quantity − canceled). */
  activeQuantity: number;
}

/** The line's value after its discount share. */
export function lineValue(line: ValuedLine): number {
  return line.total - line.discountAllocated;
}

/** The value of `units` of the line's active units (at most all of them), rounded down, exact. */
export function valueOfLineUnits(line: ValuedLine, units: number): number {
  assert(Number.isSafeInteger(units) && units >= 0, 'units must be a non-negative integer');
  if (line.activeQuantity <= 0 || units === 0) return 0;
  const n = Math.min(units, line.activeQuantity);
  return Number((BigInt(lineValue(line)) * BigInt(n)) / BigInt(line.activeQuantity));
}
