// Property tests: whatever the input (gaps, zeros, spikes, tiny or constant series), every method
// returns finite, non-negative forecasts of the right length with ordered quantiles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { forecast, METHODS, type MethodName } from './methods.ts';
import type { ForecastResult } from './types.ts';

const value = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 500 }) },
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const series = fc.array(value, { minLength: 0, maxLength: 60 });
const settings = fc.record({ horizon: fc.integer({ min: 1, max: 14 }), season: fc.constantFrom(1, 4, 7, 12) });

function checkGuarantees(r: ForecastResult, horizon: number): void {
  assert.equal(r.point.length, horizon);
  assert.ok(typeof r.method === 'string' && r.method.length > 0);
  assert.ok(r.point.every((v) => Number.isFinite(v) && v >= 0), `point ${r.point.join(',')}`);
  assert.equal(r.quantiles.length, 9);
  r.quantiles.forEach((q, i) => {
    assert.equal(q.values.length, horizon);
    assert.ok(q.values.every((v) => Number.isFinite(v) && v >= 0), `q${q.level} ${q.values.join(',')}`);
    const prev = r.quantiles[i - 1];
    if (prev) {
      assert.ok(prev.level < q.level);
      q.values.forEach((v, h) => assert.ok(v >= (prev.values[h] ?? 0), `crossing at step ${h + 1}`));
    }
  });
}

for (const method of Object.keys(METHODS) as MethodName[]) {
  test(`${method}: finite, non-negative, ordered quantiles on arbitrary input`, () => {
    fc.assert(
      fc.property(series, settings, (y, s) => checkGuarantees(forecast(y, { ...s, method }), s.horizon)),
      { numRuns: method === 'auto' || method === 'ets' || method === 'holt_winters' ? 40 : 60, seed: 42 },
    );
  });
}

test('auto: a series and its copy scaled by 10 get forecasts 10 times larger (scale equivariance of the choice)', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 30, maxLength: 48 }), (y) => {
      const a = forecast(y, { horizon: 3, season: 12 });
      const b = forecast(y.map((v) => v * 10), { horizon: 3, season: 12 });
      a.point.forEach((v, h) => assert.ok(Math.abs((b.point[h] ?? 0) - 10 * v) <= 1e-3 * Math.max(1, 10 * v) + 1e-6, `${b.point[h]} vs ${10 * v}`));
    }),
    { numRuns: 15, seed: 7 },
  );
});
