import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planRouting, type Candidate } from './plan.ts';

const loc = (code: string, priority = 100, latitude: number | null = null, longitude: number | null = null): Candidate =>
  ({ locationId: `id-${code}`, code, priority, latitude, longitude });
const stock = (entries: Record<string, Record<string, number>>) =>
  new Map(Object.entries(entries).map(([p, byLoc]) => [p, new Map(Object.entries(byLoc).map(([l, q]) => [`id-${l}`, q]))]));

test('one location that can fill the whole order wins over a split', () => {
  const plan = planRouting(
    [{ productId: 'A', quantity: 2, policy: 'deny' }, { productId: 'B', quantity: 1, policy: 'deny' }],
    [loc('W1', 1), loc('W2', 2)],
    stock({ A: { W1: 5, W2: 5 }, B: { W2: 1 } }), null);
  assert.equal(plan.strategy, 'single');
  assert.deepEqual(plan.allocations.map((a) => a.locationId), ['id-W2', 'id-W2']);
});

test('the nearest location that can fill wins, then priority, then code', () => {
  const newYork = { latitude: 40.75, longitude: -73.99 };
  const candidates = [loc('EAST', 50, 40.72, -74.14), loc('WEST', 1, 39.45, -119.75), loc('NOCOORD', 0)];
  const full = stock({ A: { EAST: 5, WEST: 5, NOCOORD: 5 } });
  assert.equal(planRouting([{ productId: 'A', quantity: 1, policy: 'deny' }], candidates, full, newYork).allocations[0]?.locationId, 'id-EAST');
  // Without an address position, priority decides; equal priority falls back to code.
  assert.equal(planRouting([{ productId: 'A', quantity: 1, policy: 'deny' }], candidates, full, null).allocations[0]?.locationId, 'id-NOCOORD');
  const tie = planRouting([{ productId: 'A', quantity: 1, policy: 'deny' }], [loc('B', 5), loc('A', 5)], stock({ A: { A: 1, B: 1 } }), null);
  assert.equal(tie.allocations[0]?.locationId, 'id-A');
});

test('splits only when no single location can, taking the biggest cover first', () => {
  const plan = planRouting(
    [{ productId: 'A', quantity: 10, policy: 'deny' }],
    [loc('W1', 1), loc('W2', 2), loc('W3', 3)],
    stock({ A: { W1: 3, W2: 8, W3: 4 } }), null);
  assert.equal(plan.strategy, 'split');
  // After W2 takes 8, W1 and W3 both cover the last 2: the better-ranked W1 wins.
  assert.deepEqual(plan.allocations, [{ productId: 'A', locationId: 'id-W2', quantity: 8 }, { productId: 'A', locationId: 'id-W1', quantity: 2 }]);
});

test('deny shortages are reported; continue items backorder the rest', () => {
  const plan = planRouting(
    [{ productId: 'A', quantity: 5, policy: 'deny' }, { productId: 'P', quantity: 4, policy: 'continue' }],
    [loc('W1')], stock({ A: { W1: 2 }, P: { W1: 1 } }), null);
  assert.deepEqual(plan.shortages, [{ productId: 'A', requested: 5, available: 2 }]);
  assert.deepEqual(plan.backorders, [{ productId: 'P', quantity: 3 }]);
});

test('an empty candidate list leaves everything short or backordered', () => {
  const plan = planRouting([{ productId: 'A', quantity: 1, policy: 'continue' }], [], new Map(), null);
  assert.equal(plan.strategy, 'none');
  assert.deepEqual(plan.backorders, [{ productId: 'A', quantity: 1 }]);
});
