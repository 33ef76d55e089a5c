// Replenishment on a constructed demand history: policy numbers, on-order and backorders
// in the position, settings that take effect without a new run, urgency, and drafting a
// purchase order from the suggestions.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { setUpShop } from './helpers/fixtures.ts';
import { addDays, runForecasts, utcDay } from '../src/modules/forecasting/index.ts';

const HISTORY_DAYS = 56; // eight whole weeks

for (const kind of testDatabases()) {
  describe(`replenishment (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    /** Writes daily demand at WH-1 for the last eight weeks: `perDay(n)` units n days ago. */
    async function history(t: TenantClient, sku: string, perDay: (daysAgo: number) => number) {
      const product = await ta.db.kysely.selectFrom('products').select('id').where('tenant_id', '=', t.tenantId).where('sku', '=', sku).executeTakeFirstOrThrow();
      const location = await ta.db.kysely.selectFrom('locations').select('id').where('tenant_id', '=', t.tenantId).where('code', '=', 'WH-1').executeTakeFirstOrThrow();
      const today = utcDay(new Date());
      const rows = Array.from({ length: HISTORY_DAYS }, (_, i) => ({
        tenant_id: t.tenantId, product_id: product.id, location_id: location.id, day: addDays(today, -(i + 1)), quantity: perDay(i + 1), orders: 1,
      }));
      await ta.db.kysely.insertInto('demand_daily').values(rows).execute();
    }

    async function shop(): Promise<TenantClient> {
      const t = await ta.tenant();
      await setUpShop(t, {
        locations: [{ code: 'WH-1' }],
        products: [{ sku: 'STEADY' }, { sku: 'NOISY' }, { sku: 'IDLE' }],
        stock: { STEADY: { 'WH-1': 60 }, NOISY: { 'WH-1': 500 }, IDLE: { 'WH-1': 500 } },
      });
      await history(t, 'STEADY', () => 10);
      await history(t, 'NOISY', (n) => (n % 2 === 0 ? 4 : 16));
      assert.equal((await t.request('PUT', '/v1/replenishment/settings', { lead_time_days: 14, review_period_days: 7, service_level: 0.95 })).status, 200);
      assert.equal((await t.request('POST', '/v1/suppliers', { code: 'ACME', name: 'Acme', currency: 'USD', lead_time_days: 21 })).status, 201);
      return t;
    }

    const bySku = (rows: { sku: string }[]) => new Map(rows.map((r) => [r.sku, r as any]));

    test('steady demand of 10 a day: reorder point = lead-time demand, order up to L + R; on order counts', async () => {
      const t = await shop();
      const today = utcDay(new Date());
      const po = await t.request('POST', '/v1/purchase-orders', { supplier: 'ACME', location: 'WH-1', expected_date: addDays(today, 30), lines: [{ sku: 'STEADY', quantity: 50, unit_cost: 100 }] });
      await t.request('POST', `/v1/purchase-orders/${po.body.id}/submit`);
      const run = await runForecasts(ta.db.kysely, t.tenantId);
      assert.equal(run.items, 3);

      const r = await t.request('GET', '/v1/replenishment?sort=sku');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.as_of, today);
      const rows = bySku(r.body.data);
      const steady = rows.get('STEADY');
      assert.deepEqual(
        [steady.weekly_demand, steady.lead_time_demand, steady.safety_stock, steady.reorder_point, steady.order_up_to, steady.history_weeks],
        [70, 140, 0, 140, 210, 8],
      );
      assert.deepEqual([steady.on_hand, steady.available, steady.on_order, steady.inventory_position, steady.next_receipt_date], [60, 60, 50, 110, addDays(today, 30)]);
      assert.equal(steady.suggested_quantity, 100, 'up to 210 from a position of 110');
      assert.equal(steady.projected_stockout_date, addDays(today, 6), '60 units at 10 a day, the delivery comes later');
      assert.equal(steady.urgency, 'stockout');
      assert.equal(steady.lead_time_source, 'tenant');

      // Noisy demand of the same mean needs safety stock on top of lead-time demand.
      const noisy = rows.get('NOISY');
      assert.ok(noisy.safety_stock > 0, JSON.stringify(noisy));
      assert.ok(Math.abs(noisy.lead_time_demand - 140) < 15, `lead-time demand ${noisy.lead_time_demand}`);
      assert.ok(Math.abs(noisy.reorder_point - (noisy.lead_time_demand + noisy.safety_stock)) <= 0.011);
      assert.ok(Math.abs(noisy.order_up_to - noisy.reorder_point - noisy.weekly_demand) < 15, 'one review period more');

      const idle = rows.get('IDLE');
      assert.deepEqual([idle.urgency, idle.overstock, idle.weeks_of_cover, idle.suggested_quantity], ['overstock', true, null, 0]);

      // Sorted by urgency (the default): the coming stockout first, the overstock last.
      const urgent = await t.request('GET', '/v1/replenishment');
      assert.deepEqual(urgent.body.data.map((s: any) => s.sku), ['STEADY', 'NOISY', 'IDLE']);
      const paged = await t.request('GET', '/v1/replenishment?limit=2');
      assert.equal(paged.body.data.length, 2);
      const rest = await t.request('GET', `/v1/replenishment?limit=2&cursor=${paged.body.next_cursor}`);
      assert.deepEqual([rest.body.data.map((s: any) => s.sku), rest.body.next_cursor], [['IDLE'], null]);
      assert.deepEqual((await t.request('GET', '/v1/replenishment?needs_order=true')).body.data.map((s: any) => s.sku), ['STEADY']);
      assert.deepEqual((await t.request('GET', '/v1/replenishment?urgency=overstock')).body.data.map((s: any) => s.sku), ['IDLE']);
      assert.deepEqual((await t.request('GET', '/v1/replenishment?location=NOPE')).body.data, []);
      assert.equal((await t.request('GET', '/v1/replenishment?cursor=%%%')).status, 422);
    });

    test('settings apply at once: product lead time, then the supplier\'s, pack size; analysts read, not write', async () => {
      const t = await shop();
      await runForecasts(ta.db.kysely, t.tenantId);
      const put = await t.request('PUT', '/v1/replenishment/products/STEADY', { lead_time_days: 7, pack_size: 12 });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      assert.deepEqual(put.body.effective, { lead_time_days: 7, lead_time_source: 'product', review_period_days: 7, service_level: 0.95, service_kind: 'cycle' });
      let steady = bySku((await t.request('GET', '/v1/replenishment?sku=STEADY')).body.data).get('STEADY');
      assert.deepEqual([steady.reorder_point, steady.order_up_to, steady.suggested_quantity], [70, 140, 84], '140 − 60 = 80, in packs of 12');

      await t.request('PUT', '/v1/replenishment/products/STEADY', { supplier: 'ACME' });
      steady = bySku((await t.request('GET', '/v1/replenishment?supplier=ACME')).body.data).get('STEADY');
      assert.deepEqual([steady.lead_time_days, steady.lead_time_source, steady.reorder_point, steady.supplier], [21, 'supplier', 210, 'ACME']);

      const badSupplier = await t.request('PUT', '/v1/replenishment/products/STEADY', { supplier: 'NOPE' });
      assert.deepEqual([badSupplier.status, badSupplier.body.errors[0].path], [422, 'supplier']);
      assert.equal((await t.request('PUT', '/v1/replenishment/settings', { service_level: 1 })).status, 422);
      assert.equal((await t.request('PUT', '/v1/replenishment/products/NOPE', {})).status, 404);
      const analyst = t.as(await t.keyFor('analyst'));
      assert.equal((await analyst.request('GET', '/v1/replenishment')).status, 200);
      assert.equal((await analyst.request('GET', '/v1/replenishment/settings')).body.lead_time_days, 14);
      assert.equal((await analyst.request('PUT', '/v1/replenishment/products/STEADY', {})).status, 403);
    });

    test('a draft purchase order from suggestions takes the suggested quantity, supplier and lead time', async () => {
      const t = await shop();
      await t.request('PUT', '/v1/replenishment/products/STEADY', { supplier: 'ACME', unit_cost: 275 });
      await runForecasts(ta.db.kysely, t.tenantId);
      const today = utcDay(new Date());

      const nothing = await t.request('POST', '/v1/replenishment/purchase-orders', { location: 'WH-1', items: [{ sku: 'STEADY' }, { sku: 'IDLE' }, { sku: 'GHOST' }] });
      assert.equal(nothing.status, 422);
      assert.deepEqual(nothing.body.errors.map((e: any) => e.path), ['items[2].sku']);
      const noSupplier = await t.request('POST', '/v1/replenishment/purchase-orders', { location: 'WH-1', items: [{ sku: 'IDLE' }] });
      assert.deepEqual(noSupplier.body.errors.map((e: any) => e.path), ['items[0].quantity', 'supplier']);

      const suggested = bySku((await t.request('GET', '/v1/replenishment')).body.data).get('STEADY').suggested_quantity;
      assert.equal(suggested, 4 * 70 - 60, 'lead time 21 days + review 7 = four weeks of 70, less 60 in stock');
      const draft = await t.request('POST', '/v1/replenishment/purchase-orders', { location: 'WH-1', items: [{ sku: 'STEADY' }, { sku: 'IDLE', quantity: 3, unit_cost: 10 }] });
      assert.equal(draft.status, 201, JSON.stringify(draft.body));
      assert.deepEqual([draft.body.status, draft.body.supplier.code, draft.body.expected_date], ['draft', 'ACME', addDays(today, 21)]);
      assert.deepEqual(draft.body.lines.map((l: any) => [l.sku, l.quantity, l.unit_cost]), [['STEADY', suggested, 275], ['IDLE', 3, 10]]);

      // A draft is shown but not yet counted; once submitted it is on order and the need is met.
      let steady = bySku((await t.request('GET', '/v1/replenishment')).body.data).get('STEADY');
      assert.deepEqual([steady.on_draft, steady.on_order, steady.suggested_quantity], [suggested, 0, suggested]);
      await t.request('POST', `/v1/purchase-orders/${draft.body.id}/submit`);
      steady = bySku((await t.request('GET', '/v1/replenishment')).body.data).get('STEADY');
      assert.deepEqual([steady.on_draft, steady.on_order, steady.suggested_quantity], [0, suggested, 0]);
    });

    test('the forecast of a steady history is that history, with a backtest', async () => {
      const t = await shop();
      const r = await t.request('GET', '/v1/forecasts/STEADY?location=WH-1&horizon=4');
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.history.map((h: any) => h.quantity), new Array(8).fill(70));
      assert.deepEqual(r.body.forecast.map((f: any) => f.point), [70, 70, 70, 70]);
      assert.equal(r.body.forecast[0].quantiles['0.9'], 70);
      assert.deepEqual(r.body.accuracy && [r.body.accuracy.holdout_weeks, r.body.accuracy.mae], [2, 0]);
      const ses = await t.request('GET', '/v1/forecasts/NOISY?method=ses&horizon=2');
      assert.deepEqual([ses.body.method, ses.body.accuracy.method], ['ses', 'ses'], 'a named method is used for the forecast and its backtest');
    });
  });
}
