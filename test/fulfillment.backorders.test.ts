import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp, type TenantClient } from './helpers/harness.ts';
import { levelOf, orderBody, setUpShop } from './helpers/fixtures.ts';
import { verifyInventory } from '../src/modules/inventory/index.ts';

for (const kind of testDatabases()) {
  describe(`backorders and transfers (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    async function shop(stock: Record<string, Record<string, number>> = {}) {
      const t = await ta.tenant();
      await setUpShop(t, {
        locations: [{ code: 'WH-1', priority: 1 }, { code: 'WH-2', priority: 2 }, { code: 'STORE', ships: false, pickup: true }],
        products: [{ sku: 'PRE', policy: 'continue' }, { sku: 'TEE-M' }], stock,
      });
      return t;
    }
    const clean = async (t: TenantClient) => assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
    const receive = (t: TenantClient, location: string, delta: number, reason = 'receipt') =>
      t.request('POST', '/v1/inventory/adjustments', { sku: 'PRE', location, delta, reason });

    test('a receipt allocates backorders oldest order first, joining open fulfillment orders or opening one', async () => {
      const t = await shop({ PRE: { 'WH-1': 1 } });
      const first = await t.request('POST', '/v1/orders', orderBody([{ sku: 'PRE', quantity: 3 }]));
      const second = await t.request('POST', '/v1/orders', orderBody([{ sku: 'PRE', quantity: 2 }]));
      assert.deepEqual([first.body.lines[0].backordered, second.body.lines[0].backordered], [2, 2]);
      const canceled = await t.request('POST', '/v1/orders', orderBody([{ sku: 'PRE', quantity: 5 }]));
      await t.request('POST', `/v1/orders/${canceled.body.id}/cancel`, { reason: 'changed mind' });

      const r = await receive(t, 'WH-1', 3);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.deepEqual([r.body.on_hand, r.body.reserved, r.body.available], [4, 4, 0]);
      const a = (await t.request('GET', `/v1/orders/${first.body.id}`)).body;
      const b = (await t.request('GET', `/v1/orders/${second.body.id}`)).body;
      assert.deepEqual([a.lines[0].backordered, b.lines[0].backordered], [0, 1]);
      // The first order's units join its open fulfillment order at WH-1; the second opens one.
      assert.deepEqual(a.fulfillment_orders.map((f: any) => [f.location, f.lines.map((l: any) => l.quantity)]), [['WH-1', [1, 2]]]);
      assert.deepEqual(b.fulfillment_orders.map((f: any) => [f.location, f.lines.map((l: any) => l.quantity)]), [['WH-1', [1]]]);
      const c = (await t.request('GET', `/v1/orders/${canceled.body.id}`)).body;
      assert.deepEqual([c.lines[0].backordered, c.fulfillment_orders.length], [5, 0]);
      const events = (await t.request('GET', `/v1/orders/${first.body.id}/events`)).body.data;
      const allocated = events.find((e: any) => e.type === 'order.backorder_allocated');
      assert.deepEqual([allocated.data.units, allocated.data.allocations[0].location], [2, 'WH-1']);
      const outbox = await ta.db.kysely.selectFrom('outbox').select(['topic', 'payload']).where('tenant_id', '=', t.tenantId).where('topic', '=', 'order.backorder_allocated').execute();
      assert.deepEqual(outbox.map((o: any) => (typeof o.payload === 'string' ? JSON.parse(o.payload) : o.payload).order_id).sort(), [first.body.id, second.body.id].sort());
      await clean(t);
    });

    test('removals do not allocate; a count or correction that raises on_hand does; on hold orders are served, pickup orders only at their store', async () => {
      const t = await shop();
      const held = await t.request('POST', '/v1/orders', orderBody([{ sku: 'PRE', quantity: 1 }]));
      await t.request('POST', `/v1/orders/${held.body.id}/hold`, { reason: 'review' });
      const pickup = await t.request('POST', '/v1/orders', orderBody([{ sku: 'PRE', quantity: 1 }], { delivery: { type: 'pickup', location: 'STORE' } }));
      assert.equal(pickup.status, 201, JSON.stringify(pickup.body));
      await receive(t, 'STORE', 2, 'count');
      assert.deepEqual((await levelOf(t, 'PRE', 'STORE')).reserved, 1);
      assert.equal((await t.request('GET', `/v1/orders/${pickup.body.id}`)).body.lines[0].backordered, 0);
      assert.equal((await t.request('GET', `/v1/orders/${held.body.id}`)).body.lines[0].backordered, 1);
      await receive(t, 'WH-2', 1, 'correction');
      const h = (await t.request('GET', `/v1/orders/${held.body.id}`)).body;
      assert.deepEqual([h.status, h.lines[0].backordered, h.fulfillment_orders[0].location], ['on_hold', 0, 'WH-2']);
      await receive(t, 'WH-2', -1, 'damage');
      await clean(t);
    });

    test('a purchase order receipt allocates in its transaction', async () => {
      const t = await shop();
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'PRE', quantity: 2 }]));
      await t.request('POST', '/v1/suppliers', { code: 'ACME', name: 'Acme', currency: 'USD' });
      const po = await t.request('POST', '/v1/purchase-orders', { supplier: 'ACME', location: 'WH-2', lines: [{ sku: 'PRE', quantity: 5, unit_cost: 100 }] });
      assert.equal(po.status, 201, JSON.stringify(po.body));
      await t.request('POST', `/v1/purchase-orders/${po.body.id}/submit`, {});
      const received = await t.request('POST', `/v1/purchase-orders/${po.body.id}/receive`, { location: 'WH-2', lines: [{ sku: 'PRE', quantity: 5 }] });
      assert.equal(received.status, 200, JSON.stringify(received.body));
      const view = (await t.request('GET', `/v1/orders/${order.body.id}`)).body;
      assert.deepEqual([view.lines[0].backordered, view.fulfillment_orders[0].location], [0, 'WH-2']);
      assert.deepEqual([(await levelOf(t, 'PRE', 'WH-2')).on_hand, (await levelOf(t, 'PRE', 'WH-2')).reserved], [5, 2]);
      await clean(t);
    });

    test('a transfer moves available units with two ledger rows and allocates at the destination', async () => {
      const t = await shop({ PRE: { 'WH-1': 5 }, 'TEE-M': { 'WH-1': 4 } });
      await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 3 }]));
      const short = await t.request('POST', '/v1/inventory/transfers', { sku: 'TEE-M', from: 'WH-1', to: 'WH-2', quantity: 2 });
      assert.deepEqual([short.status, short.body.code, short.body.errors[0].available], [422, 'insufficient_inventory', 1]);
      const ok = await t.request('POST', '/v1/inventory/transfers', { sku: 'TEE-M', from: 'WH-1', to: 'WH-2', quantity: 1, note: 'rebalance' });
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      assert.deepEqual([ok.body.from.on_hand, ok.body.from.reserved, ok.body.to.on_hand], [3, 3, 1]);
      const movements = (await t.request('GET', '/v1/inventory/movements?sku=TEE-M')).body.data;
      assert.deepEqual(movements.slice(0, 2).map((m: any) => [m.reason, m.location, m.delta_on_hand, m.note]), [['transfer', 'WH-2', 1, 'rebalance'], ['transfer', 'WH-1', -1, 'rebalance']]);
      // Units that reach a location that ships go to the waiting backorders there.
      const waiting = await t.request('POST', '/v1/orders', orderBody([{ sku: 'PRE', quantity: 7 }]));
      assert.equal(waiting.body.lines[0].backordered, 2);
      await receive(t, 'STORE', 3);
      assert.equal((await t.request('GET', `/v1/orders/${waiting.body.id}`)).body.lines[0].backordered, 2, 'the store does not ship');
      const moved = await t.request('POST', '/v1/inventory/transfers', { sku: 'PRE', from: 'STORE', to: 'WH-2', quantity: 3 });
      assert.deepEqual([moved.status, moved.body.to.on_hand, moved.body.to.reserved, moved.body.to.available], [201, 3, 2, 1]);
      const after = (await t.request('GET', `/v1/orders/${waiting.body.id}`)).body;
      assert.deepEqual([after.lines[0].backordered, after.fulfillment_orders.map((f: any) => f.location)], [0, ['WH-1', 'WH-2']]);
      for (const [body, path] of [[{ sku: 'NOPE', from: 'WH-1', to: 'WH-2', quantity: 1 }, 'sku'], [{ sku: 'PRE', from: 'WH-1', to: 'WH-1', quantity: 1 }, 'to'], [{ sku: 'PRE', from: 'WH-1', to: 'X', quantity: 1 }, 'to'], [{ sku: 'PRE', from: 'WH-1', to: 'WH-2', quantity: 0 }, 'quantity']] as const) {
        const r = await t.request('POST', '/v1/inventory/transfers', body);
        assert.equal(r.status, 422, JSON.stringify(body));
        assert.ok(r.body.errors.some((e: any) => e.path === path), JSON.stringify(r.body));
      }
      const analyst = t.as(await t.keyFor('analyst'));
      assert.equal((await analyst.request('POST', '/v1/inventory/transfers', { sku: 'PRE', from: 'WH-1', to: 'WH-2', quantity: 1 })).status, 403);
      await clean(t);
    });

    test('stock arrivals racing with intake for the same SKU neither deadlock nor oversell', async () => {
      const t = await shop({ PRE: { 'WH-1': 2, 'WH-2': 2 }, 'TEE-M': { 'WH-1': 3, 'WH-2': 3 } });
      const work: Promise<{ status: number; body: any }>[] = [];
      for (let i = 0; i < 20; i++) {
        work.push(t.request('POST', '/v1/orders', orderBody([{ sku: 'PRE', quantity: 2 }, { sku: 'TEE-M', quantity: 1 }])));
        if (i % 2 === 0) work.push(receive(t, i % 4 === 0 ? 'WH-1' : 'WH-2', 1));
        if (i % 5 === 0) work.push(t.request('POST', '/v1/inventory/transfers', { sku: 'PRE', from: 'WH-1', to: 'WH-2', quantity: 1 }));
      }
      const results = await Promise.all(work);
      for (const r of results) assert.ok([201, 422].includes(r.status), `${r.status} ${JSON.stringify(r.body)}`);
      assert.ok(results.some((r) => r.status === 201));
      await clean(t);
      const levels = (await t.request('GET', '/v1/inventory/levels?sku=PRE')).body.data;
      assert.ok(levels.every((l: any) => l.available >= 0 && l.reserved <= l.on_hand), JSON.stringify(levels));
      // Backorders only wait while no location can give them units.
      const orders = (await t.request('GET', '/v1/orders?limit=200')).body.data;
      const waiting = orders.reduce((n: number, o: any) => n + o.lines[0].backordered, 0);
      if (waiting > 0) assert.ok(levels.every((l: any) => l.location === 'STORE' || l.available === 0), JSON.stringify(levels));
      const tee = (await t.request('GET', '/v1/inventory/levels?sku=TEE-M')).body.data;
      assert.equal(tee.reduce((n: number, l: any) => n + l.reserved, 0), results.filter((r) => r.status === 201 && r.body.lines).length);
    });
  });
}
