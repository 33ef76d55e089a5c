import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';

for (const kind of testDatabases()) {
  describe(`auth and tenancy (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    test('no key or an unknown key is 401 problem+json', async () => {
      const none = await ta.app.inject({ method: 'GET', url: '/v1/orders' });
      assert.equal(none.statusCode, 401);
      assert.equal(none.json().code, 'unauthorized');
      assert.equal(none.headers['www-authenticate'], 'Bearer');
      const t = await ta.tenant();
      const wrong = await t.as('ordo_sk_not-a-real-key').request('GET', '/v1/orders');
      assert.equal(wrong.status, 401);
    });

    test('roles without the right get 403 forbidden', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 5 } } });
      const analyst = t.as(await t.keyFor('analyst'));
      assert.equal((await analyst.request('GET', '/v1/orders')).status, 200);
      const refused = await analyst.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }]));
      assert.equal(refused.status, 403);
      assert.equal(refused.body.code, 'forbidden');
      const warehouse = t.as(await t.keyFor('warehouse'));
      assert.equal((await warehouse.request('POST', '/v1/inventory/adjustments', { sku: 'TEE-M', location: 'WH-1', delta: 1, reason: 'receipt' })).status, 201);
      assert.equal((await warehouse.request('POST', '/v1/products', { sku: 'X', name: 'X', price: 1, currency: 'USD' })).status, 403);
      const operator = t.as(await t.keyFor('operator'));
      assert.equal((await operator.request('POST', '/v1/inventory/adjustments', { sku: 'TEE-M', location: 'WH-1', delta: 1, reason: 'receipt' })).status, 403);
      assert.equal((await operator.request('POST', '/v1/api-keys', { name: 'x', role: 'admin' })).status, 403);
    });

    test('a channel key creates and sees only its own channel orders', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 10 } } });
      await t.request('POST', '/v1/channels', { code: 'pos', name: 'POS', kind: 'pos' });
      const posKey = await t.request('POST', '/v1/api-keys', { name: 'till 1', role: 'channel', channel: 'pos' });
      assert.equal(posKey.status, 201);
      const pos = t.as(posKey.body.key);
      const webOrder = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }]));
      const posOrder = await pos.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }], { channel: 'pos' }));
      assert.equal(posOrder.status, 201);
      assert.equal((await pos.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }]))).status, 403);
      const list = await pos.request('GET', '/v1/orders');
      assert.deepEqual(list.body.data.map((o: any) => o.id), [posOrder.body.id]);
      assert.equal((await pos.request('GET', `/v1/orders/${webOrder.body.id}`)).status, 404);
      assert.equal((await pos.request('GET', `/v1/orders/${webOrder.body.number}/events`)).status, 404);
      assert.equal((await pos.request('POST', `/v1/orders/${posOrder.body.id}/cancel`, { reason: 'x' })).status, 403);
    });

    test('one tenant never sees another tenant\'s data', async () => {
      const a = await ta.tenant();
      const b = await ta.tenant();
      await setUpShop(a, { stock: { 'TEE-M': { 'WH-1': 5 } } });
      await setUpShop(b, { stock: { 'TEE-M': { 'WH-1': 7 } } });
      const order = await a.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }], { external_id: 'SAME' }));
      // The same codes, SKUs and external ids live side by side per tenant.
      const orderB = await b.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 2 }], { external_id: 'SAME' }));
      assert.equal(orderB.status, 201);
      assert.equal(orderB.body.number, '1001');
      assert.equal((await b.request('GET', `/v1/orders/${order.body.id}`)).status, 404);
      assert.deepEqual((await b.request('GET', '/v1/orders')).body.data.map((o: any) => o.id), [orderB.body.id]);
      assert.equal((await b.request('GET', '/v1/inventory/levels?sku=TEE-M')).body.data[0].on_hand, 7);
      assert.equal((await b.request('GET', '/v1/customers')).body.data.length, 1);
      assert.equal((await b.request('POST', `/v1/orders/${order.body.id}/cancel`, { reason: 'x' })).status, 404);
      assert.equal((await a.request('GET', `/v1/orders/${order.body.id}`)).body.status, 'open');
      const movementsB = await b.request('GET', '/v1/inventory/movements');
      assert.ok(movementsB.body.data.every((m: any) => m.order === null || m.order === '1001'));
      assert.equal((await b.request('GET', '/v1/api-keys')).body.data.length, 1);
    });

    test('a revoked key stops working', async () => {
      const t = await ta.tenant();
      const created = await t.request('POST', '/v1/api-keys', { name: 'temp', role: 'analyst' });
      const temp = t.as(created.body.key);
      assert.equal((await temp.request('GET', '/v1/orders')).status, 200);
      assert.equal((await t.request('DELETE', `/v1/api-keys/${created.body.id}`)).status, 204);
      assert.equal((await temp.request('GET', '/v1/orders')).status, 401);
    });
  });
}
