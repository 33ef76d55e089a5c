import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from './helpers/harness.ts';
import { ADDRESS, levelOf, orderBody, setUpShop } from './helpers/fixtures.ts';
import { verifyInventory } from '../src/modules/inventory/index.ts';
import { onlyFulfillmentOrder, outboxOf, setUpCarriers } from './shipping.helpers.ts';

for (const kind of testDatabases()) {
  describe(`store pickup and ship-from-store (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    test('ready for pickup, then handed over at the counter: stock leaves, a picked_up shipment records it, the order completes', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { locations: [{ code: 'WH-1' }, { code: 'STORE-1', kind: 'store', ships: false, pickup: true }], stock: { 'TEE-M': { 'STORE-1': 5 } } });
      await setUpCarriers(t);
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 2 }], { delivery: { type: 'pickup', location: 'STORE-1' } }));
      assert.equal(order.status, 201, JSON.stringify(order.body));
      const fo = await onlyFulfillmentOrder(ta, t, order.body.id);
      assert.equal(fo.delivery_type, 'pickup');
      const base = `/v1/fulfillment-orders/${fo.id}`;
      const anonymous = async () => (await ta.app.inject({ method: 'GET', url: `/v1/public/tracking?order=${order.body.number}&email=ana@example.com&tenant=${t.tenantId}` })).json();

      // A pickup is not shipped, and cannot be handed over before it is ready.
      assert.deepEqual((await t.request('POST', `${base}/shipments`, { service: 'GROUND' })).body.code, 'invalid_transition');
      assert.deepEqual((await t.request('GET', `${base}/rates`)).body.code, 'invalid_transition');
      assert.deepEqual((await t.request('POST', `${base}/pickup`, {})).body.code, 'invalid_transition');
      assert.deepEqual((await anonymous()).pickup, { location: 'STORE-1', ready: false });

      const ready = await t.request('POST', `${base}/ready-for-pickup`);
      assert.deepEqual([ready.status, ready.body.status], [200, 'ready_for_pickup']);
      assert.deepEqual(await outboxOf(ta, t, 'order.ready_for_pickup'), [{ order_id: order.body.id, fulfillment_order_id: fo.id, location: 'STORE-1' }]);
      assert.deepEqual((await anonymous()).pickup, { location: 'STORE-1', ready: true });
      assert.equal((await t.request('POST', `${base}/ready-for-pickup`, {})).status, 409);

      const picked = await t.request('POST', `${base}/pickup`, { note: 'ID checked' });
      assert.equal(picked.status, 200, JSON.stringify(picked.body));
      assert.deepEqual([picked.body.carrier, picked.body.status, picked.body.service, picked.body.tracking_number, picked.body.location], ['pickup', 'picked_up', null, null, 'STORE-1']);
      assert.ok(picked.body.delivered_at);
      assert.equal((await onlyFulfillmentOrder(ta, t, order.body.id)).status, 'picked_up');
      assert.deepEqual(await levelOf(t, 'TEE-M', 'STORE-1').then((l) => [l.on_hand, l.reserved]), [3, 0]);
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
      const movements = await t.request('GET', '/v1/inventory/movements?sku=TEE-M&location=STORE-1');
      assert.deepEqual(movements.body.data[0], { ...movements.body.data[0], reason: 'shipment', delta_on_hand: -2, delta_reserved: -2 });

      const view = await t.request('GET', `/v1/orders/${order.body.id}`);
      assert.deepEqual([view.body.status, view.body.fulfillment_status, view.body.shipments.map((s: any) => s.carrier)], ['completed', 'delivered', ['pickup']]);
      const timeline = (await t.request('GET', `/v1/orders/${order.body.id}/events`)).body.data;
      assert.deepEqual(timeline.map((e: any) => e.type).slice(-3), ['order.ready_for_pickup', 'order.picked_up', 'order.delivered']);
      assert.equal(timeline.find((e: any) => e.type === 'order.picked_up').data.note, 'ID checked');
      assert.equal((await outboxOf(ta, t, 'order.delivered')).length, 1);
      assert.equal((await t.request('POST', `${base}/pickup`, {})).status, 409);
      assert.deepEqual((await anonymous()).pickup, { location: 'STORE-1', ready: true });
    });

    test('a ship order cannot be made ready for pickup; bad bodies are 422', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 5 } } });
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }]));
      const fo = await onlyFulfillmentOrder(ta, t, order.body.id);
      assert.deepEqual((await t.request('POST', `/v1/fulfillment-orders/${fo.id}/ready-for-pickup`, {})).body.code, 'invalid_transition');
      const bad = await t.request('POST', `/v1/fulfillment-orders/${fo.id}/pickup`, { note: '', who: 'x' });
      assert.deepEqual([bad.status, bad.body.code], [422, 'validation_failed']);
      assert.equal((await onlyFulfillmentOrder(ta, t, order.body.id)).status, 'open');
    });

    test('a store that ships takes part in routing: it ships when it is nearest', async () => {
      const t = await ta.tenant();
      await setUpShop(t, {
        locations: [
          { code: 'WH-FAR', latitude: 47.61, longitude: -122.33, priority: 1 },
          { code: 'STORE-NEAR', kind: 'store', ships: true, pickup: true, latitude: 39.80, longitude: -89.65, priority: 100 },
        ],
        stock: { 'TEE-M': { 'WH-FAR': 10, 'STORE-NEAR': 10 } },
      });
      await setUpCarriers(t);
      const near = { ...ADDRESS, latitude: 39.78, longitude: -89.65 };
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 2 }], { shipping_address: near, shipping: { method: 'standard', amount: 0 } }));
      assert.deepEqual(order.body.lines[0].allocations.map((a: any) => a.location), ['STORE-NEAR']);
      const fo = await onlyFulfillmentOrder(ta, t, order.body.id);
      const shipment = await t.request('POST', `/v1/fulfillment-orders/${fo.id}/shipments`, {});
      assert.deepEqual([shipment.status, shipment.body.location, shipment.body.service], [201, 'STORE-NEAR', 'GROUND']);
      assert.deepEqual(await levelOf(t, 'TEE-M', 'STORE-NEAR').then((l) => [l.on_hand, l.reserved]), [8, 0]);
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
    });
  });
}
