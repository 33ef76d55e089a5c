import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acf, linearFit, mean, normalQuantile, seededRandom, sortedQuantile, variance } from './stats.ts';

test('normalQuantile matches tabulated values', () => {
  assert.equal(normalQuantile(0.5), 0);
  assert.ok(Math.abs(normalQuantile(0.975) - 1.959963985) < 1e-8);
  assert.ok(Math.abs(normalQuantile(0.9) - 1.281551566) < 1e-8);
  assert.ok(Math.abs(normalQuantile(0.01) + 2.326347874) < 1e-8);
  assert.equal(normalQuantile(0), -Infinity);
  assert.equal(normalQuantile(1), Infinity);
});

test('mean, variance and sortedQuantile on small samples', () => {
  assert.equal(mean([]), 0);
  assert.equal(mean([1, 2, 3, 6]), 3);
  assert.equal(variance([1, 2, 3, 6]), 14 / 3);
  assert.equal(sortedQuantile([1, 2, 3, 4, 5], 0.5), 3);
  assert.equal(sortedQuantile([1, 2, 3, 4, 5], 0.1), 1.4);
  assert.equal(sortedQuantile([], 0.3), 0);
});

test('linearFit recovers an exact line', () => {
  const { intercept, slope } = linearFit([5, 7, 9, 11], 1);
  assert.ok(Math.abs(intercept - 3) < 1e-12);
  assert.ok(Math.abs(slope - 2) < 1e-12);
});

test('acf of an alternating series is -1-ish at lag 1 and +1-ish at lag 2', () => {
  const r = acf([1, -1, 1, -1, 1, -1, 1, -1], 2);
  assert.ok((r[0] ?? 0) < -0.8);
  assert.ok((r[1] ?? 0) > 0.7);
});

test('seededRandom is reproducible and uniform on [0, 1)', () => {
  const a = seededRandom(7);
  const b = seededRandom(7);
  for (let i = 0; i < 100; i++) {
    const x = a();
    assert.equal(x, b());
    assert.ok(x >= 0 && x < 1);
  }
});
