import { test } from 'node:test';
import assert from 'node:assert/strict';
import { historicalMean, naive, seasonalNaive } from './naive.ts';
import { quantileValues } from './quantiles.ts';

test('seasonal naive repeats the last season', () => {
  const y = [1, 2, 3, 4, 5, 6, 7, 8];
  const r = seasonalNaive(y, { horizon: 6, season: 4 });
  assert.equal(r.method, 'seasonal_naive');
  assert.deepEqual(r.point, [5, 6, 7, 8, 5, 6]);
});

test('seasonal naive spread grows by one residual variance per elapsed season', () => {
  // Seasonal differences are all 4, so σ = 4 and σ_h = 4·√(⌊(h−1)/m⌋ + 1).
  const y = [1, 2, 3, 4, 5, 6, 7, 8];
  const r = seasonalNaive(y, { horizon: 5, season: 4 });
  const q9 = quantileValues(r, 0.9) ?? [];
  const q5 = quantileValues(r, 0.5) ?? [];
  const z = 1.2815515655446004;
  assert.ok(Math.abs((q9[0] ?? 0) - (q5[0] ?? 0) - 4 * z) < 1e-6);
  assert.ok(Math.abs((q9[4] ?? 0) - (q5[4] ?? 0) - 4 * Math.SQRT2 * z) < 1e-6);
});

test('seasonal naive on a series shorter than a season falls back to naive', () => {
  const r = seasonalNaive([3, 4], { horizon: 2, season: 12 });
  assert.equal(r.method, 'naive');
  assert.deepEqual(r.point, [4, 4]);
});

test('naive and historical mean', () => {
  assert.deepEqual(naive([1, 5, 2], { horizon: 2, season: 1 }).point, [2, 2]);
  assert.deepEqual(historicalMean([1, 5, 3], { horizon: 2, season: 1 }).point, [3, 3]);
});
