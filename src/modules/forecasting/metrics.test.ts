import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mase, quantileLoss, rmsse, score, seasonalScale } from './metrics.ts';
import { QUANTILE_LEVELS } from './engine/types.ts';

const close = (a: number, b: number, tol = 1e-12): void => assert.ok(Math.abs(a - b) <= tol, `${a} ≉ ${b}`);
const train = [1, 2, 3, 4, 5, 6];

test('seasonal scale is the mean absolute (or squared) lag-m difference of the training data', () => {
  close(seasonalScale(train, 2, 1), 2);
  close(seasonalScale(train, 2, 2), 4);
  // A series no longer than its season falls back to lag 1.
  close(seasonalScale([1, 3], 12, 1), 2);
});

test('MASE and RMSSE by hand', () => {
  close(mase([7, 8], [6, 10], train, 2), 0.75);
  close(rmsse([7, 8], [6, 10], train, 2), Math.sqrt(2.5 / 4));
  assert.ok(Number.isNaN(mase([1], [1], [5, 5, 5], 1)));
});

test('quantile loss is 2·|(y − q)(1{y ≤ q} − τ)|', () => {
  close(quantileLoss(7, 6, 0.1), 0.2);
  close(quantileLoss(8, 10, 0.9), 2 * 2 * 0.1);
  close(quantileLoss(5, 5, 0.3), 0);
});

test('WQL by hand: quantiles equal to the point give mean |error| / mean |y| here', () => {
  const forecast = { point: [6, 10], quantiles: QUANTILE_LEVELS.map((level) => ({ level, values: [6, 10] })) };
  const s = score([{ train, actual: [7, 8], forecast }], 2);
  // Losses: Σ2τ = 9 for y > q, Σ4(1 − τ) = 18 for y ≤ q; mean over 18 = 1.5; mean |y| = 7.5.
  close(s.wql, 0.2);
  close(s.mase, 0.75);
  assert.equal(s.series, 1);
});

test('score averages MASE over series, skips missing actuals and counts unscalable series', () => {
  const f = (v: number) => ({ point: [v, v], quantiles: [] });
  const s = score([
    { train, actual: [7, null], forecast: f(6) },
    { train, actual: [5, 9], forecast: f(6) },
    { train: [3, 3, 3], actual: [3, 3], forecast: f(3) },
  ], 2);
  close(s.mase, (0.5 + (1 + 3) / 2 / 2) / 2);
  assert.equal(s.series, 2);
  assert.equal(s.excluded, 1);
});

test('properties: a perfect forecast scores 0, scores are never negative', () => {
  fc.assert(fc.property(
    fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 6, maxLength: 20 }),
    fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 }),
    (tr, actual) => {
      const perfect = { point: actual, quantiles: QUANTILE_LEVELS.map((level) => ({ level, values: actual })) };
      const s = score([{ train: tr, actual, forecast: perfect }], 2);
      if (s.series === 1) close(s.mase, 0);
      if (Number.isFinite(s.wql)) close(s.wql, 0);
      const off = { point: actual.map((v) => v + 1), quantiles: [] };
      const t = score([{ train: tr, actual, forecast: off }], 2);
      assert.ok(!(t.mase < 0) && !(t.wql < 0));
    },
  ), { numRuns: 100, seed: 3 });
});
