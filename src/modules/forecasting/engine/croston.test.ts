import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compoundQuantiles, croston, sba, tsb } from './croston.ts';
import { classifyDemand } from './intermittence.ts';
import { quantileValues } from './quantiles.ts';

const close = (a: number, b: number, tol = 1e-9): void => assert.ok(Math.abs(a - b) <= tol, `${a} ≉ ${b}`);
const y = [0, 3, 0, 0, 6, 0];

test('Croston by hand: sizes 3 → 4.5, intervals 2 → 2.5 with α = 0.5', () => {
  const r = croston(y, { horizon: 3, season: 1, alpha: 0.5 });
  assert.equal(r.method, 'croston');
  r.point.forEach((v) => close(v, 4.5 / 2.5));
});

test('SBA multiplies Croston by 1 − α/2', () => {
  const r = sba(y, { horizon: 1, season: 1, alpha: 0.5 });
  close(r.point[0] ?? 0, (4.5 / 2.5) * 0.75);
});

test('TSB by hand with α = β = 0.5', () => {
  const r = tsb(y, { horizon: 2, season: 1, alpha: 0.5, beta: 0.5 });
  close(r.point[0] ?? 0, (55 / 192) * 4.875);
});

test('Croston and TSB on a constant non-zero series forecast that constant', () => {
  const c = Array.from({ length: 20 }, () => 7);
  for (const r of [croston(c, { horizon: 4, season: 1 }), tsb(c, { horizon: 4, season: 1 })]) {
    r.point.forEach((v) => close(v, 7));
    for (const q of r.quantiles) q.values.forEach((v) => close(v, 7));
  }
});

test('all-zero history forecasts zero', () => {
  const r = croston([0, 0, 0, 0], { horizon: 2, season: 1 });
  assert.deepEqual(r.point, [0, 0]);
});

test('compound quantiles: zero below 1 − π, rescaled sizes above', () => {
  // π = 0.25 and sizes {2, 4, 6} (mean 4): the forecast 1 = π·4 needs no rescaling.
  const qs = compoundQuantiles(1, 0.25, [2, 4, 6], 1, [0.5, 0.75, 0.875, 1]);
  assert.deepEqual(qs.map((q) => q.values[0]), [0, 0, 4, 6]);
  const r = croston([0, 0, 0, 10, 0, 0, 0, 10, 0, 0, 0, 10], { horizon: 1, season: 1, alpha: 0.1 });
  assert.equal(quantileValues(r, 0.5)?.[0], 0);
  assert.ok((quantileValues(r, 0.9)?.[0] ?? 0) > 0);
});

test('ADI/CV² classification', () => {
  assert.equal(classifyDemand([5, 6, 5, 7, 6, 5]).pattern, 'smooth');
  assert.equal(classifyDemand([1, 20, 2, 30, 1, 25]).pattern, 'erratic');
  assert.equal(classifyDemand([0, 5, 0, 0, 6, 0, 5, 0]).pattern, 'intermittent');
  assert.equal(classifyDemand([0, 1, 0, 0, 40, 0, 2, 0]).pattern, 'lumpy');
  const p = classifyDemand([0, 4, 0, 4]);
  close(p.adi, 2);
  close(p.cv2, 0);
});
