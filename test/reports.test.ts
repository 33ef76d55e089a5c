import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';

for (const kind of testDatabases()) {
  describe(`reports summary (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    test('counts orders and revenue per channel and status in the window, and lists low stock', async () => {
      const t = await ta.tenant();
      await setUpShop(t, {
        products: [{ sku: 'TEE-M', price: 2000 }, { sku: 'MUG', price: 1000 }, { sku: 'PRE', price: 500, policy: 'continue' }],
        stock: { 'TEE-M': { 'WH-1': 20 }, MUG: { 'WH-1': 4 } },
      });
      await t.request('POST', '/v1/channels', { code: 'pos', name: 'Store till', kind: 'pos' });
      const start = new Date(Date.now() - 60_000).toISOString();
      const a = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 2 }]));
      const b = await t.request('POST', '/v1/orders', orderBody([{ sku: 'MUG', quantity: 1 }], { channel: 'pos' }));
      const c = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }]));
      assert.deepEqual([a.status, b.status, c.status], [201, 201, 201]);
      assert.equal((await t.request('POST', `/v1/orders/${c.body.id}/cancel`, { reason: 'test' })).status, 200);
      assert.equal((await t.request('POST', `/v1/orders/${b.body.id}/hold`, { reason: 'test' })).status, 200);

      const r = await t.request('GET', `/v1/reports/summary?from=${encodeURIComponent(start)}&low_stock_threshold=3`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.orders, 3);
      assert.equal(r.body.canceled, 1);
      assert.deepEqual(r.body.revenue, [{ currency: 'USD', amount: 4000 + 1000 }]);
      assert.deepEqual(r.body.by_channel, [
        { channel: 'web', name: 'Web shop', orders: 2, revenue: [{ currency: 'USD', amount: 4000 }] },
        { channel: 'pos', name: 'Store till', orders: 1, revenue: [{ currency: 'USD', amount: 1000 }] },
      ]);
      assert.deepEqual(r.body.by_status, [{ status: 'canceled', orders: 1 }, { status: 'on_hold', orders: 1 }, { status: 'open', orders: 1 }]);
      assert.equal(r.body.daily.reduce((n: number, d: { orders: number }) => n + d.orders, 0), 3);
      // MUG: 4 on hand, 1 reserved -> 3 available, at the threshold. Backorder SKUs are not "low".
      assert.deepEqual(r.body.low_stock, { threshold: 3, total: 1, items: [{ sku: 'MUG', name: 'Product MUG', location: 'WH-1', on_hand: 4, reserved: 1, available: 3 }] });

      const empty = await t.request('GET', `/v1/reports/summary?from=2020-01-01T00:00:00Z&to=2020-01-08T00:00:00Z`);
      assert.equal(empty.body.orders, 0);
      assert.deepEqual(empty.body.revenue, []);
      assert.equal(empty.body.daily.length, 7);
      assert.ok(empty.body.daily.every((d: { orders: number }) => d.orders === 0));
      assert.equal(empty.body.daily[0].day, '2020-01-01');
    });

    test('days follow the given time zone', async () => {
      const t = await ta.tenant();
      const r = await t.request('GET', `/v1/reports/summary?from=2024-03-01T05:00:00Z&to=2024-03-03T05:00:00Z&tz=America/New_York`);
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.daily.map((d: { day: string }) => d.day), ['2024-03-01', '2024-03-02']);
    });

    test('bad windows and time zones are 422; channel keys may not read reports', async () => {
      const t = await ta.tenant();
      await setUpShop(t);
      assert.equal((await t.request('GET', '/v1/reports/summary?tz=Nowhere/Land')).body.code, 'validation_failed');
      assert.equal((await t.request('GET', '/v1/reports/summary?from=2024-01-02T00:00:00Z&to=2024-01-01T00:00:00Z')).status, 422);
      assert.equal((await t.request('GET', '/v1/reports/summary?from=2020-01-01T00:00:00Z&to=2024-01-01T00:00:00Z')).status, 422);
      assert.equal((await t.request('GET', '/v1/reports/summary?from=yesterday')).status, 422);
      const analyst = t.as(await t.keyFor('analyst'));
      assert.equal((await analyst.request('GET', '/v1/reports/summary')).status, 200);
      const channel = t.as(await t.keyFor('channel', 'web'));
      assert.equal((await channel.request('GET', '/v1/reports/summary')).status, 403);
    });
  });
}
