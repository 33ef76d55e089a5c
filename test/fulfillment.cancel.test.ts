import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestApp, testDatabases, type TestApp, type TenantClient } from './helpers/harness.ts';
import { levelOf, orderBody, setUpShop } from './helpers/fixtures.ts';
import { transitionFulfillmentOrder } from '../src/modules/fulfillment/index.ts';
import { verifyInventory } from '../src/modules/inventory/index.ts';

for (const kind of testDatabases()) {
  describe(`cancel after a partial shipment (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    async function shop() {
      const t = await ta.tenant();
      await setUpShop(t, {
        locations: [{ code: 'WH-1', priority: 1 }, { code: 'WH-2', priority: 2 }],
        products: [{ sku: 'TEE-M', price: 1000 }, { sku: 'MUG', price: 500 }, { sku: 'PRE', price: 300, policy: 'continue' }],
        stock: { 'TEE-M': { 'WH-1': 2, 'WH-2': 5 }, MUG: { 'WH-2': 5 } },
      });
      return t;
    }
    const clean = async (t: TenantClient) => assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);

    /** Ships a fulfillment order the way shipping does: units leave stock, allocations become fulfilled. */
    async function ship(t: TenantClient, fulfillmentOrderId: string) {
      await ta.db.kysely.transaction().execute(async (trx) => {
        await transitionFulfillmentOrder(trx, t.tenantId, fulfillmentOrderId, 'shipped');
        const allocations = await trx.updateTable('order_allocations').set({ status: 'fulfilled' })
          .where('tenant_id', '=', t.tenantId).where('fulfillment_order_id', '=', fulfillmentOrderId).where('status', '=', 'reserved')
          .returning(['product_id', 'location_id', 'quantity', 'order_id']).execute();
        for (const a of allocations) {
          await sql`update inventory_levels set on_hand = on_hand - ${a.quantity}::int, reserved = reserved - ${a.quantity}::int
            where tenant_id = ${t.tenantId} and product_id = ${a.product_id} and location_id = ${a.location_id}`.execute(trx);
          await trx.insertInto('inventory_movements').values({ tenant_id: t.tenantId, product_id: a.product_id, location_id: a.location_id,
            delta_on_hand: -a.quantity, delta_reserved: -a.quantity, reason: 'shipment', order_id: a.order_id, note: null, actor: 'test' }).execute();
        }
      });
    }

    test('cancel after a partial shipment cancels only the unshipped units and recomputes the totals', async () => {
      const t = await shop();
      // WH-2 fills TEE-M and MUG alone; PRE (sold into backorder) waits.
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 4 }, { sku: 'MUG', quantity: 2 }, { sku: 'PRE', quantity: 2 }],
        { shipping: { method: 'standard', amount: 700 }, discount_total: 1000, tax_total: 500 }));
      assert.equal(order.status, 201, JSON.stringify(order.body));
      assert.equal(order.body.total, 4000 + 1000 + 600 - 1000 + 700 + 500);
      const [wh2] = order.body.fulfillment_orders;
      await ship(t, wh2.id);
      const shipped = await t.request('GET', `/v1/orders/${order.body.id}`);
      assert.equal(shipped.body.fulfillment_status, 'partially_fulfilled', 'the backordered units have not shipped');

      const r = await t.request('POST', `/v1/orders/${order.body.id}/cancel`, { reason: 'customer gave up on the pre-order' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.status, 'open');
      assert.deepEqual(r.body.lines.map((l: any) => [l.sku, l.quantity, l.canceled, l.backordered, l.total]), [['TEE-M', 4, 0, 0, 4000], ['MUG', 2, 0, 0, 1000], ['PRE', 2, 2, 0, 0]]);
      // Subtotal 5600 -> 5000: discount and tax shrink in proportion, shipping stays.
      assert.deepEqual([r.body.subtotal, r.body.discount_total, r.body.tax_total, r.body.shipping_total, r.body.total], [5000, 892, 446, 700, 5000 - 892 + 700 + 446]);
      assert.equal(r.body.lines.reduce((n: number, l: any) => n + l.discount_allocated, 0), 892);
      assert.equal(r.body.fulfillment_status, 'fulfilled');
      const events = (await t.request('GET', `/v1/orders/${order.body.id}/events`)).body.data;
      const partial = events.find((e: any) => e.type === 'order.partially_canceled');
      assert.deepEqual([partial.data.units_canceled, partial.data.backorders_dropped, partial.data.units_released], [2, 2, 0]);
      // Everything left has shipped now: a second cancel is refused.
      const again = await t.request('POST', `/v1/orders/${order.body.id}/cancel`, { reason: 'again' });
      assert.deepEqual([again.status, again.body.code], [409, 'invalid_transition']);
      await clean(t);
    });

    test('reserved units of unshipped fulfillment orders are released and those orders canceled', async () => {
      const t = await shop();
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 6 }, { sku: 'MUG', quantity: 1 }], { shipping: { method: 'standard', amount: 700 } }));
      const fos = order.body.fulfillment_orders;
      assert.deepEqual(fos.map((f: any) => f.location).sort(), ['WH-1', 'WH-2']);
      const wh2 = fos.find((f: any) => f.location === 'WH-2');
      const wh1 = fos.find((f: any) => f.location === 'WH-1');
      await transitionFulfillmentOrder(ta.db.kysely, t.tenantId, wh1.id, 'picking');
      await ship(t, wh2.id);
      const before = await levelOf(t, 'TEE-M', 'WH-1');
      assert.equal(before.reserved, wh1.lines[0].quantity);
      const r = await t.request('POST', `/v1/orders/${order.body.number}/cancel`, { reason: 'split too slow' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const tee = r.body.lines[0];
      assert.deepEqual([tee.canceled, tee.quantity - tee.canceled], [wh1.lines[0].quantity, wh2.lines.find((l: any) => l.sku === 'TEE-M').quantity]);
      assert.deepEqual(r.body.fulfillment_orders.map((f: any) => [f.location, f.status]).sort(), [['WH-1', 'canceled'], ['WH-2', 'shipped']]);
      assert.equal((await levelOf(t, 'TEE-M', 'WH-1')).reserved, 0);
      const movements = (await t.request('GET', '/v1/inventory/movements?sku=TEE-M&location=WH-1')).body.data;
      assert.deepEqual([movements[0].reason, movements[0].delta_reserved], ['release', -wh1.lines[0].quantity]);
      assert.equal(r.body.total, (6 - tee.canceled) * 1000 + 500 + 700);
      await clean(t);
    });

    test('nothing shipped cancels the whole order and its fulfillment orders, as before', async () => {
      const t = await shop();
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }]));
      const r = await t.request('POST', `/v1/orders/${order.body.id}/cancel`, { reason: 'x' });
      assert.deepEqual([r.status, r.body.status, r.body.fulfillment_orders[0].status, r.body.lines[0].canceled], [200, 'canceled', 'canceled', 0]);
      await clean(t);
    });
  });
}
