// Random sequences of intake, hold, release, cancel and adjustments: stock bounds hold,
// the ledger always sums to the levels, and order totals neither lose nor make money.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestApp, testDatabases, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';
import { verifyInventory } from '../src/modules/inventory/index.ts';

const SKUS = ['A', 'B', 'C'] as const;
const LOCATIONS = ['W1', 'W2'] as const;

const command = fc.oneof(
  fc.record({ kind: fc.constant('order' as const), lines: fc.array(fc.record({ sku: fc.constantFrom(...SKUS), quantity: fc.integer({ min: 1, max: 6 }), unit_price: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }) }), { minLength: 1, maxLength: 4 }), discount: fc.integer({ min: 0, max: 300 }) }),
  fc.record({ kind: fc.constantFrom('hold' as const, 'release' as const, 'cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('adjust' as const), sku: fc.constantFrom(...SKUS), location: fc.constantFrom(...LOCATIONS), delta: fc.integer({ min: -8, max: 12 }).filter((d) => d !== 0) }),
);

for (const kind of testDatabases()) {
  describe(`inventory properties (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    test('random command sequences keep 0 <= reserved <= on_hand, ledger = levels, totals exact', async () => {
      await fc.assert(fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 25 }), async (commands) => {
        const t = await ta.tenant();
        await setUpShop(t, { products: SKUS.map((sku) => ({ sku, price: 1000, policy: sku === 'C' ? 'continue' as const : 'deny' as const })), locations: LOCATIONS.map((code) => ({ code })), stock: { A: { W1: 5, W2: 3 }, B: { W1: 2 } } });
        const orderIds: string[] = [];
        for (const c of commands) {
          if (c.kind === 'order') {
            const subtotal = c.lines.reduce((s, l) => s + l.quantity * (l.unit_price ?? 1000), 0);
            const discount = Math.min(c.discount, subtotal);
            const r = await t.request('POST', '/v1/orders', orderBody(c.lines, { discount_total: discount }));
            assert.ok(r.status === 201 || (r.status === 422 && r.body.code === 'insufficient_inventory'), JSON.stringify(r.body));
            if (r.status === 201) {
              orderIds.push(r.body.id);
              assert.equal(r.body.total, subtotal - discount);
              const lineSum = r.body.lines.reduce((s: number, l: any) => s + l.total - l.discount_allocated, 0);
              assert.equal(lineSum, r.body.total);
              for (const line of r.body.lines) {
                const allocated = line.allocations.reduce((s: number, a: any) => s + a.quantity, 0);
                assert.equal(allocated + line.backordered, line.quantity);
              }
            }
          } else if (c.kind === 'adjust') {
            const r = await t.request('POST', '/v1/inventory/adjustments', { sku: c.sku, location: c.location, delta: c.delta, reason: 'correction' });
            assert.ok(r.status === 201 || (r.status === 422 && r.body.code === 'insufficient_inventory'), JSON.stringify(r.body));
          } else if (orderIds.length > 0) {
            const id = orderIds[c.pick % orderIds.length] as string;
            const r = await t.request('POST', `/v1/orders/${id}/${c.kind}`, c.kind === 'release' ? undefined : { reason: 'property' });
            assert.ok(r.status === 200 || (r.status === 409 && r.body.code === 'invalid_transition'), JSON.stringify(r.body));
          }
          const levels = await t.request('GET', '/v1/inventory/levels?limit=200');
          for (const level of levels.body.data) assert.ok(level.reserved >= 0 && level.reserved <= level.on_hand, JSON.stringify(level));
        }
        assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
      }), { numRuns: kind === 'pglite' ? 12 : 20 });
    });
  });
}
