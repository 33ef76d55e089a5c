// Daily demand from orders: what counts (backorders yes; canceled and test-channel orders
// no), where it counts, and the incremental refresh (new days only; a late cancel corrects
// its day). Orders are back-dated through the intake use case, as the demo seeder does.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';
import { transaction } from '../src/platform/http/index.ts';
import { createOrder } from '../src/modules/orders/index.ts';
import type { Principal } from '../src/modules/access/index.ts';
import { addDays, refreshDemand, utcDay } from '../src/modules/forecasting/index.ts';

const MINUTE = 60_000;

for (const kind of testDatabases()) {
  describe(`demand history (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    async function placeOrder(t: TenantClient, day: string, lines: { sku: string; quantity: number }[], channel = 'web') {
      const principal: Principal = { tenantId: t.tenantId, keyId: 'test', role: 'admin', channelId: null, actor: 'test' };
      const placedAt = new Date(`${day}T12:00:00Z`);
      return transaction(ta.db.kysely, (trx) => createOrder(trx, principal, orderBody(lines, { channel }), { placedAt }));
    }

    async function buckets(t: TenantClient) {
      const { rows } = await sql<{ sku: string; location: string; day: string; quantity: number; orders: number }>`
        select p.sku, coalesce(c.code, d.location_id) as location, d.day, d.quantity, d.orders
        from demand_daily d join products p on p.tenant_id = d.tenant_id and p.id = d.product_id
        left join locations c on c.tenant_id = d.tenant_id and c.id = d.location_id
        where d.tenant_id = ${t.tenantId} order by d.day, p.sku, 2`.execute(ta.db.kysely);
      return rows.map((r) => `${r.day} ${r.sku}@${r.location} ${r.quantity}/${r.orders}`);
    }

    test('orders become daily buckets: backorders count, canceled and test orders do not; refreshes are incremental', async () => {
      const t = await ta.tenant();
      await setUpShop(t, {
        locations: [{ code: 'WH-1', priority: 10 }, { code: 'WH-2', priority: 20 }],
        products: [{ sku: 'A' }, { sku: 'B', policy: 'continue' }],
        stock: { A: { 'WH-2': 10 }, B: { 'WH-1': 3 } },
      });
      assert.equal((await t.request('POST', '/v1/channels', { code: 'test-web', name: 'QA', kind: 'web' })).status, 201);
      const t0 = new Date();
      const today = utcDay(t0);
      const d10 = addDays(today, -10);
      const d9 = addDays(today, -9);
      const d8 = addDays(today, -8);

      // B: 3 allocated at WH-1 and 2 backordered there (the line's allocation).
      await placeOrder(t, d10, [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 5 }]);
      // B with no stock anywhere: counts at the first location routing tries (WH-1, priority 10).
      await placeOrder(t, d10, [{ sku: 'B', quantity: 4 }]);
      // B backordered on an order whose A went to WH-2: counts at WH-2.
      const late = await placeOrder(t, d9, [{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 2 }]);
      await placeOrder(t, d9, [{ sku: 'A', quantity: 1 }], 'test-web');
      const canceled = await placeOrder(t, d8, [{ sku: 'A', quantity: 3 }]);
      assert.equal((await t.request('POST', `/v1/orders/${canceled.id}/cancel`, { reason: 'test' })).status, 200);

      const first = await refreshDemand(ta.db.kysely, t.tenantId, { now: t0 });
      assert.equal(first.full, true);
      const expected = [`${d10} A@WH-2 2/1`, `${d10} B@WH-1 9/2`, `${d9} A@WH-2 1/1`, `${d9} B@WH-2 2/1`];
      assert.deepEqual(await buckets(t), expected);

      // The next refresh settles the first one's watermark; nothing changed, nothing moves.
      await refreshDemand(ta.db.kysely, t.tenantId, { now: new Date(t0.getTime() + 11 * MINUTE) });
      assert.deepEqual(await buckets(t), expected);

      // Mark an old bucket: a refresh that recomputed it would put it back.
      await sql`update demand_daily set quantity = 999 where tenant_id = ${t.tenantId} and day = ${d10}::date and location_id <> '*'
        and product_id = (select id from products where tenant_id = ${t.tenantId} and sku = 'A')`.execute(ta.db.kysely);
      await placeOrder(t, today, [{ sku: 'A', quantity: 1 }]);
      const third = await refreshDemand(ta.db.kysely, t.tenantId, { now: new Date(t0.getTime() + 22 * MINUTE) });
      assert.equal(third.full, false);
      assert.deepEqual(third.days, [today], 'only the new day is recomputed');
      assert.deepEqual(await buckets(t), [`${d10} A@WH-2 999/1`, `${d10} B@WH-1 9/2`, `${d9} A@WH-2 1/1`, `${d9} B@WH-2 2/1`, `${today} A@WH-2 1/1`]);

      // A cancel after its day was bucketed corrects that day (and only the touched days).
      assert.equal((await t.request('POST', `/v1/orders/${late.number}/cancel`, { reason: 'late' })).status, 200);
      const fourth = await refreshDemand(ta.db.kysely, t.tenantId, { now: new Date(t0.getTime() + 33 * MINUTE) });
      assert.deepEqual(fourth.days, [d9, today]);
      assert.deepEqual(await buckets(t), [`${d10} A@WH-2 999/1`, `${d10} B@WH-1 9/2`, `${today} A@WH-2 1/1`]);

      const rebuilt = await refreshDemand(ta.db.kysely, t.tenantId, { now: new Date(t0.getTime() + 44 * MINUTE), full: true });
      assert.equal(rebuilt.full, true);
      assert.deepEqual(await buckets(t), [`${d10} A@WH-2 2/1`, `${d10} B@WH-1 9/2`, `${today} A@WH-2 1/1`]);
    });

    test('the forecast endpoint answers history, forecast with quantiles, method and accuracy', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { products: [{ sku: 'B', policy: 'continue' }], locations: [{ code: 'WH-1' }] });
      const today = utcDay(new Date());
      await placeOrder(t, addDays(today, -10), [{ sku: 'B', quantity: 4 }]);
      await placeOrder(t, addDays(today, -3), [{ sku: 'B', quantity: 6 }]);
      await refreshDemand(ta.db.kysely, t.tenantId);

      const r = await t.request('GET', '/v1/forecasts/B?horizon=4');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.sku, 'B');
      assert.equal(r.body.location, null);
      assert.equal(r.body.period_days, 7);
      assert.equal(r.body.as_of, today);
      assert.deepEqual(r.body.history, [{ start: addDays(today, -14), quantity: 4, orders: 1 }, { start: addDays(today, -7), quantity: 6, orders: 1 }]);
      assert.equal(typeof r.body.method, 'string');
      assert.equal(r.body.forecast.length, 4);
      assert.equal(r.body.forecast[1].start, addDays(today, 7));
      assert.deepEqual(Object.keys(r.body.forecast[0].quantiles), ['0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7', '0.8', '0.9']);
      assert.equal(r.body.accuracy, null, 'two weeks are too short to backtest');
      assert.equal((await t.request('GET', '/v1/forecasts/B?location=WH-1')).body.history.length, 2);

      const unknownLocation = await t.request('GET', '/v1/forecasts/B?location=NOPE');
      assert.equal(unknownLocation.status, 422);
      assert.equal(unknownLocation.body.errors[0].path, 'query.location');
      assert.equal((await t.request('GET', '/v1/forecasts/NOPE')).status, 404);
      assert.equal((await t.request('GET', '/v1/forecasts/B?horizon=0')).status, 422);
      assert.equal((await t.request('GET', '/v1/forecasts/B?method=magic')).status, 422);
      const channelKey = await t.keyFor('channel', 'web');
      assert.equal((await t.as(channelKey).request('GET', '/v1/forecasts/B')).status, 403);
    });
  });
}
