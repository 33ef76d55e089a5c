// The fulfillment stages report: one order in every stage, moved there through the real
// API (waves, scans, packages, holds, pickups, backorders); each count equals the list
// behind it; late follows the order's age and the late_after_hours parameter.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';

type StageRow = { stage: string; orders: number; fulfillment_orders: number | null; units?: number };

for (const kind of testDatabases()) {
  describe(`reports stages (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    const ok = (r: { status: number; body: unknown }, status = 200) => assert.equal(r.status, status, JSON.stringify(r.body));

    async function order(t: TenantClient, lines: { sku: string; quantity: number }[], extra: Record<string, unknown> = {}) {
      const r = await t.request('POST', '/v1/orders', orderBody(lines, extra));
      ok(r, 201);
      const fos = await t.request('GET', `/v1/fulfillment-orders?order=${r.body.number}`);
      return { id: r.body.id as string, number: r.body.number as string, fo: fos.body.data[0]?.id as string | undefined };
    }

    async function counts(t: TenantClient, queryString = ''): Promise<Record<string, StageRow>> {
      const r = await t.request('GET', `/v1/reports/stages${queryString}`);
      ok(r);
      return Object.fromEntries(r.body.stages.map((s: StageRow) => [s.stage, s]));
    }

    async function listed(t: TenantClient, stage: string, queryString = ''): Promise<string[]> {
      const r = await t.request('GET', `/v1/reports/stages/${stage}${queryString}`);
      ok(r);
      return r.body.data.map((o: { number: string }) => o.number);
    }

    async function age(orderId: string, hours: number) {
      await ta.db.kysely.updateTable('orders').set({ created_at: new Date(Date.now() - hours * 3_600_000) }).where('id', '=', orderId).execute();
    }

    /** A shop with one order waiting in every stage, and one shipped-or-canceled that waits nowhere. */
    async function shopWithEveryStage() {
      const t = await ta.tenant();
      await setUpShop(t, {
        locations: [{ code: 'WH-1', priority: 1 }, { code: 'STORE', kind: 'store', ships: false, pickup: true }],
        products: [{ sku: 'A' }, { sku: 'PRE', policy: 'continue' }],
        stock: { A: { 'WH-1': 50, STORE: 5 } },
      });
      const toPick = await order(t, [{ sku: 'A', quantity: 1 }]);
      const picking = await order(t, [{ sku: 'A', quantity: 1 }]);
      ok(await t.request('POST', '/v1/pick-waves', { location: 'WH-1', fulfillment_orders: [picking.fo] }), 201);
      const toPack = await order(t, [{ sku: 'A', quantity: 2 }]);
      const wave = await t.request('POST', '/v1/pick-waves', { location: 'WH-1', fulfillment_orders: [toPack.fo] });
      ok(wave, 201);
      ok(await t.request('POST', `/v1/pick-waves/${wave.body.id}/scan`, { code: 'A', quantity: 2 }));
      ok(await t.request('POST', `/v1/pick-waves/${wave.body.id}/complete`));
      const toShip = await order(t, [{ sku: 'A', quantity: 1 }]);
      ok(await t.request('POST', `/v1/fulfillment-orders/${toShip.fo}/packages`, { items: [{ sku: 'A', quantity: 1 }], weight_g: 500, dimensions: { length_mm: 100, width_mm: 100, height_mm: 100 } }), 201);
      const held = await order(t, [{ sku: 'A', quantity: 1 }]);
      ok(await t.request('POST', `/v1/orders/${held.id}/hold`, { reason: 'check the address' }));
      const backordered = await order(t, [{ sku: 'PRE', quantity: 3 }]);
      const pickup = await order(t, [{ sku: 'A', quantity: 1 }], { delivery: { type: 'pickup', location: 'STORE' } });
      ok(await t.request('POST', `/v1/fulfillment-orders/${pickup.fo}/ready-for-pickup`));
      const canceled = await order(t, [{ sku: 'A', quantity: 1 }]);
      ok(await t.request('POST', `/v1/orders/${canceled.id}/cancel`, { reason: 'customer asked' }));
      return { t, toPick, picking, toPack, toShip, held, backordered, pickup };
    }

    test('counts one order per stage, and each list holds exactly the orders counted', async () => {
      const s = await shopWithEveryStage();
      const c = await counts(s.t);
      const orders = Object.fromEntries(Object.values(c).map((r) => [r.stage, r.orders]));
      assert.deepEqual(orders, {
        to_route: 1, to_pick: 1, picking: 1, to_pack: 1, to_ship: 1, ready_for_pickup: 1, on_hold: 1, backordered: 1, late: 0,
      });
      // Fulfillment-order stages also count fulfillment orders; order-level stages do not.
      assert.equal(c.to_pick?.fulfillment_orders, 1);
      assert.equal(c.on_hold?.fulfillment_orders, null);
      assert.equal(c.backordered?.units, 3);

      const expected: Record<string, string[]> = {
        to_route: [s.backordered.number], to_pick: [s.toPick.number], picking: [s.picking.number], to_pack: [s.toPack.number],
        to_ship: [s.toShip.number], ready_for_pickup: [s.pickup.number], on_hold: [s.held.number], backordered: [s.backordered.number], late: [],
      };
      for (const [stage, numbers] of Object.entries(expected)) assert.deepEqual(await listed(s.t, stage), numbers, stage);

      const pack = await s.t.request('GET', '/v1/reports/stages/to_pack');
      assert.deepEqual(pack.body.data[0].fulfillment_orders, [{ id: s.toPack.fo, location: 'WH-1', status: 'picked', delivery_type: 'ship' }]);
      assert.deepEqual((await s.t.request('GET', '/v1/reports/stages/on_hold')).body.data[0].fulfillment_orders, []);
    });

    test('late: unshipped fulfillment orders of orders older than the threshold, held ones included', async () => {
      const s = await shopWithEveryStage();
      await age(s.toPick.id, 50);
      await age(s.held.id, 60);
      await age(s.pickup.id, 90); // pickup orders are never late shipments
      const byDefault = await counts(s.t);
      assert.equal(byDefault.late?.orders, 2);
      assert.equal(byDefault.late?.fulfillment_orders, 2);
      assert.deepEqual((await listed(s.t, 'late')).sort(), [s.toPick.number, s.held.number].sort());
      assert.equal((await counts(s.t, '?late_after_hours=55')).late?.orders, 1);
      assert.deepEqual(await listed(s.t, 'late', '?late_after_hours=55'), [s.held.number]);
      assert.equal((await counts(s.t, '?late_after_hours=100')).late?.orders, 0);
      const report = await s.t.request('GET', '/v1/reports/stages?late_after_hours=55');
      assert.equal(report.body.late_after_hours, 55);
      const item = (await s.t.request('GET', '/v1/reports/stages/late')).body.data.find((o: { number: string }) => o.number === s.held.number);
      assert.ok(item.waiting_hours >= 59 && item.waiting_hours <= 61, String(item.waiting_hours));
      // Being held keeps the order out of to_pick, but not out of late.
      assert.equal(byDefault.to_pick?.orders, 1);
    });

    test('lists page oldest first with a cursor', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { products: [{ sku: 'A' }], stock: { A: { 'WH-1': 10 } } });
      const made = [];
      for (let i = 0; i < 5; i++) made.push((await order(t, [{ sku: 'A', quantity: 1 }])).number);
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const r: { status: number; body: { data: { number: string }[]; next_cursor: string | null } } =
          await t.request('GET', `/v1/reports/stages/to_pick?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        ok(r);
        assert.ok(r.body.data.length <= 2);
        seen.push(...r.body.data.map((o) => o.number));
        cursor = r.body.next_cursor;
        if (!cursor) break;
      }
      assert.deepEqual(seen, made);
      assert.equal((await counts(t)).to_pick?.orders, 5);
    });

    test('tenants are apart; bad input is 422; channel keys may not read it', async () => {
      const s = await shopWithEveryStage();
      const other = await ta.tenant();
      const empty = await counts(other);
      assert.ok(Object.values(empty).every((r) => r.orders === 0));
      assert.deepEqual(await listed(other, 'to_pick'), []);
      for (const url of ['/v1/reports/stages?late_after_hours=0', '/v1/reports/stages?late_after_hours=1.5', '/v1/reports/stages?late_after_hours=999999',
        '/v1/reports/stages/shipped', '/v1/reports/stages/to_pick?cursor=nonsense', '/v1/reports/stages/to_pick?limit=201']) {
        const r = await s.t.request('GET', url);
        assert.equal(r.status, 422, `${url}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.code, 'validation_failed');
      }
      const analyst = s.t.as(await s.t.keyFor('analyst'));
      ok(await analyst.request('GET', '/v1/reports/stages'));
      const channel = s.t.as(await s.t.keyFor('channel', 'web'));
      assert.equal((await channel.request('GET', '/v1/reports/stages')).status, 403);
      assert.equal((await channel.request('GET', '/v1/reports/stages/to_pick')).status, 403);
    });
  });
}
