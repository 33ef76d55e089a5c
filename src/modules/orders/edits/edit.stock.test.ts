import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Problem } from '../../../platform/http/index.ts';
import { DEFAULT_ROUTING_RULES, type Candidate } from '../../routing/index.ts';
import { planStock, stockDeltas, type RoutingInput, type StockLine, type StockPlan } from './edit.stock.ts';

const location = (id: string, priority = 0): Candidate => ({ locationId: id, code: id.toUpperCase(), priority, latitude: null, longitude: null, ships: true, pickup: false });

function routing(stock: Record<string, Record<string, number>>, extra: Partial<RoutingInput> = {}): RoutingInput {
  return {
    candidates: [location('wh1', 1), location('wh2', 2)], orderLocations: new Set(),
    stock: new Map(Object.entries(stock).map(([p, byLocation]) => [p, new Map(Object.entries(byLocation))])),
    delivery: { type: 'ship', destination: null }, rules: DEFAULT_ROUTING_RULES, orderTotal: 10_000, ...extra,
  };
}

function stockLine(id: string, delta: number, extra: Partial<StockLine> = {}): StockLine {
  return { id, productId: 'p1', sku: 'P1', policy: 'deny', delta, backordered: 0, reservations: [], changeIndex: 0, ...extra };
}

describe('planStock', () => {
  test('a decrease takes backordered units first, then the newest reservation, never picked units', () => {
    const line = stockLine('l1', -5, {
      backordered: 2, policy: 'continue',
      reservations: [{ id: 'alc_01', locationId: 'wh1', quantity: 4, picked: 0 }, { id: 'alc_02', locationId: 'wh2', quantity: 2, picked: 1 }],
    });
    const plan = planStock([line], routing({}));
    assert.equal(plan.backordered.get('l1'), 0);
    assert.deepEqual(plan.releases.map((r) => [r.allocationId, r.quantity]), [['alc_02', 1], ['alc_01', 2]]);
    assert.deepEqual(plan.reservations, []);
  });

  test('an increase asks the order\'s own location first, even if another ranks higher', () => {
    const plan = planStock([stockLine('l1', 3)], routing({ p1: { wh1: 10, wh2: 10 } }, { orderLocations: new Set(['wh2']) }));
    assert.deepEqual(plan.reservations, [{ orderLineId: 'l1', productId: 'p1', locationId: 'wh2', quantity: 3 }]);
  });

  test('what the own locations lack comes from others; continue SKUs backorder the rest', () => {
    const plan = planStock([stockLine('l1', 6, { policy: 'continue', backordered: 1 })], routing({ p1: { wh1: 2, wh2: 3 } }, { orderLocations: new Set(['wh2']) }));
    assert.deepEqual(plan.reservations.map((r) => [r.locationId, r.quantity]), [['wh2', 3], ['wh1', 2]]);
    assert.equal(plan.backordered.get('l1'), 2);
  });

  test('a deny SKU that lacks stock refuses the whole edit with the change\'s path', () => {
    try {
      planStock([stockLine('l1', 1, { changeIndex: null }), stockLine('l2', 4, { changeIndex: 2 })], routing({ p1: { wh1: 3 } }));
      assert.fail('expected insufficient_inventory');
    } catch (error) {
      assert.ok(error instanceof Problem);
      assert.equal(error.code, 'insufficient_inventory');
      assert.deepEqual(error.errors?.map((e) => [e.path, e.requested, e.available]), [['changes', 5, 3], ['changes[2].quantity', 5, 3]]);
    }
  });

  test('units one line gives back can be taken by another line of the same edit', () => {
    const shrinking = stockLine('l1', -2, { reservations: [{ id: 'alc_1', locationId: 'wh1', quantity: 2, picked: 0 }] });
    const plan = planStock([shrinking, stockLine('l2', 2)], routing({ p1: { wh1: 0 } }));
    assert.deepEqual(plan.reservations.map((r) => [r.orderLineId, r.locationId, r.quantity]), [['l2', 'wh1', 2]]);
    assert.deepEqual(stockDeltas([shrinking, stockLine('l2', 2)], plan, new Map([['wh1', 'WH-1']])), []);
  });

  test('split limits count the locations the order already uses', () => {
    const rules = { ...DEFAULT_ROUTING_RULES, maxSplits: 1 };
    const plan = planStock([stockLine('l1', 3, { policy: 'continue' })], routing({ p1: { wh1: 1, wh2: 5 } }, { orderLocations: new Set(['wh1']), rules }));
    assert.deepEqual(plan.reservations.map((r) => [r.locationId, r.quantity]), [['wh1', 1]]);
    assert.equal(plan.backordered.get('l1'), 2);
  });

  test('property: every line ends with reserved + backordered = its new active quantity, within stock', () => {
    const scenario = fc.record({
      lines: fc.array(fc.record({
        reserved: fc.array(fc.record({ at: fc.constantFrom('wh1', 'wh2'), quantity: fc.integer({ min: 1, max: 5 }), picked: fc.integer({ min: 0, max: 5 }) }), { maxLength: 3 }),
        backordered: fc.integer({ min: 0, max: 4 }), delta: fc.integer({ min: -10, max: 10 }), policy: fc.constantFrom('deny' as const, 'continue' as const),
        product: fc.constantFrom('p1', 'p2'),
      }), { minLength: 1, maxLength: 5 }),
      stock: fc.record({ wh1: fc.nat(10), wh2: fc.nat(10) }),
    });
    fc.assert(fc.property(scenario, (s) => {
      let n = 0;
      const lines: StockLine[] = s.lines.map((l, i) => {
        const reservations = l.reserved.map((r) => ({ id: `alc_${String(n++).padStart(3, '0')}`, locationId: r.at, quantity: r.quantity, picked: Math.min(r.picked, r.quantity) }));
        const held = reservations.reduce((sum, r) => sum + r.quantity, 0) + l.backordered;
        const lockedUnits = reservations.reduce((sum, r) => sum + r.picked, 0);
        // The planner only ever sees decreases down to the picked units (planEdit refuses below).
        const delta = Math.max(l.delta, lockedUnits - held);
        return { id: `l${i}`, productId: l.product, sku: l.product.toUpperCase(), policy: l.policy, delta, backordered: l.backordered, reservations, changeIndex: i };
      });
      const stock = { p1: { ...s.stock }, p2: { ...s.stock } };
      let plan: StockPlan;
      try { plan = planStock(lines, routing(stock)); } catch (error) {
        if (error instanceof Problem && error.code === 'insufficient_inventory') return;
        throw error;
      }
      for (const line of lines) {
        const before = line.reservations.reduce((sum, r) => sum + r.quantity, 0);
        const released = plan.releases.filter((r) => r.lineId === line.id).reduce((sum, r) => sum + r.quantity, 0);
        const added = plan.reservations.filter((r) => r.orderLineId === line.id).reduce((sum, r) => sum + r.quantity, 0);
        const after = before - released + added + (plan.backordered.get(line.id) ?? 0);
        assert.equal(after, before + line.backordered + line.delta, `line ${line.id}`);
        for (const r of line.reservations) {
          const taken = plan.releases.filter((x) => x.allocationId === r.id).reduce((sum, x) => sum + x.quantity, 0);
          assert.ok(taken <= r.quantity - r.picked, 'never releases picked units');
        }
      }
      for (const product of ['p1', 'p2']) {
        for (const at of ['wh1', 'wh2'] as const) {
          const net = plan.reservations.filter((r) => r.productId === product && r.locationId === at).reduce((sum, r) => sum + r.quantity, 0)
            - plan.releases.filter((r) => r.productId === product && r.locationId === at).reduce((sum, r) => sum + r.quantity, 0);
          assert.ok(net <= s.stock[at], `never reserves more than is available at ${at}`);
        }
      }
    }), { numRuns: 500 });
  });
});
