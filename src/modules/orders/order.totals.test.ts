import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeTotals, ORDER_AMOUNT_MAX } from './order.totals.ts';
import { Problem } from '../../platform/http/index.ts';

test('the API example adds up: 2 x 1999 + 500 shipping = 4498', () => {
  const t = computeTotals([{ quantity: 2, unitPrice: 1999 }], { discount: 0, shipping: 500, tax: 0 });
  assert.deepEqual([t.subtotal, t.total], [3998, 4498]);
});

test('discounts are shared over lines exactly and never exceed the subtotal', () => {
  fc.assert(fc.property(
    fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 1000 }), unitPrice: fc.integer({ min: 0, max: 1_000_000 }) }), { minLength: 1, maxLength: 20 }),
    fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }),
    (lines, share, shipping, tax) => {
      const subtotal = lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
      const discount = Math.floor(subtotal * share);
      const t = computeTotals(lines, { discount, shipping, tax });
      assert.equal(t.subtotal, subtotal);
      assert.equal(t.lineDiscounts.reduce((a, b) => a + b, 0), discount);
      t.lineDiscounts.forEach((d, i) => assert.ok(d >= 0 && d <= (t.lineTotals[i] as number)));
      assert.equal(t.total, subtotal - discount + shipping + tax);
    },
  ), { numRuns: 300 });
});

test('an oversized order is refused as amount_out_of_range, not rounded', () => {
  assert.throws(() => computeTotals([{ quantity: 100_000, unitPrice: 100_000_000_000 }], { discount: 0, shipping: 0, tax: 0 }),
    (e: unknown) => e instanceof Problem && e.code === 'amount_out_of_range');
  assert.ok(ORDER_AMOUNT_MAX < Number.MAX_SAFE_INTEGER);
});

test('a discount above the subtotal is a validation error', () => {
  assert.throws(() => computeTotals([{ quantity: 1, unitPrice: 100 }], { discount: 101, shipping: 0, tax: 0 }),
    (e: unknown) => e instanceof Problem && e.code === 'validation_failed' && e.errors?.[0]?.path === 'discount_total');
});
