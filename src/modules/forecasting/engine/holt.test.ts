import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holt } from './holt.ts';
import { holtWinters } from './holt-winters.ts';

test('Holt recovers an exact linear trend', () => {
  const y = Array.from({ length: 30 }, (_, t) => 50 + 3 * t);
  const r = holt(y, { horizon: 5, season: 1 });
  assert.equal(r.method, 'holt');
  r.point.forEach((v, h) => assert.ok(Math.abs(v - (50 + 3 * (30 + h))) < 1e-6, `step ${h + 1}: ${v}`));
});

test('damped Holt flattens the trend', () => {
  const y = Array.from({ length: 30 }, (_, t) => 50 + 3 * t + (t % 2));
  const r = holt(y, { horizon: 24, season: 1, damped: true, fixed: { phi: 0.85 } });
  assert.equal(r.method, 'holt_damped');
  const lastStep = (r.point[23] ?? 0) - (r.point[22] ?? 0);
  assert.ok(lastStep < 0.2, `late increment ${lastStep}`);
});

test('Holt-Winters recovers a perfect additive seasonal series with trend', () => {
  const figure = [5, -3, 8, -10, 2, 0, -2, 4, -6, 3, 1, -2];
  const y = Array.from({ length: 48 }, (_, t) => 200 + 1.5 * t + (figure[t % 12] ?? 0));
  const r = holtWinters(y, { horizon: 12, season: 12 });
  assert.equal(r.method, 'holt_winters');
  r.point.forEach((v, h) => {
    const t = 48 + h;
    assert.ok(Math.abs(v - (200 + 1.5 * t + (figure[t % 12] ?? 0))) < 1e-6, `step ${h + 1}: ${v}`);
  });
});

test('multiplicative Holt-Winters follows a multiplicative seasonal pattern closely', () => {
  const figure = [1.2, 0.8, 1.1, 0.9];
  const y = Array.from({ length: 40 }, (_, t) => 100 * (figure[t % 4] ?? 1));
  const r = holtWinters(y, { horizon: 8, season: 4, seasonal: 'multiplicative' });
  r.point.forEach((v, h) => {
    const expected = 100 * (figure[(40 + h) % 4] ?? 1);
    assert.ok(Math.abs(v - expected) / expected < 0.01, `step ${h + 1}: ${v} vs ${expected}`);
  });
});

test('Holt-Winters without two full seasons falls back to Holt and says so', () => {
  const r = holtWinters([1, 2, 3, 4, 5, 6, 7, 8], { horizon: 3, season: 12 });
  assert.equal(r.method, 'holt');
  assert.ok(r.notes?.some((n) => n.includes('Holt-Winters')));
});
