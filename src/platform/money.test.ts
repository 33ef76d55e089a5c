import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitMinor, sumMinor } from './money.ts';

test('splitMinor shares by weight with the largest remainders', () => {
  assert.deepEqual(splitMinor(100, [1, 1, 1]), [34, 33, 33]);
  assert.deepEqual(splitMinor(1000, [3998, 1250]), [762, 238]);
  assert.deepEqual(splitMinor(0, [5, 5]), [0, 0]);
  assert.deepEqual(splitMinor(7, [0, 0]), [4, 3]);
  assert.deepEqual(splitMinor(-100, [1, 1, 1]), [-34, -33, -33]);
});

test('splitMinor always adds up exactly, in integers, never beyond a share', () => {
  fc.assert(fc.property(
    fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
    fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
    (amount, weights) => {
      const shares = splitMinor(amount, weights);
      assert.equal(shares.length, weights.length);
      assert.ok(shares.every(Number.isInteger));
      assert.equal(shares.reduce((a, b) => a + b, 0), amount);
      const total = weights.reduce((a, b) => a + b, 0);
      if (total > 0) shares.forEach((s, i) => assert.ok(Math.abs(s - (amount * (weights[i] as number)) / total) < 1 + 1e-9));
    },
  ), { numRuns: 500 });
});

test('sumMinor refuses non-integers and unsafe totals', () => {
  assert.equal(sumMinor([1, 2, 3]), 6);
  assert.throws(() => sumMinor([1.5]));
  assert.throws(() => sumMinor([Number.MAX_SAFE_INTEGER, 1]));
});
