import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forecast, policyLevels } from './index.ts';
import { policyLevelsInDays } from './policy-days.ts';
import { projectStockout } from './stock-projection.ts';

const flat = (value: number, steps: number) => ({
  point: new Array<number>(steps).fill(value),
  quantiles: [0.1, 0.5, 0.9].map((level) => ({ level, values: new Array<number>(steps).fill(value) })),
});

test('whole weeks give exactly the engine policy', () => {
  const f = forecast([60, 75, 68, 80, 59, 71, 77, 64, 70, 73, 66, 69], { horizon: 6, season: 52 });
  const engine = policyLevels(f, { leadTime: 2, reviewPeriod: 1, serviceLevel: 0.95 });
  const days = policyLevelsInDays(f, { leadTimeDays: 14, reviewPeriodDays: 7, serviceLevel: 0.95, periodDays: 7 });
  assert.deepEqual(days, engine);
  assert.ok(days.safetyStock > 0);
});

test('a lead time in days is not rounded to whole weeks', () => {
  const p = policyLevelsInDays(flat(70, 4), { leadTimeDays: 10, reviewPeriodDays: 7, serviceLevel: 0.95, periodDays: 7 });
  assert.ok(Math.abs(p.leadTimeDemand - 100) < 1e-9);
  assert.ok(Math.abs(p.protectionDemand - 170) < 1e-9);
  assert.ok(p.safetyStock < 1e-9, 'certain demand needs no safety stock');
  assert.ok(Math.abs(p.reorderPoint - 100) < 1e-9);
  // Past the horizon the last step repeats: 6 weeks of lead time on a 4-week forecast.
  assert.ok(Math.abs(policyLevelsInDays(flat(70, 4), { leadTimeDays: 42, reviewPeriodDays: 7, serviceLevel: 0.9, periodDays: 7 }).orderUpTo - 490) < 1e-9);
});

test('stock runs out on the day demand exceeds it, later when a receipt arrives first', () => {
  // 10 a day (70 a week) from 25 units: days 0, 1 take 20; day 2 wants 10 with 5 left.
  assert.equal(projectStockout(25, [70, 70], '2024-05-01', 7), '2024-05-03');
  assert.equal(projectStockout(25, [70, 70], '2024-05-01', 7, [{ day: '2024-05-03', quantity: 50 }]), '2024-05-08');
  assert.equal(projectStockout(25, [70, 70], '2024-05-01', 7, [{ day: '2024-04-20', quantity: 200 }]), null, 'an overdue delivery counts from today');
  assert.equal(projectStockout(-3, [0, 0], '2024-05-01', 7), '2024-05-01', 'owed units are a stockout now');
  assert.equal(projectStockout(0, [0, 0], '2024-05-01', 7), null);
});
