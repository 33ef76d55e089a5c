import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from './helpers/harness.ts';
import { levelOf, orderBody, setUpShop } from './helpers/fixtures.ts';
import { verifyInventory } from '../src/modules/inventory/index.ts';

for (const kind of testDatabases()) {
  describe(`concurrency (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    test('50 concurrent orders for 10 units: exactly 10 succeed, 40 are refused, no drift', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { products: [{ sku: 'HOT' }], stock: { HOT: { 'WH-1': 10 } } });
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) =>
        t.request('POST', '/v1/orders', orderBody([{ sku: 'HOT', quantity: 1 }], { external_id: `C-${i}` }))));
      const statuses = answers.map((a) => a.status);
      assert.equal(statuses.filter((s) => s === 201).length, 10, JSON.stringify(answers.filter((a) => a.status !== 201 && a.status !== 422).map((a) => a.body)));
      assert.equal(statuses.filter((s) => s === 422).length, 40);
      assert.ok(answers.filter((a) => a.status === 422).every((a) => a.body.code === 'insufficient_inventory'));
      const level = await levelOf(t, 'HOT', 'WH-1');
      assert.deepEqual([level.on_hand, level.reserved, level.available], [10, 10, 0]);
      assert.equal((await t.request('GET', '/v1/orders?limit=200')).body.data.length, 10);
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
    });

    test('orders over overlapping SKUs in opposite line order never deadlock or oversell', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { products: [{ sku: 'A' }, { sku: 'B' }], locations: [{ code: 'W1' }, { code: 'W2' }], stock: { A: { W1: 15, W2: 15 }, B: { W1: 15, W2: 15 } } });
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => t.request('POST', '/v1/orders',
        orderBody(i % 2 ? [{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 1 }] : [{ sku: 'B', quantity: 1 }, { sku: 'A', quantity: 1 }]))));
      assert.ok(answers.every((a) => a.status === 201 || a.status === 422), JSON.stringify(answers.map((a) => a.status)));
      assert.equal(answers.filter((a) => a.status === 201).length, 30);
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
    });

    test('cancels racing with adjustments keep levels and ledger equal', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { products: [{ sku: 'X' }], stock: { X: { 'WH-1': 20 } } });
      const orders = await Promise.all(Array.from({ length: 10 }, () => t.request('POST', '/v1/orders', orderBody([{ sku: 'X', quantity: 2 }]))));
      await Promise.all([
        ...orders.map((o) => t.request('POST', `/v1/orders/${o.body.id}/cancel`, { reason: 'race' })),
        ...orders.map((o) => t.request('POST', `/v1/orders/${o.body.id}/cancel`, { reason: 'race twice' })),
        ...Array.from({ length: 10 }, () => t.request('POST', '/v1/inventory/adjustments', { sku: 'X', location: 'WH-1', delta: -1, reason: 'damage' })),
      ]);
      const level = await levelOf(t, 'X', 'WH-1');
      assert.equal(level.reserved, 0);
      assert.ok(level.on_hand >= 10 && level.on_hand <= 20);
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
    });
  });
}
