import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combineForecasts, finalizeResult, normalQuantiles, residualQuantiles, sampleQuantiles } from './quantiles.ts';

test('finalizeResult clips negatives, replaces NaN and uncrosses quantiles', () => {
  const r = finalizeResult({
    method: 'x',
    point: [NaN, -3, 5],
    quantiles: [
      { level: 0.9, values: [1, 2, 4] },
      { level: 0.1, values: [-1, Infinity, 6] },
    ],
  });
  assert.deepEqual(r.point, [0, 0, 5]);
  assert.deepEqual(r.quantiles.map((q) => q.level), [0.1, 0.9]);
  assert.deepEqual(r.quantiles[0]?.values, [0, 0, 4]);
  assert.deepEqual(r.quantiles[1]?.values, [1, 2, 6]);
});

test('normal quantiles are symmetric around the point', () => {
  const qs = normalQuantiles([10], [2], [0.1, 0.5, 0.9]);
  assert.ok(Math.abs((qs[0]?.values[0] ?? 0) + (qs[2]?.values[0] ?? 0) - 20) < 1e-9);
  assert.equal(qs[1]?.values[0], 10);
});

test('sample and residual quantiles read empirical distributions', () => {
  const s = sampleQuantiles([[5, 1, 3, 2, 4]], [0.5]);
  assert.equal(s[0]?.values[0], 3);
  const r = residualQuantiles([10, 20], [[-1, 0, 1], [-2, 0, 2]], [0.5, 1]);
  assert.deepEqual(r[1]?.values, [11, 22]);
});

test('combineForecasts averages points and quantiles with weights', () => {
  const a = { method: 'a', point: [10], quantiles: [{ level: 0.5, values: [10] }] };
  const b = { method: 'b', point: [20], quantiles: [{ level: 0.5, values: [30] }] };
  const c = combineForecasts('c', [a, b], [3, 1]);
  assert.deepEqual(c.point, [12.5]);
  assert.deepEqual(c.quantiles[0]?.values, [15]);
});
