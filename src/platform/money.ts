// Money is an integer count of minor units. These are the only two functions that do
// arithmetic on amounts across many parts: one sums, one splits.
import { assert } from './assert.ts';

/** Sums amounts in minor units; throws if the result leaves the exact integer range. */
export function sumMinor(amounts: readonly number[]): number {
  let total = 0;
  for (const amount of amounts) {
    assert(Number.isSafeInteger(amount), `amount must be an integer, got ${amount}`);
    total += amount;
  }
  assert(Number.isSafeInteger(total), 'sum of amounts is out of the exact integer range');
  return total;
}

/**
 * Splits `amount` across parts in proportion to `weights` by the largest-remainder
 * method: the shares are integers and add up to `amount` exactly. Ties go to the
 * earlier part, so the split is deterministic.
 */
export function splitMinor(amount: number, weights: readonly number[]): number[] {
  assert(Number.isSafeInteger(amount), 'amount must be an integer');
  assert(weights.every((w) => Number.isSafeInteger(w) && w >= 0), 'weights must be non-negative integers');
  const weightTotal = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (weightTotal === 0) {
    // No basis for proportion: split evenly.
    return splitMinor(amount, weights.map(() => 1));
  }
  const sign = amount < 0 ? -1 : 1;
  const absolute = BigInt(Math.abs(amount));
  const total = BigInt(weightTotal);
  const shares = weights.map((w) => (absolute * BigInt(w)) / total);
  const remainders = weights.map((w, i) => ({ i, r: (absolute * BigInt(w)) % total }));
  let left = absolute - shares.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map((s) => sign * Number(s));
}

/** ISO 4217 codes are three upper-case letters. */
export const CURRENCY_PATTERN = '^[A-Z]{3}$';
