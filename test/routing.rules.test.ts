import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp, type TenantClient } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';

// Newark and Reno, as in the demo shop; addresses without coordinates are placed by postal code.
const EAST = { code: 'EAST', latitude: 40.7244, longitude: -74.1436, priority: 5 };
const WEST = { code: 'WEST', latitude: 39.4568, longitude: -119.7578, priority: 1 };
const NEW_YORK = { name: 'Ana', line1: '1 Broadway', city: 'New York', postal_code: '10001', country: 'US' };
const SAN_FRANCISCO = { name: 'Bo', line1: '1 Market St', city: 'San Francisco', postal_code: '94103', country: 'US' };
const SEATTLE_PREFIX = { name: 'Cy', line1: '1 Pike St', city: 'Seattle', postal_code: '98199-0001', country: 'US' };

for (const kind of testDatabases()) {
  describe(`routing rules (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    async function shop(stock: Record<string, Record<string, number>> = { 'TEE-M': { EAST: 10, WEST: 10 } }) {
      const t = await ta.tenant();
      await setUpShop(t, { locations: [EAST, WEST, { code: 'STORE', ships: false, pickup: true, priority: 0 }], products: [{ sku: 'TEE-M', price: 1000 }, { sku: 'MUG', price: 500 }], stock });
      return t;
    }

    test('settings: defaults, PUT replaces them, bad input is 422 with paths, only routing:manage may write', async () => {
      const t = await shop();
      assert.deepEqual((await t.request('GET', '/v1/settings/routing')).body, { use_distance: true, max_splits: 3, min_split_order_value: 0, updated_at: null });
      const put = await t.request('PUT', '/v1/settings/routing', { use_distance: false, max_splits: 2, min_split_order_value: 5000 });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      assert.deepEqual([put.body.use_distance, put.body.max_splits, put.body.min_split_order_value], [false, 2, 5000]);
      assert.deepEqual((await t.request('GET', '/v1/settings/routing')).body, put.body);
      for (const [body, path] of [[{ use_distance: true, max_splits: 0, min_split_order_value: 0 }, 'max_splits'], [{ use_distance: true, max_splits: 21, min_split_order_value: 0 }, 'max_splits'],
        [{ use_distance: true, max_splits: 2, min_split_order_value: -1 }, 'min_split_order_value'], [{ use_distance: true, max_splits: 2 }, 'min_split_order_value'],
        [{ use_distance: 'yes', max_splits: 2, min_split_order_value: 0 }, 'use_distance']] as const) {
        const r = await t.request('PUT', '/v1/settings/routing', body);
        assert.equal(r.status, 422, JSON.stringify(body));
        assert.ok(r.body.errors.some((e: any) => e.path === path), JSON.stringify(r.body.errors));
      }
      assert.equal((await t.request('GET', '/v1/settings/routing')).body.max_splits, 2);
      const warehouse = t.as(await t.keyFor('warehouse'));
      assert.equal((await warehouse.request('PUT', '/v1/settings/routing', { use_distance: true, max_splits: 3, min_split_order_value: 0 })).status, 403);
      assert.equal((await warehouse.request('GET', '/v1/settings/routing')).status, 200);
      const operator = t.as(await t.keyFor('operator'));
      assert.equal((await operator.request('PUT', '/v1/settings/routing', { use_distance: true, max_splits: 3, min_split_order_value: 0 })).status, 200);
    });

    test('an address without coordinates is placed by its postal code (whole, else its 3-digit prefix)', async () => {
      const t = await shop();
      const east = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }], { shipping_address: NEW_YORK }));
      assert.equal(east.body.lines[0].allocations[0].location, 'EAST');
      const west = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }], { shipping_address: SAN_FRANCISCO }));
      assert.equal(west.body.lines[0].allocations[0].location, 'WEST');
      const events = (await t.request('GET', `/v1/orders/${west.body.id}/events`)).body.data;
      const routing = events[0].data.routing;
      assert.equal(routing.destination.source, 'postal_code');
      assert.deepEqual(routing.chosen, [{ step: 1, location: 'WEST', units: 1, reason: 'fills the whole order' }]);
      assert.deepEqual(routing.ties, [{ step: 1, between: ['WEST', 'EAST'], broken_by: 'distance', winner: 'WEST' }]);
      assert.deepEqual(routing.candidates.map((c: any) => [c.location, c.rank, c.verdicts.map((v: any) => v.rule)]), [
        ['WEST', 1, ['capability', 'stock', 'distance', 'priority']], ['EAST', 2, ['capability', 'stock', 'distance', 'priority']], ['STORE', null, ['capability']]]);
      const seattle = await t.request('POST', '/v1/routing/simulate', { lines: [{ sku: 'TEE-M', quantity: 1 }], shipping_address: SEATTLE_PREFIX });
      assert.equal(seattle.body.explanation.destination.source, 'postal_code');
      assert.equal(seattle.body.plan.allocations[0].location, 'WEST');
      // Unknown postal code, no coordinates: priority decides (WEST has 1).
      const nowhere = await t.request('POST', '/v1/routing/simulate', { lines: [{ sku: 'TEE-M', quantity: 1 }], shipping_address: { ...NEW_YORK, postal_code: 'ZZ', country: 'FR' } });
      assert.deepEqual([nowhere.body.explanation.destination, nowhere.body.plan.allocations[0].location, nowhere.body.explanation.ties[0].broken_by], [null, 'WEST', 'priority']);
    });

    test('max_splits and min_split_order_value shape intake; the event explains the cap', async () => {
      const t = await shop({ 'TEE-M': { EAST: 2, WEST: 2 }, MUG: { EAST: 1 } });
      await t.request('PUT', '/v1/settings/routing', { use_distance: true, max_splits: 1, min_split_order_value: 0 });
      const refused = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 3 }]));
      assert.deepEqual([refused.status, refused.body.code, refused.body.errors[0].available], [422, 'insufficient_inventory', 2]);
      await t.request('PUT', '/v1/settings/routing', { use_distance: true, max_splits: 3, min_split_order_value: 10_000 });
      const small = await t.request('POST', '/v1/routing/simulate', { lines: [{ sku: 'TEE-M', quantity: 3 }], shipping_address: NEW_YORK });
      assert.deepEqual([small.body.plan.accepted, small.body.plan.order_total, small.body.plan.shortages[0].available], [false, 3000, 2]);
      assert.ok(small.body.explanation.candidates.some((c: any) => c.verdicts.some((v: any) => v.rule === 'min_split_order_value' && v.threshold === 10_000)));
      const large = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 3 }], { shipping_address: NEW_YORK, shipping: { method: 'standard', amount: 0 }, tax_total: 7000 }));
      assert.equal(large.status, 201, JSON.stringify(large.body));
      assert.deepEqual(large.body.fulfillment_orders.map((f: any) => f.location).sort(), ['EAST', 'WEST']);
      const routing = (await t.request('GET', `/v1/orders/${large.body.id}/events`)).body.data[0].data.routing;
      assert.deepEqual([routing.strategy, routing.chosen.map((c: any) => c.location)], ['split', ['EAST', 'WEST']]);
    });

    test('simulate answers the plan and explanation, reserves nothing and writes nothing', async () => {
      const t = await shop({ 'TEE-M': { EAST: 1, WEST: 1 }, MUG: { WEST: 1 } });
      const count = async () => {
        const db = ta.db.kysely;
        const n = async (table: 'inventory_movements' | 'orders' | 'order_events' | 'outbox' | 'fulfillment_orders' | 'order_allocations' | 'idempotency_keys') =>
          Number((await db.selectFrom(table).select(db.fn.countAll().as('n')).where('tenant_id', '=', t.tenantId).executeTakeFirstOrThrow()).n);
        const levels = await db.selectFrom('inventory_levels').select(['on_hand', 'reserved']).where('tenant_id', '=', t.tenantId).orderBy('product_id').orderBy('location_id').execute();
        return { movements: await n('inventory_movements'), orders: await n('orders'), events: await n('order_events'), outbox: await n('outbox'), fos: await n('fulfillment_orders'), allocations: await n('order_allocations'), keys: await n('idempotency_keys'), levels };
      };
      const before = await count();
      const r = await t.request('POST', '/v1/routing/simulate', { channel: 'web', lines: [{ sku: 'TEE-M', quantity: 2 }, { sku: 'MUG', quantity: 1 }], shipping_address: NEW_YORK }, { 'idempotency-key': 'sim-1' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual([r.body.plan.strategy, r.body.plan.accepted], ['split', true]);
      assert.deepEqual(r.body.plan.allocations, [{ sku: 'TEE-M', location: 'WEST', quantity: 1 }, { sku: 'MUG', location: 'WEST', quantity: 1 }, { sku: 'TEE-M', location: 'EAST', quantity: 1 }]);
      assert.deepEqual(r.body.explanation.chosen.map((c: any) => [c.step, c.location, c.units]), [[1, 'WEST', 2], [2, 'EAST', 1]]);
      const pickup = await t.request('POST', '/v1/routing/simulate', { lines: [{ sku: 'TEE-M', quantity: 1 }], delivery: { type: 'pickup', location: 'STORE' } });
      assert.deepEqual([pickup.body.plan.accepted, pickup.body.explanation.delivery, pickup.body.plan.shortages[0].sku], [false, 'pickup', 'TEE-M']);
      assert.deepEqual(await count(), before);
      for (const [body, path] of [[{ lines: [{ sku: 'NOPE', quantity: 1 }], shipping_address: NEW_YORK }, 'lines[0].sku'], [{ lines: [{ sku: 'TEE-M', quantity: 1 }] }, 'shipping_address'],
        [{ channel: 'nope', lines: [{ sku: 'TEE-M', quantity: 1 }], shipping_address: NEW_YORK }, 'channel'], [{ lines: [], shipping_address: NEW_YORK }, 'lines'],
        [{ lines: [{ sku: 'TEE-M', quantity: 1 }], delivery: { type: 'pickup', location: 'EAST' } }, 'delivery.location']] as const) {
        const bad = await t.request('POST', '/v1/routing/simulate', body);
        assert.equal(bad.status, 422, JSON.stringify(body));
        assert.ok(bad.body.errors.some((e: any) => e.path === path), JSON.stringify(bad.body.errors));
      }
      const channel = t.as(await t.keyFor('channel', 'web'));
      assert.equal((await channel.request('POST', '/v1/routing/simulate', { lines: [{ sku: 'TEE-M', quantity: 1 }], shipping_address: NEW_YORK })).status, 403);
    });
  });
}
