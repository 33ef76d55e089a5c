import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { planRouting, type Candidate, type Demand, type RoutingDelivery, type RoutingRequest } from './plan.ts';
import { DEFAULT_ROUTING_RULES, postalCodeKeys, type RoutingRules } from './rules.ts';

const loc = (code: string, priority = 100, latitude: number | null = null, longitude: number | null = null, ships = true, pickup = false): Candidate =>
  ({ locationId: `id-${code}`, code, priority, latitude, longitude, ships, pickup });
const stock = (entries: Record<string, Record<string, number>>) =>
  new Map(Object.entries(entries).map(([p, byLoc]) => [p, new Map(Object.entries(byLoc).map(([l, q]) => [`id-${l}`, q]))]));
const demand = (productId: string, quantity: number, policy: 'deny' | 'continue' = 'deny'): Demand => ({ productId, sku: `SKU-${productId}`, quantity, policy });
const ship = (destination: { latitude: number; longitude: number } | null = null): RoutingDelivery =>
  ({ type: 'ship', destination: destination ? { ...destination, source: 'address' } : null });

function plan(demands: Demand[], candidates: Candidate[], s: RoutingRequest['stock'], options: { delivery?: RoutingDelivery; rules?: Partial<RoutingRules>; total?: number } = {}) {
  return planRouting({
    demands, candidates, stock: s, delivery: options.delivery ?? ship(), orderTotal: options.total ?? 10_000,
    rules: { ...DEFAULT_ROUTING_RULES, ...options.rules },
  });
}

test('one location that can fill the whole order wins over a split', () => {
  const p = plan([demand('A', 2), demand('B', 1)], [loc('W1', 1), loc('W2', 2)], stock({ A: { W1: 5, W2: 5 }, B: { W2: 1 } }));
  assert.equal(p.strategy, 'single');
  assert.deepEqual(p.allocations.map((a) => a.locationId), ['id-W2', 'id-W2']);
  assert.deepEqual(p.explanation.chosen, [{ step: 1, location: 'W2', units: 3, reason: 'fills the whole order' }]);
  const w1 = p.explanation.candidates.find((c) => c.location === 'W1');
  assert.deepEqual(w1?.verdicts.find((v) => v.rule === 'stock'), { rule: 'stock', covers: 2, of: 3 });
});

test('the nearest location that can fill wins, then priority, then code; ties are explained', () => {
  const newYork = { latitude: 40.75, longitude: -73.99 };
  const candidates = [loc('EAST', 50, 40.72, -74.14), loc('WEST', 1, 39.45, -119.75), loc('NOCOORD', 0)];
  const full = stock({ A: { EAST: 5, WEST: 5, NOCOORD: 5 } });
  const near = plan([demand('A', 1)], candidates, full, { delivery: ship(newYork) });
  assert.equal(near.allocations[0]?.locationId, 'id-EAST');
  assert.deepEqual(near.explanation.ties, [{ step: 1, between: ['EAST', 'WEST', 'NOCOORD'], broken_by: 'distance', winner: 'EAST' }]);
  assert.deepEqual(near.explanation.candidates.map((c) => [c.location, c.rank]), [['EAST', 1], ['WEST', 2], ['NOCOORD', 3]]);
  const km = near.explanation.candidates[0]?.verdicts.find((v) => v.rule === 'distance');
  assert.ok(km && km.rule === 'distance' && km.km !== null && km.km > 10 && km.km < 15, JSON.stringify(km));
  // Without an address position, priority decides; equal priority falls back to code.
  const noPosition = plan([demand('A', 1)], candidates, full);
  assert.equal(noPosition.allocations[0]?.locationId, 'id-NOCOORD');
  assert.equal(noPosition.explanation.ties[0]?.broken_by, 'priority');
  // Distance switched off by the tenant's rules: priority decides even with a position.
  assert.equal(plan([demand('A', 1)], candidates, full, { delivery: ship(newYork), rules: { useDistance: false } }).allocations[0]?.locationId, 'id-NOCOORD');
  const tie = plan([demand('A', 1)], [loc('B', 5), loc('A', 5)], stock({ A: { A: 1, B: 1 } }));
  assert.equal(tie.allocations[0]?.locationId, 'id-A');
  assert.deepEqual(tie.explanation.ties, [{ step: 1, between: ['A', 'B'], broken_by: 'code', winner: 'A' }]);
});

test('capability: ship orders skip locations that do not ship; pickup orders use only the pickup location', () => {
  const candidates = [loc('STORE', 1, null, null, false, true), loc('WH', 2)];
  const s = stock({ A: { STORE: 5, WH: 5 } });
  const shipped = plan([demand('A', 1)], candidates, s);
  assert.equal(shipped.allocations[0]?.locationId, 'id-WH');
  assert.deepEqual(shipped.explanation.candidates.find((c) => c.location === 'STORE')?.verdicts, [{ rule: 'capability', pass: false, reason: 'does not ship' }]);
  const pickup = plan([demand('A', 1)], candidates, s, { delivery: { type: 'pickup', locationId: 'id-STORE' } });
  assert.deepEqual(pickup.allocations, [{ productId: 'A', locationId: 'id-STORE', quantity: 1 }]);
  assert.equal(pickup.explanation.candidates.find((c) => c.location === 'WH')?.verdicts[0]?.rule, 'capability');
  assert.equal(pickup.explanation.destination, null);
});

test('splits only when no single location can, taking the biggest cover first', () => {
  const p = plan([demand('A', 10)], [loc('W1', 1), loc('W2', 2), loc('W3', 3)], stock({ A: { W1: 3, W2: 8, W3: 4 } }));
  assert.equal(p.strategy, 'split');
  // After W2 takes 8, W1 and W3 both cover the last 2: the better-ranked W1 wins.
  assert.deepEqual(p.allocations, [{ productId: 'A', locationId: 'id-W2', quantity: 8 }, { productId: 'A', locationId: 'id-W1', quantity: 2 }]);
  assert.deepEqual(p.explanation.ties, [{ step: 2, between: ['W1', 'W3'], broken_by: 'priority', winner: 'W1' }]);
  assert.deepEqual(p.explanation.chosen.map((c) => [c.location, c.units]), [['W2', 8], ['W1', 2]]);
});

test('max_splits caps the locations; what is left is short (deny) or backordered (continue)', () => {
  const candidates = [loc('W1'), loc('W2'), loc('W3')];
  const s = stock({ A: { W1: 2, W2: 2, W3: 2 }, P: { W1: 2, W2: 2, W3: 2 } });
  const denied = plan([demand('A', 6)], candidates, s, { rules: { maxSplits: 2 } });
  assert.deepEqual(denied.shortages, [{ productId: 'A', requested: 6, available: 4 }]);
  assert.deepEqual(denied.explanation.candidates.find((c) => c.location === 'W3')?.verdicts.at(-1), { rule: 'max_splits', pass: false, limit: 2 });
  const backordered = plan([demand('P', 6, 'continue')], candidates, s, { rules: { maxSplits: 2 } });
  assert.deepEqual(backordered.backorders, [{ productId: 'P', quantity: 2 }]);
  assert.deepEqual(backordered.explanation.backorders, [{ sku: 'SKU-P', quantity: 2 }]);
});

test('an order below min_split_order_value ships from one location only', () => {
  const candidates = [loc('W1', 1), loc('W2', 2)];
  const s = stock({ P: { W1: 2, W2: 3 } });
  const small = plan([demand('P', 5, 'continue')], candidates, s, { total: 999, rules: { minSplitOrderValue: 1000 } });
  assert.deepEqual(small.allocations, [{ productId: 'P', locationId: 'id-W2', quantity: 3 }]);
  assert.deepEqual(small.backorders, [{ productId: 'P', quantity: 2 }]);
  assert.deepEqual(small.explanation.candidates.find((c) => c.location === 'W1')?.verdicts.at(-1), { rule: 'min_split_order_value', pass: false, threshold: 1000, order_total: 999 });
  const large = plan([demand('P', 5, 'continue')], candidates, s, { total: 1000, rules: { minSplitOrderValue: 1000 } });
  assert.equal(large.strategy, 'split');
  assert.deepEqual(large.backorders, []);
});

test('an empty candidate list leaves everything short or backordered', () => {
  const p = plan([demand('A', 1, 'continue')], [], new Map());
  assert.equal(p.strategy, 'none');
  assert.deepEqual(p.backorders, [{ productId: 'A', quantity: 1 }]);
});

test('postal codes are looked up whole, then by 5- and 3-character prefixes', () => {
  assert.deepEqual(postalCodeKeys('62701-1234'), ['627011234', '62701', '627']);
  assert.deepEqual(postalCodeKeys('62701'), ['62701', '627']);
  assert.deepEqual(postalCodeKeys('sw1a 1aa'), ['SW1A1AA', 'SW1A1', 'SW1']);
});

// Properties over random shops: the rules hold whatever the stock and demand.
const shopArbitrary = fc.record({
  locations: fc.uniqueArray(fc.record({
    code: fc.stringMatching(/^[A-Z]{1,3}$/), priority: fc.integer({ min: 0, max: 5 }), ships: fc.boolean(),
    position: fc.option(fc.record({ latitude: fc.double({ min: -60, max: 60, noNaN: true }), longitude: fc.double({ min: -170, max: 170, noNaN: true }) })),
  }), { minLength: 0, maxLength: 8, selector: (l) => l.code }),
  products: fc.uniqueArray(fc.record({ id: fc.constantFrom('A', 'B', 'C', 'D'), quantity: fc.integer({ min: 1, max: 12 }), policy: fc.constantFrom('deny' as const, 'continue' as const) }), { minLength: 1, maxLength: 4, selector: (p) => p.id }),
  stock: fc.array(fc.integer({ min: -2, max: 10 }), { minLength: 32, maxLength: 32 }),
  maxSplits: fc.integer({ min: 1, max: 4 }),
  minSplitOrderValue: fc.integer({ min: 0, max: 2000 }),
  total: fc.integer({ min: 0, max: 2000 }),
  destination: fc.option(fc.record({ latitude: fc.double({ min: -60, max: 60, noNaN: true }), longitude: fc.double({ min: -170, max: 170, noNaN: true }) })),
});

type Shop = typeof shopArbitrary extends fc.Arbitrary<infer T> ? T : never;

function requestOf(shop: Shop): RoutingRequest {
  const candidates = shop.locations.map((l) => ({ ...loc(l.code, l.priority, l.position?.latitude ?? null, l.position?.longitude ?? null, l.ships) }));
  const s = new Map(shop.products.map((p, i) => [p.id, new Map(candidates.map((c, j) => [c.locationId, shop.stock[(i * 8 + j) % 32] as number]))]));
  return {
    demands: shop.products.map((p) => demand(p.id, p.quantity, p.policy)), candidates, stock: s,
    delivery: { type: 'ship', destination: shop.destination ? { ...shop.destination, source: 'address' } : null },
    orderTotal: shop.total, rules: { useDistance: true, maxSplits: shop.maxSplits, minSplitOrderValue: shop.minSplitOrderValue },
  };
}

test('property: never allocates more than available, nor at a location that does not ship', () => {
  fc.assert(fc.property(shopArbitrary, (shop) => {
    const request = requestOf(shop);
    const p = planRouting(request);
    const ships = new Set(request.candidates.filter((c) => c.ships).map((c) => c.locationId));
    const taken = new Map<string, number>();
    for (const a of p.allocations) {
      assert.ok(a.quantity > 0);
      assert.ok(ships.has(a.locationId));
      const key = `${a.productId}/${a.locationId}`;
      taken.set(key, (taken.get(key) ?? 0) + a.quantity);
    }
    for (const [key, q] of taken) {
      const [productId, locationId] = key.split('/') as [string, string];
      assert.ok(q <= Math.max(0, request.stock.get(productId)?.get(locationId) ?? 0), key);
    }
  }), { numRuns: 400 });
});

test('property: never exceeds max splits (one location below min_split_order_value); every unit is placed, short or backordered', () => {
  fc.assert(fc.property(shopArbitrary, (shop) => {
    const request = requestOf(shop);
    const p = planRouting(request);
    const used = new Set(p.allocations.map((a) => a.locationId)).size;
    assert.ok(used <= request.rules.maxSplits);
    if (request.orderTotal < request.rules.minSplitOrderValue) assert.ok(used <= 1);
    for (const d of request.demands) {
      const placed = p.allocations.filter((a) => a.productId === d.productId).reduce((n, a) => n + a.quantity, 0);
      const backordered = p.backorders.find((b) => b.productId === d.productId)?.quantity ?? 0;
      const short = p.shortages.find((s) => s.productId === d.productId);
      assert.equal(placed + backordered + (short ? short.requested - short.available : 0), d.quantity);
      assert.ok(d.policy === 'deny' ? backordered === 0 : short === undefined);
    }
  }), { numRuns: 400 });
});

test('property: the same input gives the same plan, whatever the order of the candidates', () => {
  fc.assert(fc.property(shopArbitrary, fc.integer(), (shop, seed) => {
    const request = requestOf(shop);
    const shuffled = [...request.candidates].sort((a, b) => ((a.code.charCodeAt(0) * seed) % 7) - ((b.code.charCodeAt(0) * seed) % 7));
    assert.deepEqual(planRouting({ ...request, candidates: shuffled }), planRouting(request));
  }), { numRuns: 300 });
});
