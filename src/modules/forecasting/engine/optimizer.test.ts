import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromBounded, nelderMead, toBounded } from './optimizer.ts';

test('Nelder-Mead finds the minimum of a shifted quadratic', () => {
  const r = nelderMead((x) => ((x[0] ?? 0) - 1) ** 2 + ((x[1] ?? 0) + 2) ** 2 + 3, [0, 0], { tolerance: 1e-12, maxEvaluations: 2000 });
  assert.ok(Math.abs((r.x[0] ?? 0) - 1) < 1e-4);
  assert.ok(Math.abs((r.x[1] ?? 0) + 2) < 1e-4);
  assert.ok(Math.abs(r.value - 3) < 1e-8);
});

test('Nelder-Mead solves the Rosenbrock valley', () => {
  const rosen = (x: readonly number[]): number => 100 * ((x[1] ?? 0) - (x[0] ?? 0) ** 2) ** 2 + (1 - (x[0] ?? 0)) ** 2;
  const r = nelderMead(rosen, [-1.2, 1], { tolerance: 1e-14, maxEvaluations: 5000, step: 0.5 });
  assert.ok(Math.abs((r.x[0] ?? 0) - 1) < 1e-3, `x = ${r.x.join(',')}`);
  assert.ok(Math.abs((r.x[1] ?? 0) - 1) < 2e-3);
});

test('Nelder-Mead respects the evaluation budget and survives non-finite values', () => {
  let calls = 0;
  const r = nelderMead((x) => {
    calls++;
    return (x[0] ?? 0) > 0.5 ? NaN : ((x[0] ?? 0) - 0.4) ** 2;
  }, [0], { maxEvaluations: 50 });
  assert.ok(calls <= 52);
  assert.ok(Number.isFinite(r.value));
  assert.ok((r.x[0] ?? 0) <= 0.5);
});

test('toBounded and fromBounded are inverse and stay inside the bounds', () => {
  for (const v of [0.0001, 0.3, 0.5, 0.97]) assert.ok(Math.abs(toBounded(fromBounded(v, 0, 1), 0, 1) - v) < 1e-9);
  assert.ok(toBounded(1000, 0.8, 0.98) <= 0.98);
  assert.ok(toBounded(-1000, 0.8, 0.98) >= 0.8);
});
