// Small additions the web app needs: the merchant's public name, the order's version,
// fulfillment orders filtered by delivery type.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';

for (const kind of testDatabases()) {
  describe(`api extensions (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta.close(); });

    test('GET /v1/public/merchant answers the tenant name and nothing else, without a key', async () => {
      const t = await ta.tenant();
      const r = await ta.app.inject({ method: 'GET', url: `/v1/public/merchant?tenant=${t.tenantId}` });
      assert.equal(r.statusCode, 200);
      assert.deepEqual(Object.keys(r.json()), ['name']);
      const unknown = await ta.app.inject({ method: 'GET', url: '/v1/public/merchant?tenant=ten_nobody' });
      assert.equal(unknown.statusCode, 404);
    });

    test('the order view carries its version, and an edit bumps it', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { products: [{ sku: 'TEE', price: 1000 }], stock: { TEE: { 'WH-1': 10 } } });
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE', quantity: 1 }]));
      assert.equal(order.status, 201);
      assert.equal(order.body.version, 1);
      const edit = await t.request('POST', `/v1/orders/${order.body.id}/edits`, {
        changes: [{ op: 'set_quantity', line_id: order.body.lines[0].id, quantity: 2 }], expected_version: 1,
      });
      assert.equal(edit.status, 201, JSON.stringify(edit.body));
      assert.equal((await t.request('GET', `/v1/orders/${order.body.id}`)).body.version, 2);
    });

    test('fulfillment orders filter by delivery type', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { products: [{ sku: 'TEE' }], locations: [{ code: 'STORE', kind: 'store', pickup: true }], stock: { TEE: { STORE: 5 } } });
      const shipped = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE', quantity: 1 }], { external_id: 'S-1' }));
      const pickup = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE', quantity: 1 }], { external_id: 'P-1', delivery: { type: 'pickup', location: 'STORE' } }));
      assert.equal(shipped.status, 201);
      assert.equal(pickup.status, 201);
      const pickups = await t.request('GET', '/v1/fulfillment-orders?delivery_type=pickup');
      assert.deepEqual(pickups.body.data.map((f: any) => f.order.number), [pickup.body.number]);
      const ships = await t.request('GET', '/v1/fulfillment-orders?delivery_type=ship');
      assert.deepEqual(ships.body.data.map((f: any) => f.order.number), [shipped.body.number]);
      assert.equal((await t.request('GET', '/v1/fulfillment-orders?delivery_type=drone')).status, 422);
    });
  });
}
