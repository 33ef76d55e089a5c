import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';
import { onlyFulfillmentOrder, setUpCarriers } from './shipping.helpers.ts';

for (const kind of testDatabases()) {
  describe(`tracking: public page (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    const anonymous = async (url: string) => {
      const r = await ta.app.inject({ method: 'GET', url });
      return { status: r.statusCode, body: r.json() };
    };

    test('by order and e-mail, or by tracking number, without a key; only statuses, never personal data or prices', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 10 } } });
      await setUpCarriers(t);
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 2 }], { shipping: { method: 'standard', amount: 500 } }));
      const fo = await onlyFulfillmentOrder(ta, t, order.body.id);
      const shipment = (await t.request('POST', `/v1/fulfillment-orders/${fo.id}/shipments`, { service: 'GROUND' })).body;
      await t.request('POST', `/v1/shipments/${shipment.id}/events`, { status: 'in_transit', place: 'Depot 7', description: 'Departed' });

      const byOrder = await anonymous(`/v1/public/tracking?order=${order.body.number}&email=ANA@example.com&tenant=${t.tenantId}`);
      assert.equal(byOrder.status, 200, JSON.stringify(byOrder.body));
      assert.deepEqual(Object.keys(byOrder.body).sort(), ['fulfillment_status', 'order_number', 'shipments', 'status']);
      assert.deepEqual([byOrder.body.order_number, byOrder.body.status, byOrder.body.fulfillment_status], [order.body.number, 'open', 'fulfilled']);
      const [s] = byOrder.body.shipments;
      assert.deepEqual(Object.keys(s).sort(), ['carrier', 'delivered_at', 'events', 'service', 'shipped_at', 'status', 'tracking_number']);
      assert.deepEqual([s.carrier, s.service, s.tracking_number, s.status], ['rate_table', 'Ordo Ground', shipment.tracking_number, 'in_transit']);
      assert.deepEqual(s.events.map((e: any) => Object.keys(e).sort()), [['description', 'occurred_at', 'place', 'status'], ['description', 'occurred_at', 'place', 'status']]);
      assert.ok(s.events.some((e: any) => e.place === 'Depot 7' && e.description === 'Departed'));
      const text = JSON.stringify(byOrder.body);
      for (const secret of ['Ana', 'Main St', 'Springfield', 'example.com', order.body.id, '1999', '4498', 'cus_', 'WH-1']) assert.ok(!text.includes(secret), `leaks ${secret}`);

      const byTracking = await anonymous(`/v1/public/tracking?tracking_number=${shipment.tracking_number}&tenant=${t.tenantId}`);
      assert.deepEqual(byTracking, byOrder);
    });

    test('a wrong e-mail answers exactly like an unknown order; tenants stay apart', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 10 } } });
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }]));
      const wrongEmail = await anonymous(`/v1/public/tracking?order=${order.body.number}&email=eve@example.com&tenant=${t.tenantId}`);
      const unknownOrder = await anonymous(`/v1/public/tracking?order=987654&email=ana@example.com&tenant=${t.tenantId}`);
      const unknownTracking = await anonymous(`/v1/public/tracking?tracking_number=ORD000000000018&tenant=${t.tenantId}`);
      assert.equal(wrongEmail.status, 404);
      assert.deepEqual(wrongEmail, unknownOrder);
      assert.deepEqual(wrongEmail, unknownTracking);
      // The right e-mail in another tenant (or the default one) finds nothing either.
      const other = await ta.tenant();
      assert.deepEqual(await anonymous(`/v1/public/tracking?order=${order.body.number}&email=ana@example.com&tenant=${other.tenantId}`), unknownOrder);
      assert.deepEqual(await anonymous(`/v1/public/tracking?order=${order.body.number}&email=ana@example.com&tenant=no_such_tenant`), unknownOrder);
      const ok = await anonymous(`/v1/public/tracking?order=${order.body.number}&email=ana@example.com&tenant=${t.tenantId}`);
      assert.deepEqual([ok.status, ok.body.fulfillment_status, ok.body.shipments], [200, 'unfulfilled', []]);
    });

    test('incomplete or mixed queries are 422', async () => {
      for (const query of ['', 'order=1001', 'email=a@b.c', 'order=abc&email=a@b.c', 'tracking_number=X&order=1001', 'order=1001&email=a@b.c&name=x']) {
        const r = await anonymous(`/v1/public/tracking?${query}`);
        assert.deepEqual([r.status, r.body.code], [422, 'validation_failed'], `${query}: ${JSON.stringify(r.body)}`);
      }
    });
  });
}
