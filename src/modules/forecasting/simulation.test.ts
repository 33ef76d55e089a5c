import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseWideCsv } from './evaluate.ts';
import { formatSimulation, replay, simulate } from './simulation.ts';

test('replay by hand: enough stock serves all demand', () => {
  const o = replay([5, 5, 5, 5], () => 15, 1, 1);
  assert.equal(o.demand, 20);
  assert.equal(o.filled, 20);
  assert.equal(o.stockPeriods, 10 + 5 + 5 + 5);
  assert.equal(o.stockoutPeriods, 0);
});

test('replay by hand: lost sales when the level is too low', () => {
  const o = replay([5, 5], () => 4, 0, 1);
  assert.equal(o.filled, 8);
  assert.equal(o.stockoutPeriods, 2);
});

test('replay respects the lead time: the level must cover L + R periods of demand', () => {
  // Demand 10 per period, L = 2, R = 1: a level of 30 covers the protection interval exactly.
  const enough = replay([10, 10, 10, 10, 10], () => 30, 2, 1);
  assert.equal(enough.filled, 50);
  assert.equal(enough.stockPeriods, 20 + 10);
  // A level of 10 only covers one period; the order placed at t = 1 arrives at t = 3.
  const short = replay([10, 10, 10, 10, 10], () => 10, 2, 1);
  assert.equal(short.filled, 10 + 0 + 0 + 10 + 0);
});

function sampleData() {
  const lines = ['period,a,b,c'];
  for (let t = 0; t < 48; t++) {
    const noise = ((t * 7919) % 11) - 5;
    lines.push(`${t},${50 + noise},${100 + 30 * Math.sin((2 * Math.PI * t) / 12) + noise},${t % 3 === 0 ? 6 + (t % 4) : 0}`);
  }
  return parseWideCsv(lines.join('\n'));
}

test('simulate reports one row per method and service level, with more stock for higher targets', () => {
  const rows = simulate(sampleData(), {
    horizon: 12, season: 12, leadTime: 2, reviewPeriod: 1, serviceLevels: [0.9, 0.99], services: ['cycle', 'fill'],
    methods: ['auto', 'seasonal_naive'], samples: 300,
  });
  assert.equal(rows.length, 8);
  for (const method of ['auto', 'seasonal_naive'] as const) {
    const [lo, hi] = rows.filter((r) => r.method === method && r.service === 'cycle');
    assert.ok(lo && hi);
    assert.ok(hi.averageStock >= lo.averageStock);
    assert.ok(hi.fillRate >= lo.fillRate - 1e-9);
    assert.ok(lo.fillRate > 0 && lo.fillRate <= 1);
    assert.equal(lo.series, 3);
  }
  const fill = rows.find((r) => r.method === 'auto' && r.service === 'fill' && r.serviceLevel === 0.99);
  const cycle = rows.find((r) => r.method === 'auto' && r.service === 'cycle' && r.serviceLevel === 0.99);
  assert.ok(fill && cycle && fill.averageStock <= cycle.averageStock);
  assert.match(formatSimulation(rows), /\| auto \| cycle service \| 0\.90 \|/);
});
