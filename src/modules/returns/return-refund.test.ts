import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { basisPoints, computeRefund, type RefundInput, type RefundLine, type ShippingRefundRule } from './return-refund.ts';

const line = (lineId: string, quantity: number, value: number, units: number, priorUnits = 0): RefundLine => ({ lineId, quantity, canceled: 0, value, priorUnits, units });

test('one unit of three: a third of the line value, floored; the last unit takes the remainder', () => {
  const base = { taxTotal: 0, shippingTotal: 0, priorShipping: 0, rule: 'never' as const, feeBps: 0 };
  assert.equal(computeRefund({ ...base, lines: [line('a', 3, 1000, 1)] }).items, 333);
  assert.equal(computeRefund({ ...base, lines: [line('a', 3, 1000, 1, 1)] }).items, 333);
  assert.equal(computeRefund({ ...base, lines: [line('a', 3, 1000, 1, 2)] }).items, 334);
});

test('tax follows the lines by value; shipping by the rule; the fee rounds half up', () => {
  const lines = [line('a', 2, 3000, 2), line('b', 1, 1000, 0)];
  const r = computeRefund({ lines, taxTotal: 400, shippingTotal: 500, priorShipping: 0, rule: 'always', feeBps: 1050 });
  // Tax 400 over values 3000:1000 -> 300:100; shipping 500 * 3000/4000 = 375; fee 10.5% of 3000 = 315.
  assert.deepEqual([r.items, r.tax, r.shipping, r.restocking_fee, r.total], [3000, 300, 375, 315, 3360]);
  const notAll = computeRefund({ lines, taxTotal: 400, shippingTotal: 500, priorShipping: 0, rule: 'if_all_returned', feeBps: 0 });
  assert.equal(notAll.shipping, 0);
  const all = computeRefund({ lines: [line('a', 2, 3000, 0, 2), line('b', 1, 1000, 1)], taxTotal: 400, shippingTotal: 500, priorShipping: 0, rule: 'if_all_returned', feeBps: 0 });
  assert.deepEqual([all.items, all.tax, all.shipping], [1000, 100, 500]);
  assert.equal(basisPoints(15, 5000), 8, '7.5 rounds up to 8');
  assert.equal(basisPoints(13, 5000), 7, '6.5 rounds up to 7');
  assert.equal(basisPoints(1000, 10_000), 1000);
});

test('a partly canceled line refunds the value of its active units: 2 ordered, 1 canceled, 1 back → all of it', () => {
  const base = { taxTotal: 100, shippingTotal: 0, priorShipping: 0, rule: 'never' as const, feeBps: 0 };
  const r = computeRefund({ ...base, lines: [{ lineId: 'a', quantity: 2, canceled: 1, value: 1000, priorUnits: 0, units: 1 }] });
  assert.deepEqual([r.items, r.tax, r.total], [1000, 100, 1100]);
});

test('shipping never goes past what earlier returns left (the policy may change in between)', () => {
  const r = computeRefund({ lines: [line('a', 1, 100, 1)], taxTotal: 0, shippingTotal: 500, priorShipping: 450, rule: 'if_all_returned', feeBps: 0 });
  assert.equal(r.shipping, 50);
});

/** An order and a random sequence of partial returns that, in the end, brings back every unit. */
const scenario = fc.record({
  lines: fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 7 }), value: fc.integer({ min: 0, max: 1_000_000 }) }), { minLength: 1, maxLength: 5 }),
  taxTotal: fc.integer({ min: 0, max: 100_000 }),
  shippingTotal: fc.integer({ min: 0, max: 10_000 }),
  rule: fc.constantFrom<ShippingRefundRule>('never', 'always', 'if_all_returned'),
  feeBps: fc.integer({ min: 0, max: 10_000 }),
  seed: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
});

test('property: partial returns sum exactly to the lines, tax and shipping; every amount is a non-negative integer', () => {
  fc.assert(fc.property(scenario, (s) => {
    const prior = s.lines.map(() => 0);
    let priorShipping = 0;
    const sums = { items: 0, tax: 0, shipping: 0, fee: 0, total: 0 };
    let step = 0;
    while (prior.some((p, i) => p < (s.lines[i]?.quantity ?? 0))) {
      // Each return takes a random number of the remaining units of a random subset of lines.
      const units: number[] = s.lines.map((l, i) => {
        const left = l.quantity - (prior[i] ?? 0);
        const pick = (s.seed[(step * 7 + i) % s.seed.length] ?? 0) + step;
        return left === 0 ? 0 : pick % (left + 1);
      });
      if (!units.some((u) => u > 0)) units[prior.findIndex((p, i) => p < (s.lines[i]?.quantity ?? 0))] = 1;
      const input: RefundInput = {
        lines: s.lines.map((l, i) => ({ lineId: `l${i}`, quantity: l.quantity, canceled: 0, value: l.value, priorUnits: prior[i] ?? 0, units: units[i] ?? 0 })),
        taxTotal: s.taxTotal, shippingTotal: s.shippingTotal, priorShipping, rule: s.rule, feeBps: s.feeBps,
      };
      const r = computeRefund(input);
      for (const amount of [r.items, r.tax, r.shipping, r.restocking_fee, r.total]) {
        assert.ok(Number.isSafeInteger(amount) && amount >= 0, `amount ${amount}`);
      }
      assert.ok(r.restocking_fee <= r.items);
      sums.items += r.items; sums.tax += r.tax; sums.shipping += r.shipping; sums.fee += r.restocking_fee; sums.total += r.total;
      priorShipping += r.shipping;
      units.forEach((u, i) => { prior[i] = (prior[i] ?? 0) + u; });
      step++;
    }
    const value = s.lines.reduce((a, l) => a + l.value, 0);
    assert.equal(sums.items, value, 'items add up to the lines exactly');
    assert.equal(sums.tax, s.taxTotal, 'tax adds up exactly');
    assert.equal(sums.shipping, s.rule === 'never' ? 0 : s.shippingTotal, 'shipping by the rule, exactly once');
    assert.equal(sums.total, value + s.taxTotal + sums.shipping - sums.fee);
    assert.ok(sums.total <= value + s.taxTotal + s.shippingTotal, 'never more than the order total');
  }), { numRuns: 500 });
});
