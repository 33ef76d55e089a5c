import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classicalDecomposition, isSeasonal } from './decompose.ts';
import { theta } from './theta.ts';

test('Theta on a constant series forecasts the constant', () => {
  const r = theta(Array.from({ length: 24 }, () => 40), { horizon: 6, season: 12 });
  r.point.forEach((v) => assert.ok(Math.abs(v - 40) < 1e-6));
});

test('Theta extrapolates half the regression slope on a clean trend', () => {
  // On an exact line SES tracks the last value (α → 1) and the drift is half the slope.
  const y = Array.from({ length: 40 }, (_, t) => 10 + 2 * t);
  const r = theta(y, { horizon: 3, season: 1 });
  assert.equal(r.method, 'theta');
  const step = (r.point[2] ?? 0) - (r.point[1] ?? 0);
  assert.ok(Math.abs(step - 1) < 1e-3, `increment ${step}`);
});

test('Theta deseasonalises a clearly seasonal series and reseasonalises the forecast', () => {
  const figure = [1.3, 0.7, 1.1, 0.9];
  const y = Array.from({ length: 40 }, (_, t) => 100 * (figure[t % 4] ?? 1));
  const r = theta(y, { horizon: 4, season: 4 });
  assert.equal(r.method, 'theta(seasonal)');
  r.point.forEach((v, h) => assert.ok(Math.abs(v - 100 * (figure[(40 + h) % 4] ?? 1)) < 1, `step ${h + 1}: ${v}`));
});

test('classical decomposition recovers an additive figure and the seasonality test fires', () => {
  const figure = [3, -1, -4, 2];
  const y = Array.from({ length: 24 }, (_, t) => 50 + 0.5 * t + (figure[t % 4] ?? 0));
  const d = classicalDecomposition(y, 4, 'additive');
  assert.ok(d);
  d.figure.forEach((v, i) => assert.ok(Math.abs(v - (figure[i] ?? 0)) < 1e-9));
  assert.equal(isSeasonal(y.map((v, t) => v - 0.5 * t), 4), true);
  assert.equal(isSeasonal([5, 6, 5, 6, 5, 6, 5, 6, 5, 6], 1), false);
});
