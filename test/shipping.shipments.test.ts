import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readPdf } from './helpers/pdf.ts';
import { startTestApp, testDatabases, type TestApp } from './helpers/harness.ts';
import { levelOf, orderBody, setUpShop } from './helpers/fixtures.ts';
import { verifyInventory } from '../src/modules/inventory/index.ts';
import { allocationsOf, insertPackage, onlyFulfillmentOrder, outboxOf, setUpCarriers, setWeight, shippingFootprint } from './shipping.helpers.ts';

const STANDARD = { shipping: { method: 'standard', amount: 500 } };

const pdfText = (pdf: Buffer) => readPdf(pdf, '\n');

for (const kind of testDatabases()) {
  describe(`shipping: shipments (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    test('rates list every service of the method with cheapest and fastest marked, and say why others cannot', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 10 } } });
      await setUpCarriers(t);
      await t.request('POST', '/v1/carrier-services', { code: 'XPRESS', name: 'Express only', carrier: 'manual', methods: ['express'], transit_days: 0 });
      await setWeight(t, 'TEE-M', 400);
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 3 }], STANDARD));
      const fo = await onlyFulfillmentOrder(ta, t, order.body.id);
      const rates = await t.request('GET', `/v1/fulfillment-orders/${fo.id}/rates`);
      assert.equal(rates.status, 200, JSON.stringify(rates.body));
      assert.deepEqual([rates.body.weight_g, rates.body.weight_source, rates.body.destination], [1200, 'products', { country: 'US', postal_code: '62701' }]);
      assert.deepEqual(rates.body.rates.map((r: any) => [r.service, r.price, r.transit_days, r.cheapest, r.fastest]),
        [['GROUND', 900, 5, true, false], ['COURIER', 1500, 1, false, true]]);
      assert.deepEqual(rates.body.unavailable, []);
      // Too heavy for the table: listed with the reason.
      await setWeight(t, 'TEE-M', 2000);
      const heavy = await t.request('GET', `/v1/fulfillment-orders/${fo.id}/rates`);
      assert.deepEqual(heavy.body.rates.map((r: any) => r.service), ['COURIER']);
      assert.equal(heavy.body.unavailable[0].service, 'GROUND');
      assert.match(heavy.body.unavailable[0].reason, /6000 g is over the heaviest band/);
      assert.equal((await t.request('GET', '/v1/fulfillment-orders/ful_00000000000000000000000000/rates')).status, 404);
    });

    test('a rate-table shipment fulfils the stock, issues a tracking number and a 4×6 label, and ships the fulfillment order', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { products: [{ sku: 'TEE-M' }, { sku: 'MUG' }], stock: { 'TEE-M': { 'WH-1': 10 }, MUG: { 'WH-1': 4 } } });
      await setUpCarriers(t);
      await setWeight(t, 'TEE-M', 200);
      await setWeight(t, 'MUG', 350);
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 2 }, { sku: 'MUG', quantity: 1 }], STANDARD));
      const fo = await onlyFulfillmentOrder(ta, t, order.body.id);
      const shipped = await t.request('POST', `/v1/fulfillment-orders/${fo.id}/shipments`, { strategy: 'cheapest' });
      assert.equal(shipped.status, 201, JSON.stringify(shipped.body));
      const s = shipped.body;
      assert.deepEqual([s.carrier, s.service, s.status, s.cost, s.currency, s.location], ['rate_table', 'GROUND', 'shipped', 600, 'USD', 'WH-1']);
      assert.match(s.tracking_number, /^ORD\d{12}$/);
      assert.equal(s.label_url, `/v1/shipments/${s.id}/label.pdf`);
      assert.deepEqual(s.items.map((i: any) => [i.sku, i.quantity]), [['TEE-M', 2], ['MUG', 1]]);
      assert.deepEqual(s.events.map((e: any) => e.status), ['shipped']);

      // Stock: on_hand and reserved both drop; one 'shipment' ledger row per SKU; the books balance.
      assert.deepEqual(await levelOf(t, 'TEE-M', 'WH-1').then((l) => [l.on_hand, l.reserved, l.available]), [8, 0, 8]);
      const movements = await t.request('GET', '/v1/inventory/movements?sku=MUG');
      assert.deepEqual(movements.body.data.map((m: any) => [m.reason, m.delta_on_hand, m.delta_reserved]), [['shipment', -1, -1], ['reservation', 0, 1], ['receipt', 4, 0]]);
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
      assert.ok((await allocationsOf(ta, t, order.body.id)).every((a) => a.status === 'fulfilled'));

      // The fulfillment order is shipped; the order shows the shipment and is fulfilled.
      assert.equal((await onlyFulfillmentOrder(ta, t, order.body.id)).status, 'shipped');
      const view = await t.request('GET', `/v1/orders/${order.body.id}`);
      assert.equal(view.body.fulfillment_status, 'fulfilled');
      assert.deepEqual(view.body.shipments.map((x: any) => [x.id, x.fulfillment_order_id, x.carrier, x.service, x.tracking_number, x.status, x.delivered_at]),
        [[s.id, fo.id, 'rate_table', 'GROUND', s.tracking_number, 'shipped', null]]);
      assert.deepEqual(view.body.shipments[0].items.map((i: any) => i.quantity), [2, 1]);

      // Timeline and outbox.
      const events = await t.request('GET', `/v1/orders/${order.body.id}/events`);
      const created = events.body.data.find((e: any) => e.type === 'shipment.created');
      assert.deepEqual([created.data.carrier, created.data.service, created.data.tracking_number], ['rate_table', 'GROUND', s.tracking_number]);
      assert.deepEqual(await outboxOf(ta, t, 'shipment.created'), [{ order_id: order.body.id, shipment_id: s.id, fulfillment_order_id: fo.id, tracking_number: s.tracking_number, carrier: 'rate_table', service: 'GROUND' }]);

      // The label: 288×432 pt, with the tracking number and the ship-to address in its text.
      const label = await ta.app.inject({ method: 'GET', url: s.label_url, headers: { authorization: `Bearer ${t.key}` } });
      assert.equal(label.statusCode, 200);
      assert.equal(label.headers['content-type'], 'application/pdf');
      const pdf = await pdfText(label.rawPayload);
      assert.deepEqual([pdf.pages, Math.round(pdf.width), Math.round(pdf.height)], [1, 288, 432]);
      for (const expected of [s.tracking_number, 'Ana Lima', '1 Main St', 'Springfield 62701', 'Ordo Ground', 'WH-1', '1 Dock Rd', 'Weight: 750 g']) {
        assert.ok(pdf.text.includes(expected), `label lacks ${expected}: ${pdf.text}`);
      }
      // Shipping again: nothing left.
      const again = await t.request('POST', `/v1/fulfillment-orders/${fo.id}/shipments`, {});
      assert.deepEqual([again.status, again.body.code], [409, 'invalid_transition']);
    });

    test('shipping some packages splits allocations so quantities stay exact; the rest ships later', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 10 } } });
      await setUpCarriers(t);
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 5 }], STANDARD));
      const fo = await onlyFulfillmentOrder(ta, t, order.body.id);
      const [allocation] = await allocationsOf(ta, t, order.body.id);
      assert.ok(allocation);
      await insertPackage(ta, t, fo.id, 'pkg_a', 1200, [{ allocation_id: allocation.id, quantity: 2 }]);
      await insertPackage(ta, t, fo.id, 'pkg_b', 1500, [{ allocation_id: allocation.id, quantity: 3 }]);
      const rates = await t.request('GET', `/v1/fulfillment-orders/${fo.id}/rates`);
      assert.deepEqual([rates.body.weight_g, rates.body.weight_source], [2700, 'packages']);

      const first = await t.request('POST', `/v1/fulfillment-orders/${fo.id}/shipments`, { service: 'COURIER', tracking_number: 'CC-1001', packages: ['pkg_a'] });
      assert.equal(first.status, 201, JSON.stringify(first.body));
      assert.deepEqual([first.body.carrier, first.body.tracking_number, first.body.cost, first.body.label_url, first.body.packages], ['manual', 'CC-1001', 1500, null, ['pkg_a']]);
      const split = await allocationsOf(ta, t, order.body.id);
      assert.deepEqual(split.map((a) => [a.quantity, a.status]).sort(), [[2, 'fulfilled'], [3, 'reserved']]);
      assert.equal((await onlyFulfillmentOrder(ta, t, order.body.id)).status, 'open');
      const partly = await t.request('GET', `/v1/orders/${order.body.id}`);
      assert.equal(partly.body.fulfillment_status, 'partially_fulfilled');
      assert.deepEqual(await levelOf(t, 'TEE-M', 'WH-1').then((l) => [l.on_hand, l.reserved]), [8, 3]);
      // The shipped package's contents point at the fulfilled row; the other's at the reserved one.
      const items = await ta.db.kysely.selectFrom('package_items').select(['package_id', 'allocation_id']).where('tenant_id', '=', t.tenantId).orderBy('package_id').execute();
      const statusOf = new Map(split.map((a) => [a.id, a.status]));
      assert.deepEqual(items.map((i) => [i.package_id, statusOf.get(i.allocation_id)]), [['pkg_a', 'fulfilled'], ['pkg_b', 'reserved']]);

      const shippedPackage = await t.request('POST', `/v1/fulfillment-orders/${fo.id}/shipments`, { service: 'COURIER', tracking_number: 'CC-1002', packages: ['pkg_a'] });
      assert.deepEqual([shippedPackage.status, shippedPackage.body.errors?.[0]?.path], [422, 'packages[0]']);
      const rest = await t.request('POST', `/v1/fulfillment-orders/${fo.id}/shipments`, { strategy: 'fastest', tracking_number: 'CC-1003' });
      assert.equal(rest.status, 201, JSON.stringify(rest.body));
      assert.deepEqual([rest.body.service, rest.body.packages, rest.body.items[0].quantity], ['COURIER', ['pkg_b'], 3]);
      assert.equal((await onlyFulfillmentOrder(ta, t, order.body.id)).status, 'shipped');
      assert.equal((await t.request('GET', `/v1/orders/${order.body.id}`)).body.fulfillment_status, 'fulfilled');
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
      const list = await t.request('GET', `/v1/shipments?order=${order.body.number}`);
      assert.deepEqual(list.body.data.map((x: any) => x.tracking_number), ['CC-1003', 'CC-1001']);
      assert.deepEqual((await t.request('GET', '/v1/shipments?order=999999')).body.data, []);
      assert.equal((await t.request('GET', `/v1/shipments/${first.body.id}/label.pdf`)).status, 404);
    });

    test('bad requests are refused with paths and leave nothing written', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 10 } } });
      await setUpCarriers(t);
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 2 }], STANDARD));
      const fo = await onlyFulfillmentOrder(ta, t, order.body.id);
      const before = await shippingFootprint(ta, t);
      const url = `/v1/fulfillment-orders/${fo.id}/shipments`;
      const cases: [unknown, number, string, string | undefined][] = [
        [{ service: 'COURIER' }, 422, 'validation_failed', 'tracking_number'],
        [{ service: 'GROUND', tracking_number: 'X1' }, 422, 'validation_failed', 'tracking_number'],
        [{ service: 'GROUND', strategy: 'cheapest' }, 422, 'validation_failed', 'strategy'],
        [{ service: 'NOPE' }, 422, 'validation_failed', 'service'],
        [{ packages: ['pkg_missing'] }, 422, 'validation_failed', 'packages[0]'],
        [{ strategy: 'slowest' }, 422, 'validation_failed', undefined],
        [{ carrier: 'GROUND' }, 422, 'validation_failed', 'carrier'],
      ];
      for (const [body, status, code, path] of cases) {
        const r = await t.request('POST', url, body);
        assert.deepEqual([r.status, r.body.code], [status, code], JSON.stringify([body, r.body]));
        if (path) assert.ok(r.body.errors.some((e: any) => e.path === path), JSON.stringify(r.body));
      }
      // A destination no service reaches.
      const abroad = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }], { shipping: { method: 'standard', amount: 0 }, shipping_address: { line1: 'Hauptstr. 1', city: 'Berlin', postal_code: '10115', country: 'DE' } }));
      const abroadFo = await onlyFulfillmentOrder(ta, t, abroad.body.id);
      const none = await t.request('POST', `/v1/fulfillment-orders/${abroadFo.id}/shipments`, { service: 'GROUND' });
      assert.deepEqual([none.status, none.body.code], [422, 'carrier_service_unavailable']);
      // An order on hold does not ship.
      await t.request('POST', `/v1/orders/${order.body.id}/hold`, { reason: 'check' });
      const held = await t.request('POST', url, { strategy: 'cheapest' });
      assert.deepEqual([held.status, held.body.code], [409, 'invalid_transition']);
      const after = await shippingFootprint(ta, t);
      assert.deepEqual({ ...after, timeline: 0, outbox: 0, movements: 0 }, { ...before, timeline: 0, outbox: 0, movements: 0 });
      assert.equal(after.movements, before.movements + 1); // only the second order's reservation
      assert.equal((await levelOf(t, 'TEE-M', 'WH-1')).reserved, 3);
      // A warehouse key ships; an analyst key may not.
      const analyst = t.as(await t.keyFor('analyst'));
      assert.equal((await analyst.request('POST', url, {})).status, 403);
      assert.equal((await analyst.request('GET', `/v1/fulfillment-orders/${fo.id}/rates`)).status, 200);
    });

    test('20 parallel shipments of one fulfillment order: exactly one ships, the books balance', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 10 } } });
      await setUpCarriers(t);
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 4 }], STANDARD));
      const fo = await onlyFulfillmentOrder(ta, t, order.body.id);
      const answers = await Promise.all(Array.from({ length: 20 }, () => t.request('POST', `/v1/fulfillment-orders/${fo.id}/shipments`, { service: 'GROUND' })));
      assert.deepEqual(answers.map((a) => a.status).sort(), [201, ...Array<number>(19).fill(409)]);
      assert.equal((await ta.db.kysely.selectFrom('shipments').select('id').where('tenant_id', '=', t.tenantId).execute()).length, 1);
      assert.deepEqual(await levelOf(t, 'TEE-M', 'WH-1').then((l) => [l.on_hand, l.reserved]), [6, 0]);
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
      // Tracking numbers are issued in sequence, never twice.
      const other = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }], STANDARD));
      const second = await t.request('POST', `/v1/fulfillment-orders/${(await onlyFulfillmentOrder(ta, t, other.body.id)).id}/shipments`, {});
      const numbers = [answers.find((a) => a.status === 201)?.body.tracking_number, second.body.tracking_number];
      assert.deepEqual(numbers.map((n) => n.slice(3, 14)), ['00000000001', '00000000002']);
    });
  });
}
