import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp, type TenantClient } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';
import { signBody } from '../src/modules/shipping/index.ts';
import { allocationsOf, insertPackage, onlyFulfillmentOrder, outboxOf, setUpCarriers } from './shipping.helpers.ts';

const STANDARD = { shipping: { method: 'standard', amount: 500 } };
const at = (minutes: number) => new Date(Date.UTC(2025, 4, 1, 8, minutes)).toISOString();

for (const kind of testDatabases()) {
  describe(`tracking: events and delivery (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    async function shippedOrder(t: TenantClient, quantity = 2) {
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity }], STANDARD));
      const fo = await onlyFulfillmentOrder(ta, t, order.body.id);
      const shipment = await t.request('POST', `/v1/fulfillment-orders/${fo.id}/shipments`, { service: 'GROUND' });
      assert.equal(shipment.status, 201, JSON.stringify(shipment.body));
      return { order: order.body, shipment: shipment.body };
    }

    test('status moves forward; late and backward events are kept but change nothing; delivery completes the order', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 10 } } });
      await setUpCarriers(t);
      const { order, shipment } = await shippedOrder(t);
      const post = (body: unknown) => t.request('POST', `/v1/shipments/${shipment.id}/events`, body);
      assert.equal((await post({ status: 'in_transit', occurred_at: at(10), place: 'Hub A' })).body.status, 'in_transit');
      assert.equal((await post({ status: 'out_for_delivery', occurred_at: at(20) })).body.status, 'out_for_delivery');
      assert.equal((await post({ status: 'in_transit', occurred_at: at(5), description: 'late scan' })).body.status, 'out_for_delivery');
      assert.equal((await post({ status: 'in_transit', occurred_at: at(25) })).body.status, 'out_for_delivery');
      assert.equal((await post({ status: 'exception', occurred_at: at(30), description: 'nobody home' })).body.status, 'exception');
      assert.equal((await t.request('GET', `/v1/orders/${order.id}`)).body.fulfillment_status, 'fulfilled');
      const delivered = await post({ status: 'delivered', occurred_at: at(40), place: 'Front door' });
      assert.deepEqual([delivered.body.status, delivered.body.delivered_at], ['delivered', at(40)]);
      assert.equal((await post({ status: 'exception', occurred_at: at(50) })).body.status, 'delivered');
      const final = await t.request('GET', `/v1/shipments/${shipment.id}`);
      // Every event is kept, in the order they happened (Ordo's own 'shipped' event is stamped now, so last here).
      assert.deepEqual(final.body.events.map((e: any) => e.status),
        ['in_transit', 'in_transit', 'out_for_delivery', 'in_transit', 'exception', 'delivered', 'exception', 'shipped']);

      const view = await t.request('GET', `/v1/orders/${order.id}`);
      assert.deepEqual([view.body.status, view.body.fulfillment_status, view.body.shipments[0].delivered_at], ['completed', 'delivered', at(40)]);
      const timeline = (await t.request('GET', `/v1/orders/${order.id}/events`)).body.data.map((e: any) => e.type);
      assert.deepEqual(timeline.filter((x: string) => x.startsWith('shipment.') || x === 'order.delivered'),
        ['shipment.created', 'shipment.updated', 'shipment.updated', 'shipment.updated', 'shipment.delivered', 'order.delivered']);
      assert.deepEqual(await outboxOf(ta, t, 'shipment.delivered'), [{ order_id: order.id, shipment_id: shipment.id }]);
      assert.deepEqual(await outboxOf(ta, t, 'order.delivered'), [{ order_id: order.id }]);
    });

    test('an order is delivered only when its last unit is: partial delivery first', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 10 } } });
      await setUpCarriers(t);
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 3 }], STANDARD));
      const fo = await onlyFulfillmentOrder(ta, t, order.body.id);
      const [allocation] = await allocationsOf(ta, t, order.body.id);
      await insertPackage(ta, t, fo.id, 'pkg_1', 500, [{ allocation_id: allocation?.id ?? '', quantity: 1 }]);
      await insertPackage(ta, t, fo.id, 'pkg_2', 900, [{ allocation_id: allocation?.id ?? '', quantity: 2 }]);
      const first = await t.request('POST', `/v1/fulfillment-orders/${fo.id}/shipments`, { service: 'GROUND', packages: ['pkg_1'] });
      const second = await t.request('POST', `/v1/fulfillment-orders/${fo.id}/shipments`, { service: 'GROUND', packages: ['pkg_2'] });
      await t.request('POST', `/v1/shipments/${first.body.id}/events`, { status: 'delivered' });
      const partly = await t.request('GET', `/v1/orders/${order.body.id}`);
      assert.deepEqual([partly.body.status, partly.body.fulfillment_status], ['open', 'partially_delivered']);
      assert.deepEqual(await outboxOf(ta, t, 'order.delivered'), []);
      await t.request('POST', `/v1/shipments/${second.body.id}/events`, { status: 'delivered' });
      const done = await t.request('GET', `/v1/orders/${order.body.id}`);
      assert.deepEqual([done.body.status, done.body.fulfillment_status], ['completed', 'delivered']);
      assert.equal((await outboxOf(ta, t, 'order.delivered')).length, 1);
    });

    test('20 parallel delivery reports: one delivery, one order.delivered, the order completed once', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 10 } } });
      await setUpCarriers(t);
      const { order, shipment } = await shippedOrder(t);
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) =>
        t.request('POST', `/v1/shipments/${shipment.id}/events`, { status: i % 2 === 0 ? 'delivered' : 'exception', occurred_at: at(i) })));
      assert.ok(answers.every((a) => a.status === 200), JSON.stringify(answers.map((a) => a.body)));
      assert.equal((await outboxOf(ta, t, 'shipment.delivered')).length, 1);
      assert.deepEqual(await outboxOf(ta, t, 'order.delivered'), [{ order_id: order.id }]);
      const view = await t.request('GET', `/v1/orders/${order.id}`);
      assert.deepEqual([view.body.status, view.body.fulfillment_status, view.body.shipments[0].status], ['completed', 'delivered', 'delivered']);
      assert.equal((await t.request('GET', `/v1/shipments/${shipment.id}`)).body.events.length, 21);
    });

    test('bad events are refused with paths', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 10 } } });
      await setUpCarriers(t);
      const { shipment } = await shippedOrder(t);
      const post = (body: unknown) => t.request('POST', `/v1/shipments/${shipment.id}/events`, body);
      for (const [body, path] of [
        [{ status: 'shipped' }, 'status'], [{ status: 'lost' }, 'status'], [{ status: 'in_transit', occurred_at: 'yesterday' }, 'occurred_at'],
        [{ status: 'in_transit', occurred_at: new Date(Date.now() + 86_400_000).toISOString() }, 'occurred_at'], [{ status: 'in_transit', extra: 1 }, 'extra'],
      ] as const) {
        const r = await post(body);
        assert.deepEqual([r.status, r.body.code], [422, 'validation_failed'], JSON.stringify(r.body));
        assert.ok(r.body.errors.some((e: any) => e.path === path), JSON.stringify(r.body.errors));
      }
      assert.equal((await t.request('POST', '/v1/shipments/shp_00000000000000000000000000/events', { status: 'in_transit' })).status, 404);
      assert.equal((await t.request('GET', `/v1/shipments/${shipment.id}`)).body.events.length, 1);
    });

    test('carrier webhooks: a good signature moves the shipment; a wrong or missing one is 401 and changes nothing', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 10 } } });
      const { ground } = await setUpCarriers(t);
      const { order, shipment } = await shippedOrder(t);
      const send = (payload: string, headers: Record<string, string>) =>
        ta.app.inject({ method: 'POST', url: ground.webhook_path, payload, headers: { 'content-type': 'application/json', ...headers } });
      const body = JSON.stringify({ tracking_number: shipment.tracking_number, status: 'in_transit', occurred_at: at(1), place: 'Depot 7' });
      const secret = ground.webhook_secret as string;

      for (const headers of [{} as Record<string, string>, { 'x-ordo-signature': signBody('whsec_wrong', body) }, { 'x-ordo-signature': 'sha256=00' }, { 'x-ordo-signature': signBody(secret, `${body} `) }]) {
        const r = await send(body, headers);
        assert.deepEqual([r.statusCode, r.json().code], [401, 'unauthorized']);
      }
      const unknown = await ta.app.inject({ method: 'POST', url: '/v1/carriers/srv_00000000000000000000000000/webhook', payload: body, headers: { 'content-type': 'application/json', 'x-ordo-signature': signBody(secret, body) } });
      assert.equal(unknown.statusCode, 401);
      assert.equal((await t.request('GET', `/v1/shipments/${shipment.id}`)).body.events.length, 1);

      const ok = await send(body, { 'x-ordo-signature': signBody(secret, body) });
      assert.deepEqual([ok.statusCode, ok.json()], [200, { shipment_id: shipment.id, status: 'in_transit' }]);
      // A carrier retrying the same event stores it once.
      assert.equal((await send(body, { 'x-ordo-signature': signBody(secret, body) })).statusCode, 200);
      const events = (await t.request('GET', `/v1/shipments/${shipment.id}`)).body.events;
      assert.deepEqual(events.map((e: any) => [e.status, e.place]), [['in_transit', 'Depot 7'], ['shipped', null]]);

      // Signed but not valid: 422 with paths; unknown tracking number: 404.
      const bad = JSON.stringify({ tracking_number: shipment.tracking_number, status: 'teleported', occurred_at: at(2) });
      const r422 = await send(bad, { 'x-ordo-signature': signBody(secret, bad) });
      assert.deepEqual([r422.statusCode, r422.json().errors[0].path], [422, 'status']);
      const stranger = JSON.stringify({ tracking_number: 'ORD999999999999', status: 'delivered', occurred_at: at(3) });
      assert.equal((await send(stranger, { 'x-ordo-signature': signBody(secret, stranger) })).statusCode, 404);

      const delivered = JSON.stringify({ tracking_number: shipment.tracking_number, status: 'delivered', occurred_at: at(9) });
      assert.equal((await send(delivered, { 'x-ordo-signature': signBody(secret, delivered) })).statusCode, 200);
      const view = await t.request('GET', `/v1/orders/${order.id}`);
      assert.deepEqual([view.body.status, view.body.fulfillment_status], ['completed', 'delivered']);
      const timeline = (await t.request('GET', `/v1/orders/${order.id}/events`)).body.data;
      assert.equal(timeline.find((e: any) => e.type === 'shipment.delivered').actor, 'carrier:GROUND');
    });
  });
}
