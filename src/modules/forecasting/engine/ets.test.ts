import { test } from 'node:test';
import assert from 'node:assert/strict';
import { candidateModels, selectEts } from './ets-auto.ts';
import { fitEts, parameterCount } from './ets-fit.ts';
import { linearVariances } from './ets-forecast.ts';
import { dampedSum, etsFilter, etsPointForecast } from './ets-model.ts';

const close = (a: number, b: number, tol = 1e-9): void => assert.ok(Math.abs(a - b) <= tol, `${a} ≉ ${b}`);

test('ETS(A,N,N) filter by hand: y = 10, 12, 11 with α = 0.5 from l0 = 10', () => {
  const r = etsFilter([10, 12, 11], { error: 'A', trend: 'N', season: 'N' }, 1, { alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, { level: 10, trend: 0, season: [] }, true);
  assert.deepEqual(r.fitted, [10, 10, 11]);
  close(r.final.level, 11);
  close(r.sse, 4);
  close(r.lik, 3 * Math.log(4));
});

test('ETS(A,A,N) filter and forecast by hand', () => {
  const spec = { error: 'A', trend: 'A', season: 'N' } as const;
  const p = { alpha: 0.5, beta: 0.2, gamma: 0, phi: 1 };
  const r = etsFilter([10, 12, 15], spec, 1, p, { level: 9, trend: 1, season: [] });
  close(r.final.level, 13.85);
  close(r.final.trend, 1.66);
  const f = etsPointForecast(spec, 1, p, r.final, 3, 2);
  close(f[0] ?? 0, 15.51);
  close(f[1] ?? 0, 17.17);
});

test('damped trend forecast uses φ + φ² + … + φ^h', () => {
  close(dampedSum(0.9, 2), 0.9 + 0.81);
  close(dampedSum(1, 5), 5);
  const spec = { error: 'A', trend: 'Ad', season: 'N' } as const;
  const f = etsPointForecast(spec, 1, { alpha: 0.5, beta: 0.1, gamma: 0, phi: 0.9 }, { level: 100, trend: 10, season: [] }, 5, 2);
  close(f[0] ?? 0, 109);
  close(f[1] ?? 0, 117.1);
});

test('ETS(A,N,A) filter and forecast by hand (m = 2)', () => {
  const spec = { error: 'A', trend: 'N', season: 'A' } as const;
  const p = { alpha: 0.5, beta: 0, gamma: 0.2, phi: 1 };
  const r = etsFilter([5, 9, 7], spec, 2, p, { level: 6, trend: 0, season: [-1, 1] });
  close(r.final.level, 7.5);
  close(r.final.season[0] ?? 0, -0.8);
  close(r.final.season[1] ?? 0, 1.4);
  const f = etsPointForecast(spec, 2, p, r.final, 3, 2);
  close(f[0] ?? 0, 8.9);
  close(f[1] ?? 0, 6.7);
});

test('multiplicative error likelihood adds 2·Σ log ŷ to n·log Σe²', () => {
  const r = etsFilter([10, 12], { error: 'M', trend: 'N', season: 'N' }, 1, { alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, { level: 10, trend: 0, season: [] });
  close(r.sse, 0.04, 1e-12);
  close(r.lik, 2 * Math.log(0.04) + 2 * (2 * Math.log(10)), 1e-9);
});

test('multiplicative models refuse non-positive forecasts', () => {
  const r = etsFilter([1, 2], { error: 'M', trend: 'N', season: 'N' }, 1, { alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, { level: -1, trend: 0, season: [] });
  assert.equal(r.lik, Infinity);
});

test('class 1 variance: σ²(1 + (h − 1)α²) for ETS(A,N,N) and c_j = α + βj for ETS(A,A,N)', () => {
  const base = { m: 1, n: 50, init: { level: 0, trend: 0, season: [] }, final: { level: 0, trend: 0, season: [] }, lik: 0, np: 3, aicc: 0, sigma2: 4 };
  const ann = { ...base, spec: { error: 'A', trend: 'N', season: 'N' } as const, params: { alpha: 0.3, beta: 0, gamma: 0, phi: 1 } };
  const v = linearVariances(ann, [1, 1, 1]);
  close(v[0] ?? 0, 4);
  close(v[2] ?? 0, 4 * (1 + 2 * 0.09));
  const aan = { ...base, spec: { error: 'A', trend: 'A', season: 'N' } as const, params: { alpha: 0.3, beta: 0.1, gamma: 0, phi: 1 } };
  const w = linearVariances(aan, [1, 1, 1]);
  close(w[2] ?? 0, 4 * (1 + 0.4 ** 2 + 0.5 ** 2));
});

test('class 2 variance for ETS(M,N,N) at h = 2: (1 + σ²)(μ² + σ²α²μ²) − μ²', () => {
  const fit = {
    spec: { error: 'M', trend: 'N', season: 'N' } as const, m: 1, n: 50, params: { alpha: 0.5, beta: 0, gamma: 0, phi: 1 },
    init: { level: 0, trend: 0, season: [] }, final: { level: 0, trend: 0, season: [] }, lik: 0, np: 3, aicc: 0, sigma2: 0.01,
  };
  const v = linearVariances(fit, [100, 100]);
  close(v[0] ?? 0, 0.01 * 100 * 100, 1e-9);
  close(v[1] ?? 0, (1 + 0.01) * (10000 + 0.01 * 0.25 * 10000) - 10000, 1e-9);
});

test('parameter count follows Hyndman et al. (parameters + initial states + σ)', () => {
  assert.equal(parameterCount({ error: 'A', trend: 'N', season: 'N' }, 1), 3);
  assert.equal(parameterCount({ error: 'M', trend: 'Ad', season: 'M' }, 12), 4 + 2 + 11 + 1);
  assert.equal(parameterCount({ error: 'A', trend: 'N', season: 'N' }, 1, { alpha: 1 }), 2);
});

test('candidate models: no multiplicative parts with zeros, no seasonal models for long seasons', () => {
  const withZero = candidateModels([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], 4);
  assert.ok(withZero.every((s) => s.error === 'A' && s.season !== 'M'));
  const weekly = candidateModels(Array.from({ length: 104 }, (_, i) => 10 + (i % 7)), 52);
  assert.ok(weekly.every((s) => s.season === 'N'));
  assert.equal(candidateModels(Array.from({ length: 48 }, (_, i) => 10 + (i % 12)), 12).length, 15);
});

test('fitting recovers a smooth level and AICc prefers the seasonal model on seasonal data', () => {
  const figure = [10, -5, 3, -8];
  const y = Array.from({ length: 40 }, (_, t) => 100 + (figure[t % 4] ?? 0) + ((t * 7919) % 5) - 2);
  const fit = fitEts(y, { error: 'A', trend: 'N', season: 'A' }, 4);
  assert.ok(fit && Number.isFinite(fit.aicc));
  const best = selectEts(y, 4);
  assert.ok(best && best.spec.season !== 'N', `selected ${JSON.stringify(best?.spec)}`);
});
