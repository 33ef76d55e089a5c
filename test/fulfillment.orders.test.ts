import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp, type TenantClient } from './helpers/harness.ts';
import { levelOf, orderBody, setUpShop } from './helpers/fixtures.ts';
import { getFulfillmentOrder, rerouteUnits, transitionFulfillmentOrder } from '../src/modules/fulfillment/index.ts';
import { verifyInventory } from '../src/modules/inventory/index.ts';

const EAST = { code: 'EAST', latitude: 40.72, longitude: -74.14, priority: 1 };
const WEST = { code: 'WEST', latitude: 39.45, longitude: -119.75, priority: 2 };

for (const kind of testDatabases()) {
  describe(`fulfillment orders (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    async function shop(stock: Record<string, Record<string, number>>, products = [{ sku: 'TEE-M' }, { sku: 'MUG' }]) {
      const t = await ta.tenant();
      await setUpShop(t, { locations: [EAST, WEST, { code: 'STORE', ships: false, pickup: true, priority: 0 }], products, stock });
      return t;
    }
    const clean = async (t: TenantClient) => assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);

    test('intake opens one fulfillment order per location; list, read and the order view show them', async () => {
      const t = await shop({ 'TEE-M': { EAST: 1, WEST: 5 }, MUG: { EAST: 5 } });
      await t.request('PUT', '/v1/inventory/bins', { sku: 'TEE-M', location: 'WEST', bin: 'A-01-1' });
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 3 }, { sku: 'MUG', quantity: 1 }]));
      assert.equal(order.status, 201, JSON.stringify(order.body));
      assert.deepEqual(order.body.fulfillment_orders.map((f: any) => [f.location, f.status, f.lines.length]), [['WEST', 'open', 1], ['EAST', 'open', 1]]);
      const view = await t.request('GET', `/v1/orders/${order.body.number}`);
      assert.deepEqual(view.body.fulfillment_orders, order.body.fulfillment_orders);
      assert.deepEqual(view.body.lines.map((l: any) => l.canceled), [0, 0]);
      const west = view.body.fulfillment_orders.find((f: any) => f.location === 'WEST');
      const one = await t.request('GET', `/v1/fulfillment-orders/${west.id}`);
      assert.equal(one.status, 200);
      assert.deepEqual([one.body.order.number, one.body.delivery_type, one.body.lines[0].sku, one.body.lines[0].quantity, one.body.lines[0].bin], [order.body.number, 'ship', 'TEE-M', 3, 'A-01-1']);
      const byLocation = await t.request('GET', '/v1/fulfillment-orders?location=EAST&status=open');
      assert.deepEqual(byLocation.body.data.map((f: any) => f.location), ['EAST']);
      assert.equal((await t.request('GET', `/v1/fulfillment-orders?order=${order.body.id}`)).body.data.length, 2);
      assert.deepEqual((await t.request('GET', '/v1/fulfillment-orders?location=NOPE')).body, { data: [], next_cursor: null });
      assert.equal((await t.request('GET', '/v1/fulfillment-orders?status=lost')).status, 422);
      assert.equal((await t.request('GET', '/v1/fulfillment-orders/ful_00000000000000000000000000')).status, 404);
    });

    test('the list pages newest first without repeats', async () => {
      const t = await shop({ 'TEE-M': { EAST: 50 } });
      for (let i = 0; i < 5; i++) await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }]));
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await t.request('GET', `/v1/fulfillment-orders?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.body.data.map((f: any) => f.id));
        cursor = page.body.next_cursor;
      } while (cursor);
      assert.equal(seen.length, 5);
      assert.deepEqual(seen, [...seen].sort().reverse());
    });

    test('transitionFulfillmentOrder follows the table with a conditional update; illegal moves are 409', async () => {
      const t = await shop({ 'TEE-M': { EAST: 5 } });
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }]));
      const id = order.body.fulfillment_orders[0].id;
      const db = ta.db.kysely;
      const moved = await transitionFulfillmentOrder(db, t.tenantId, id, 'picking');
      assert.deepEqual([moved.from, moved.to, moved.orderId], ['open', 'picking', order.body.id]);
      await assert.rejects(transitionFulfillmentOrder(db, t.tenantId, id, 'packed'), (e: any) => e.code === 'invalid_transition' && e.extra.from === 'picking');
      await assert.rejects(transitionFulfillmentOrder(db, t.tenantId, id, 'shipped', { from: ['open'] }), (e: any) => e.code === 'invalid_transition');
      await assert.rejects(transitionFulfillmentOrder(db, 'ten_other', id, 'open'), (e: any) => e.code === 'not_found');
      await transitionFulfillmentOrder(db, t.tenantId, id, 'open');
      const fo = await getFulfillmentOrder(db, t.tenantId, id);
      assert.deepEqual([fo.status, fo.location, fo.lines[0]?.status, fo.lines[0]?.picked], ['open', 'EAST', 'reserved', 0]);
      // Twenty racing moves from open: exactly one wins.
      const results = await Promise.allSettled(Array.from({ length: 20 }, () => db.transaction().execute((trx) => transitionFulfillmentOrder(trx, t.tenantId, id, 'picking', { from: ['open'] }))));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    });

    test('re-route to a named location moves the reservation, cancels the old fulfillment order and records it', async () => {
      const t = await shop({ 'TEE-M': { EAST: 5, WEST: 5 }, MUG: { EAST: 2, WEST: 2 } });
      const other = await t.request('POST', '/v1/orders', orderBody([{ sku: 'MUG', quantity: 1 }]));
      assert.equal(other.body.fulfillment_orders[0].location, 'EAST');
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 2 }, { sku: 'MUG', quantity: 1 }]));
      const east = order.body.fulfillment_orders[0];
      assert.equal(east.location, 'EAST');
      const r = await t.request('POST', `/v1/fulfillment-orders/${east.id}/reroute`, { location: 'WEST', reason: 'dock closed' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.fulfillment_order.status, 'canceled');
      assert.deepEqual(r.body.fulfillment_order.lines.map((l: any) => l.status), ['released', 'released']);
      assert.deepEqual(r.body.rerouted_to.map((f: any) => [f.location, f.status, f.lines.map((l: any) => [l.sku, l.quantity])]), [['WEST', 'open', [['TEE-M', 2], ['MUG', 1]]]]);
      assert.deepEqual([(await levelOf(t, 'TEE-M', 'EAST')).reserved, (await levelOf(t, 'TEE-M', 'WEST')).reserved, (await levelOf(t, 'MUG', 'EAST')).reserved], [0, 2, 1]);
      const events = (await t.request('GET', `/v1/orders/${order.body.id}/events`)).body.data;
      const rerouted = events.find((e: any) => e.type === 'fulfillment.rerouted');
      assert.deepEqual([rerouted.data.from, rerouted.data.to, rerouted.data.reason], ['EAST', ['WEST'], 'dock closed']);
      const view = await t.request('GET', `/v1/orders/${order.body.id}`);
      assert.deepEqual(view.body.lines.map((l: any) => l.allocations.map((a: any) => a.location)), [['WEST'], ['WEST']]);
      await clean(t);
      // Twice is refused: the old one is canceled now.
      const again = await t.request('POST', `/v1/fulfillment-orders/${east.id}/reroute`, { location: 'WEST', reason: 'again' });
      assert.deepEqual([again.status, again.body.code], [409, 'invalid_transition']);
    });

    test('re-route without a location lets routing choose; the order\'s open fulfillment order there is joined', async () => {
      const t = await shop({ 'TEE-M': { WEST: 5 }, MUG: { EAST: 5, WEST: 1 } });
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }, { sku: 'MUG', quantity: 2 }]));
      const east = order.body.fulfillment_orders.find((f: any) => f.location === 'EAST');
      const west = order.body.fulfillment_orders.find((f: any) => f.location === 'WEST');
      assert.deepEqual([east.lines[0].sku, west.lines[0].sku], ['MUG', 'TEE-M']);
      await t.request('POST', '/v1/inventory/adjustments', { sku: 'MUG', location: 'WEST', delta: 5, reason: 'receipt' });
      const r = await t.request('POST', `/v1/fulfillment-orders/${east.id}/reroute`, { reason: 'rebalance' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.rerouted_to.map((f: any) => [f.id, f.lines.map((l: any) => `${l.sku}:${l.quantity}:${l.status}`)]), [[west.id, ['TEE-M:1:reserved', 'MUG:2:reserved']]]);
      await clean(t);
    });

    test('not enough stock at the target is 422 and changes nothing; bad input 422; a warehouse key 403', async () => {
      const t = await shop({ 'TEE-M': { EAST: 5, WEST: 1 } });
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 3 }]));
      const fo = order.body.fulfillment_orders[0];
      const before = await t.request('GET', `/v1/orders/${order.body.id}`);
      const short = await t.request('POST', `/v1/fulfillment-orders/${fo.id}/reroute`, { location: 'WEST', reason: 'x' });
      assert.deepEqual([short.status, short.body.code, short.body.errors[0].sku, short.body.errors[0].available], [422, 'insufficient_inventory', 'TEE-M', 1]);
      const auto = await t.request('POST', `/v1/fulfillment-orders/${fo.id}/reroute`, { reason: 'x' });
      assert.equal(auto.body.code, 'insufficient_inventory');
      assert.deepEqual(await t.request('GET', `/v1/orders/${order.body.id}`).then((r) => r.body), before.body);
      assert.deepEqual([(await levelOf(t, 'TEE-M', 'EAST')).reserved, (await levelOf(t, 'TEE-M', 'WEST')).reserved], [3, 0]);
      for (const [body, path] of [[{ location: 'STORE', reason: 'x' }, 'location'], [{ location: 'EAST', reason: 'x' }, 'location'], [{ location: 'NOPE', reason: 'x' }, 'location'], [{ reason: 'x', extra: 1 }, ''], [{}, 'reason']] as const) {
        const r = await t.request('POST', `/v1/fulfillment-orders/${fo.id}/reroute`, body);
        assert.equal(r.status, 422, JSON.stringify(body));
        if (path) assert.ok(r.body.errors.some((e: any) => e.path === path), JSON.stringify(r.body));
      }
      const warehouse = t.as(await t.keyFor('warehouse'));
      assert.equal((await warehouse.request('POST', `/v1/fulfillment-orders/${fo.id}/reroute`, { location: 'WEST', reason: 'x' })).status, 403);
      assert.equal((await warehouse.request('GET', `/v1/fulfillment-orders/${fo.id}`)).status, 200);
      await clean(t);
    });

    test('rerouteUnits reserves lost units elsewhere and backorders what no other location has, even for deny SKUs', async () => {
      const t = await shop({ 'TEE-M': { EAST: 5, WEST: 2 } });
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 4 }]));
      const line = order.body.lines[0];
      const db = ta.db.kysely;
      const fo = await getFulfillmentOrder(db, t.tenantId, order.body.fulfillment_orders[0].id);
      const eastId = fo.location_id;
      const outcome = await db.transaction().execute(async (trx) => {
        // The caller gives up 3 units at EAST first (a short pick writes them off).
        await trx.updateTable('order_allocations').set({ quantity: 1 }).where('id', '=', fo.lines[0]!.id).execute();
        await trx.updateTable('inventory_levels').set({ on_hand: 2, reserved: 1 }).where('tenant_id', '=', t.tenantId).where('location_id', '=', eastId).execute();
        await trx.insertInto('inventory_movements').values({ tenant_id: t.tenantId, product_id: fo.lines[0]!.product_id, location_id: eastId, delta_on_hand: -3, delta_reserved: -3, reason: 'short_pick', order_id: order.body.id, note: null, actor: 'test' }).execute();
        return rerouteUnits(trx, t.tenantId, 'test', order.body.id, [{ orderLineId: line.id, productId: fo.lines[0]!.product_id, quantity: 3 }], [eastId]);
      });
      assert.deepEqual(outcome.allocations.map((a) => a.quantity), [2]);
      assert.deepEqual(outcome.backordered, [{ orderLineId: line.id, quantity: 1 }]);
      const view = await t.request('GET', `/v1/orders/${order.body.id}`);
      assert.equal(view.body.lines[0].backordered, 1);
      assert.deepEqual(view.body.fulfillment_orders.map((f: any) => f.location), ['EAST', 'WEST']);
      const event = (await t.request('GET', `/v1/orders/${order.body.id}/events`)).body.data.find((e: any) => e.type === 'fulfillment.units_rerouted');
      assert.deepEqual([event.data.units, event.data.excluded, event.data.backordered[0].quantity], [3, ['EAST'], 1]);
      await clean(t);
    });
  });
}
