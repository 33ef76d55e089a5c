import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from './helpers/harness.ts';
import { ADDRESS, levelOf, orderBody, setUpShop } from './helpers/fixtures.ts';

for (const kind of testDatabases()) {
  describe(`order intake (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    test('prices from the catalog, totals in minor units, first timeline event and numbers in sequence', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { products: [{ sku: 'TEE-M', price: 1999 }, { sku: 'MUG', price: 900 }], stock: { 'TEE-M': { 'WH-1': 5 }, MUG: { 'WH-1': 5 } } });
      const r = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 2 }, { sku: 'MUG', quantity: 1, unit_price: 1250 }], { external_id: 'W-10023', shipping: { method: 'standard', amount: 500 }, total: 5748 }));
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.match(r.body.id, /^ord_/);
      assert.equal(r.body.number, '1001');
      assert.deepEqual([r.body.subtotal, r.body.shipping_total, r.body.total], [5248, 500, 5748]);
      assert.deepEqual(r.body.lines.map((l: any) => [l.sku, l.unit_price, l.total]), [['TEE-M', 1999, 3998], ['MUG', 1250, 1250]]);
      assert.deepEqual(r.body.lines[0].allocations, [{ location: 'WH-1', quantity: 2, status: 'reserved' }]);
      assert.equal(r.body.customer.email, 'ana@example.com');
      const second = await t.request('POST', '/v1/orders', orderBody([{ sku: 'MUG', quantity: 1 }]));
      assert.equal(second.body.number, '1002');
      const events = await t.request('GET', `/v1/orders/${r.body.number}/events`);
      assert.equal(events.body.data[0].type, 'order.created');
      assert.match(events.body.data[0].actor, /^key:key_/);
      assert.equal((await levelOf(t, 'TEE-M', 'WH-1')).reserved, 2);
    });

    test('a channel price applies when the line has no unit_price', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { products: [{ sku: 'CAP', price: 2800 }], stock: { CAP: { 'WH-1': 5 } } });
      assert.equal((await t.request('PUT', '/v1/products/CAP/prices/web', { price: 2500, currency: 'USD' })).status, 200);
      const r = await t.request('POST', '/v1/orders', orderBody([{ sku: 'CAP', quantity: 1 }]));
      assert.equal(r.body.lines[0].unit_price, 2500);
      const eur = await t.request('POST', '/v1/orders', orderBody([{ sku: 'CAP', quantity: 1 }], { currency: 'EUR' }));
      assert.equal(eur.status, 422);
      assert.equal(eur.body.errors[0].path, 'lines[0].unit_price');
    });

    test('a sent total that does not match is refused and nothing is written', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 5 } } });
      const r = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }], { total: 1 }));
      assert.equal(r.status, 422);
      assert.equal(r.body.code, 'total_mismatch');
      assert.equal(r.body.errors[0].expected, 1999);
      assert.equal((await t.request('GET', '/v1/orders')).body.data.length, 0);
      assert.equal((await levelOf(t, 'TEE-M', 'WH-1')).reserved, 0);
    });

    test('discounts are shared across lines and lower the total', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { products: [{ sku: 'A', price: 1000 }, { sku: 'B', price: 3000 }], stock: { A: { 'WH-1': 5 }, B: { 'WH-1': 5 } } });
      const r = await t.request('POST', '/v1/orders', orderBody([{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 1 }], { discount_total: 1001, tax_total: 250 }));
      assert.equal(r.status, 201);
      assert.equal(r.body.total, 4000 - 1001 + 250);
      assert.deepEqual(r.body.lines.map((l: any) => l.discount_allocated), [250, 751]);
    });

    test('same (channel, external_id) twice is 409 duplicate_order with the first id', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 5 } } });
      const first = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }], { external_id: 'X-1' }));
      const again = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 2 }], { external_id: 'X-1' }));
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'duplicate_order');
      assert.equal(again.body.id, first.body.id);
      assert.equal((await levelOf(t, 'TEE-M', 'WH-1')).reserved, 1);
    });

    test('Idempotency-Key replays the identical answer; another body with it is 422', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 5 } } });
      const body = orderBody([{ sku: 'TEE-M', quantity: 1 }]);
      const first = await t.request('POST', '/v1/orders', body, { 'idempotency-key': 'abc-1' });
      const replay = await t.request('POST', '/v1/orders', body, { 'idempotency-key': 'abc-1' });
      assert.equal(replay.status, 201);
      assert.deepEqual(replay.body, first.body);
      assert.equal(replay.headers['idempotent-replayed'], 'true');
      assert.equal((await levelOf(t, 'TEE-M', 'WH-1')).reserved, 1);
      const reused = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 2 }]), { 'idempotency-key': 'abc-1' });
      assert.equal(reused.status, 422);
      assert.equal(reused.body.code, 'idempotency_key_reused');
      // A refusal is remembered too: the retry gets the same 422 even after stock arrives.
      const big = orderBody([{ sku: 'TEE-M', quantity: 50 }]);
      const refused = await t.request('POST', '/v1/orders', big, { 'idempotency-key': 'abc-2' });
      assert.equal(refused.status, 422);
      await t.request('POST', '/v1/inventory/adjustments', { sku: 'TEE-M', location: 'WH-1', delta: 100, reason: 'receipt' });
      const retried = await t.request('POST', '/v1/orders', big, { 'idempotency-key': 'abc-2' });
      assert.deepEqual([retried.status, retried.body], [refused.status, refused.body]);
    });

    test('concurrent requests with one Idempotency-Key create one order', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 50 } } });
      const body = orderBody([{ sku: 'TEE-M', quantity: 1 }]);
      const answers = await Promise.all(Array.from({ length: 8 }, () => t.request('POST', '/v1/orders', body, { 'idempotency-key': 'same' })));
      assert.ok(answers.every((a) => a.status === 201));
      assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
      assert.equal((await levelOf(t, 'TEE-M', 'WH-1')).reserved, 1);
    });

    test('lines for the same SKU are summed before reserving', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 3 } } });
      const short = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 2 }, { sku: 'TEE-M', quantity: 2 }]));
      assert.equal(short.status, 422);
      assert.equal(short.body.code, 'insufficient_inventory');
      assert.deepEqual(short.body.errors.map((e: any) => e.path), ['lines[0].quantity', 'lines[1].quantity']);
      assert.equal(short.body.errors[0].available, 3);
      const ok = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 2 }, { sku: 'TEE-M', quantity: 1 }]));
      assert.equal(ok.status, 201);
      assert.equal((await levelOf(t, 'TEE-M', 'WH-1')).reserved, 3);
    });

    test('continue SKUs reserve what exists and backorder the rest; deny SKUs refuse', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { products: [{ sku: 'PRE', policy: 'continue' }, { sku: 'NOW' }], stock: { PRE: { 'WH-1': 2 }, NOW: { 'WH-1': 1 } } });
      const r = await t.request('POST', '/v1/orders', orderBody([{ sku: 'PRE', quantity: 5 }, { sku: 'NOW', quantity: 1 }]));
      assert.equal(r.status, 201);
      assert.equal(r.body.lines[0].backordered, 3);
      assert.deepEqual(r.body.lines[0].allocations.map((a: any) => a.quantity), [2]);
      const none = await t.request('POST', '/v1/orders', orderBody([{ sku: 'PRE', quantity: 1 }, { sku: 'NOW', quantity: 1 }]));
      assert.equal(none.status, 422);
      assert.deepEqual(none.body.errors.map((e: any) => [e.path, e.sku, e.requested, e.available]), [['lines[1].quantity', 'NOW', 1, 0]]);
    });

    test('routing prefers the nearest location that fills everything, and splits only when it must', async () => {
      const t = await ta.tenant();
      await setUpShop(t, {
        products: [{ sku: 'A' }, { sku: 'B' }],
        locations: [{ code: 'EAST', latitude: 40.72, longitude: -74.14, priority: 50 }, { code: 'WEST', latitude: 39.45, longitude: -119.75, priority: 1 }],
        stock: { A: { EAST: 5, WEST: 5 }, B: { EAST: 1, WEST: 5 } },
      });
      const nyc = { ...ADDRESS, latitude: 40.75, longitude: -73.99 };
      const near = await t.request('POST', '/v1/orders', orderBody([{ sku: 'A', quantity: 1 }], { shipping_address: nyc }));
      assert.equal(near.body.lines[0].allocations[0].location, 'EAST');
      const whole = await t.request('POST', '/v1/orders', orderBody([{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 2 }], { shipping_address: nyc }));
      assert.deepEqual(whole.body.lines.map((l: any) => l.allocations.map((a: any) => a.location)), [['WEST'], ['WEST']]);
      const split = await t.request('POST', '/v1/orders', orderBody([{ sku: 'A', quantity: 8 }], { shipping_address: nyc }));
      assert.equal(split.status, 201);
      assert.deepEqual(split.body.lines[0].allocations.map((a: any) => [a.location, a.quantity]).sort(), [['EAST', 4], ['WEST', 4]]);
      const events = await t.request('GET', `/v1/orders/${split.body.id}/events`);
      assert.equal(events.body.data[0].data.routing.strategy, 'split');
    });

    test('pickup orders reserve at the pickup location only', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { locations: [{ code: 'WH-1' }, { code: 'STORE', kind: 'store', pickup: true, ships: false }], stock: { 'TEE-M': { 'WH-1': 10, STORE: 1 } } });
      const r = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }], { delivery: { type: 'pickup', location: 'STORE' }, shipping_address: undefined }));
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.deepEqual(r.body.delivery, { type: 'pickup', location: 'STORE' });
      assert.equal(r.body.lines[0].allocations[0].location, 'STORE');
      const more = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }], { delivery: { type: 'pickup', location: 'STORE' } }));
      assert.equal(more.status, 422);
      const notPickup = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }], { delivery: { type: 'pickup', location: 'WH-1' } }));
      assert.equal(notPickup.body.errors[0].path, 'delivery.location');
    });

    test('customers are upserted by e-mail and carry their order history', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 10 } } });
      await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }], { customer: { email: 'Bo@Example.com', name: 'Bo' } }));
      await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 2 }], { customer: { email: 'bo@example.com', phone: '+15550000000' } }));
      const customers = await t.request('GET', '/v1/customers');
      assert.equal(customers.body.data.length, 1);
      const bo = await t.request('GET', '/v1/customers/bo@example.com');
      assert.equal(bo.body.name, 'Bo');
      assert.equal(bo.body.phone, '+15550000000');
      assert.equal(bo.body.orders_count, 2);
      assert.deepEqual(bo.body.total_spent, [{ currency: 'USD', amount: 3 * 1999 }]);
      assert.equal(bo.body.recent_orders.length, 2);
    });
  });
}
