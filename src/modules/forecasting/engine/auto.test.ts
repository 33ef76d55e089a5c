import { test } from 'node:test';
import assert from 'node:assert/strict';
import { autoForecast, inverseMseWeights } from './auto.ts';
import { backtest, originLengths } from './backtest.ts';
import { forecast, METHODS } from './methods.ts';
import { naive } from './naive.ts';

const options = { horizon: 6, season: 12 };

test('degenerate series get explicit fallbacks that say what answered', () => {
  assert.equal(autoForecast([], options).method, 'empty');
  assert.equal(autoForecast([null, null], options).method, 'empty');
  const zero = autoForecast([0, 0, 0, 0, 0, 0], options);
  assert.equal(zero.method, 'zero');
  assert.deepEqual(zero.point, [0, 0, 0, 0, 0, 0]);
  const constant = autoForecast([9, 9, null, 9, 9, 9, 9], options);
  assert.equal(constant.method, 'constant');
  assert.ok(constant.quantiles.every((q) => q.values.every((v) => v === 9)));
  const short = autoForecast([3, 5], options);
  assert.equal(short.method, 'mean');
  assert.deepEqual(short.point, [4, 4, 4, 4, 4, 4]);
});

test('intermittent demand is forecast by the Croston family, smooth demand by ETS/Theta', () => {
  const intermittent = Array.from({ length: 48 }, (_, t) => (t % 3 === 0 ? 4 + (t % 5) : 0));
  const a = autoForecast(intermittent, options);
  assert.match(a.method, /croston/);
  assert.ok(a.weights && Object.keys(a.weights).includes('tsb'));
  const smooth = Array.from({ length: 48 }, (_, t) => 100 + 10 * Math.sin((2 * Math.PI * t) / 12) + ((t * 37) % 7));
  const b = autoForecast(smooth, options);
  assert.match(b.method, /ets\(.*theta/);
  assert.equal(b.pattern, 'smooth');
  const total = Object.values(b.weights ?? {}).reduce((x, y) => x + y, 0);
  assert.ok(Math.abs(total - 1) < 1e-9);
});

test('gaps are reported in notes', () => {
  const y: Array<number | null> = Array.from({ length: 40 }, (_, t) => 50 + (t % 4));
  y[0] = null;
  y[10] = null;
  const r = autoForecast(y, options);
  assert.ok(r.notes?.some((n) => n.includes('leading')));
  assert.ok(r.notes?.some((n) => n.includes('interpolated')));
});

test('hard selection returns a single member of the pool', () => {
  const y = Array.from({ length: 48 }, (_, t) => 20 + (t % 12) + ((t * 13) % 5));
  const r = autoForecast(y, { ...options, selection: 'best' });
  assert.doesNotMatch(r.method, /combination/);
});

test('inverse-MSE weights favour the better member and handle perfect fits', () => {
  const score = (mse: number) => ({ mae: 0, mse, pinball: 0, errorsByStep: [] });
  const w = inverseMseWeights(['a', 'b'], { a: score(1), b: score(3) });
  assert.ok(Math.abs((w[0] ?? 0) - 0.75) < 1e-12);
  assert.deepEqual(inverseMseWeights(['a', 'b'], { a: score(0), b: score(3) }), [1, 0]);
  assert.deepEqual(inverseMseWeights(['a', 'b'], {}), [0.5, 0.5]);
});

test('rolling-origin backtest cuts the series before its end and never looks further', () => {
  assert.deepEqual(originLengths(30, { origins: 3, horizon: 6, stride: 3, minTrain: 10 }), [24, 21, 18]);
  assert.deepEqual(originLengths(12, { origins: 3, horizon: 6, stride: 3, minTrain: 10 }), []);
  const y = Array.from({ length: 20 }, (_, t) => t);
  const seen: number[] = [];
  const scores = backtest(y, { origins: 2, horizon: 2, stride: 1, minTrain: 4 }, (train, h) => {
    seen.push(train.length);
    return { naive: naive(train, { horizon: h, season: 1 }) };
  });
  assert.deepEqual(seen, [18, 17]);
  // Naive on a unit-slope line is off by 1 and 2 at steps 1 and 2.
  assert.equal(scores.naive?.mae, 1.5);
});

test('forecast() dispatches every catalogued method and cleans gaps first', () => {
  const y: Array<number | null> = Array.from({ length: 36 }, (_, t) => 30 + (t % 12));
  y[5] = null;
  for (const method of Object.keys(METHODS) as Array<keyof typeof METHODS>) {
    const r = forecast(y, { horizon: 4, season: 12, method });
    assert.equal(r.point.length, 4, method);
    assert.equal(r.quantiles.length, 9, method);
  }
  assert.equal(forecast([], { horizon: 2, season: 1, method: 'theta' }).method, 'empty');
});
