import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { croston } from './engine/croston.ts';
import { normalQuantiles } from './engine/quantiles.ts';
import {
  fillRateLevel, inventoryPosition, isOverstocked, orderUpToLevel, policyLevels, projectedStockoutDate,
  quantileFunction, reorderPoint, safetyStock, suggestedOrderQuantity, weeksOfCover,
} from './replenishment.ts';
import { POLICY_LEVELS } from './simulation.ts';

const close = (a: number, b: number, tol: number): void => assert.ok(Math.abs(a - b) <= tol, `${a} ≉ ${b}`);

function normalForecast(mean: number, sd: number, steps: number) {
  const point = new Array<number>(steps).fill(mean);
  return { point, quantiles: normalQuantiles(point, point.map(() => sd), POLICY_LEVELS) };
}

test('a certain forecast needs no safety stock', () => {
  const point = [10, 20, 30, 40];
  const f = { point, quantiles: [0.1, 0.5, 0.9].map((level) => ({ level, values: point })) };
  const p = policyLevels(f, { leadTime: 2, reviewPeriod: 1, serviceLevel: 0.99 });
  assert.equal(p.safetyStock, 0);
  assert.equal(p.reorderPoint, 30);
  assert.equal(p.orderUpTo, 60);
});

test('normal demand, independent periods: safety stock ≈ z_α·σ·√(L + R)', () => {
  const f = normalForecast(100, 10, 6);
  const target = { leadTime: 2, reviewPeriod: 1, serviceLevel: 0.95, sampling: { samples: 20000 } };
  close(safetyStock(f, target), 1.6449 * 10 * Math.sqrt(3), 1.5);
  close(reorderPoint(f, target), 200 + 1.6449 * 10 * Math.sqrt(3), 1.5);
  close(orderUpToLevel(f, target), 300 + 1.6449 * 10 * Math.sqrt(3), 1.5);
});

test('fill-rate level by hand: E[(X − S)⁺] = (1 − α)·review demand', () => {
  // Samples 0, 10, 20, 30; allowed shortage (1 − 0.9)·20 = 2 is met at S = 22.
  close(fillRateLevel([0, 10, 20, 30], 0.9, 20), 22, 1e-12);
  close(fillRateLevel([0, 10, 20, 30], 1, 20), 30, 1e-12);
  assert.equal(fillRateLevel([], 0.9, 20), 0);
});

test('a fill-rate target holds less than the same cycle-service target', () => {
  const f = normalForecast(100, 20, 4);
  const cycle = orderUpToLevel(f, { leadTime: 1, reviewPeriod: 1, serviceLevel: 0.95 });
  const fill = orderUpToLevel(f, { leadTime: 1, reviewPeriod: 1, serviceLevel: 0.95, service: 'fill' });
  assert.ok(fill < cycle);
});

test('intermittent forecasts get a positive buffer from the compound distribution', () => {
  const y = Array.from({ length: 40 }, (_, t) => (t % 4 === 0 ? 8 : 0));
  const f = croston(y, { horizon: 4, season: 1, levels: POLICY_LEVELS });
  const p = policyLevels(f, { leadTime: 1, reviewPeriod: 1, serviceLevel: 0.95 });
  assert.ok(p.safetyStock > 0);
  assert.ok(p.orderUpTo >= 8);
});

test('quantile function interpolates between levels and extends the tails', () => {
  const f = { point: [10], quantiles: [{ level: 0.1, values: [5] }, { level: 0.5, values: [10] }, { level: 0.9, values: [20] }] };
  const q = quantileFunction(f, 0);
  close(q(0.3), 7.5, 1e-12);
  close(q(0.7), 15, 1e-12);
  assert.ok(q(0.99) > 20);
  assert.ok(q(0.01) < 5 && q(0.01) >= 0);
});

test('order levels never decrease with the service level', () => {
  fc.assert(fc.property(
    fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }),
    fc.double({ min: 0.5, max: 0.98, noNaN: true }), fc.integer({ min: 0, max: 3 }),
    (mean, sd, a, lead) => {
      const f = normalForecast(mean, sd, 5);
      const lo = orderUpToLevel(f, { leadTime: lead, reviewPeriod: 1, serviceLevel: a, sampling: { samples: 500 } });
      const hi = orderUpToLevel(f, { leadTime: lead, reviewPeriod: 1, serviceLevel: a + 0.01, sampling: { samples: 500 } });
      assert.ok(hi >= lo - 1e-9 && lo >= 0);
    },
  ), { numRuns: 50, seed: 11 });
});

test('suggested order quantity from on hand − reserved + on order, with pack rounding', () => {
  const position = { onHand: 50, reserved: 10, onOrder: 20 };
  assert.equal(inventoryPosition(position), 60);
  assert.equal(suggestedOrderQuantity(100.2, position), 41);
  assert.equal(suggestedOrderQuantity(100.2, position, { packSize: 12 }), 48);
  assert.equal(suggestedOrderQuantity(100.2, position, { packSize: 12, minimumOrder: 50 }), 60);
  assert.equal(suggestedOrderQuantity(55, position), 0);
});

test('projected stockout date interpolates inside the period that runs dry', () => {
  const start = new Date('2025-01-01T00:00:00Z');
  const d = projectedStockoutDate(25, [10, 10, 10], { start, periodDays: 7 });
  assert.equal(d?.toISOString(), '2025-01-18T12:00:00.000Z');
  assert.equal(projectedStockoutDate(100, [10, 10, 10], { start, periodDays: 7 }), null);
  assert.equal(projectedStockoutDate(0, [0, 3], { start, periodDays: 1 })?.toISOString(), '2025-01-02T00:00:00.000Z');
});

test('weeks of cover and the overstock flag', () => {
  assert.equal(weeksOfCover(60, [10, 10], 7), 6);
  assert.equal(weeksOfCover(60, [30, 30], 30), 60 / 7);
  assert.equal(isOverstocked(60, [10, 10], 7, 4), true);
  assert.equal(isOverstocked(60, [10, 10], 7, 8), false);
  assert.equal(weeksOfCover(5, [0, 0], 7), Infinity);
  assert.equal(weeksOfCover(0, [0, 0], 7), 0);
});
