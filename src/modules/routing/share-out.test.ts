import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { shareOut } from './share-out.ts';

test('lines take their units in order, from the locations in plan order; the rest is unplaced', () => {
  const out = shareOut(
    [{ productId: 'p1', locationId: 'A', quantity: 3 }, { productId: 'p1', locationId: 'B', quantity: 2 }, { productId: 'p2', locationId: 'A', quantity: 1 }],
    [{ orderLineId: 'l1', productId: 'p1', quantity: 4 }, { orderLineId: 'l2', productId: 'p2', quantity: 2 }, { orderLineId: 'l3', productId: 'p1', quantity: 2 }],
  );
  assert.deepEqual(out.allocations, [
    { orderLineId: 'l1', productId: 'p1', locationId: 'A', quantity: 3 },
    { orderLineId: 'l1', productId: 'p1', locationId: 'B', quantity: 1 },
    { orderLineId: 'l2', productId: 'p2', locationId: 'A', quantity: 1 },
    { orderLineId: 'l3', productId: 'p1', locationId: 'B', quantity: 1 },
  ]);
  assert.deepEqual(out.unplaced, [0, 1, 1]);
});

test('units are conserved: allocated + unplaced = asked, and no location gives more than planned', () => {
  const product = fc.constantFrom('p1', 'p2', 'p3');
  fc.assert(fc.property(
    fc.array(fc.record({ productId: product, locationId: fc.constantFrom('A', 'B', 'C'), quantity: fc.integer({ min: 1, max: 9 }) }), { maxLength: 8 }),
    fc.array(fc.record({ productId: product, quantity: fc.integer({ min: 1, max: 9 }) }), { maxLength: 6 }),
    (planned, asks) => {
      const demands = asks.map((a, i) => ({ ...a, orderLineId: `l${i}` }));
      const out = shareOut(planned, demands);
      demands.forEach((d, i) => {
        const got = out.allocations.filter((a) => a.orderLineId === d.orderLineId).reduce((n, a) => n + a.quantity, 0);
        assert.equal(got + (out.unplaced[i] as number), d.quantity);
      });
      for (const key of new Set(planned.map((p) => `${p.productId}/${p.locationId}`))) {
        const plannedUnits = planned.filter((p) => `${p.productId}/${p.locationId}` === key).reduce((n, p) => n + p.quantity, 0);
        const given = out.allocations.filter((a) => `${a.productId}/${a.locationId}` === key).reduce((n, a) => n + a.quantity, 0);
        assert.ok(given <= plannedUnits);
      }
    },
  ));
});
