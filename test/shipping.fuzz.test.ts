// Arbitrary JSON against every shipping POST and PATCH route: no answer is a 5xx, and a
// refused request leaves every shipping, stock and order table as it was.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';
import { onlyFulfillmentOrder, setUpCarriers } from './shipping.helpers.ts';

const TABLES = ['carrier_services', 'shipments', 'shipment_items', 'shipment_events', 'tracking_number_sequences', 'inventory_levels',
  'inventory_movements', 'order_allocations', 'fulfillment_orders', 'order_events', 'outbox', 'packages'];
const kind = testDatabases().at(-1) ?? 'pglite';

describe(`shipping fuzz (${kind})`, () => {
  let ta: TestApp;
  let t: TenantClient;
  let foId = '';
  let shipmentId = '';
  before(async () => {
    ta = await startTestApp(kind);
    t = await ta.tenant();
    await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 100 } } });
    await setUpCarriers(t);
    const first = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }], { shipping: { method: 'standard', amount: 0 } }));
    shipmentId = (await t.request('POST', `/v1/fulfillment-orders/${(await onlyFulfillmentOrder(ta, t, first.body.id)).id}/shipments`, {})).body.id;
    const second = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }], { shipping: { method: 'standard', amount: 0 } }));
    foId = (await onlyFulfillmentOrder(ta, t, second.body.id)).id;
  });
  after(async () => { await ta?.close(); });

  async function rowTotal(): Promise<number> {
    const parts = TABLES.map((name) => sql`(select count(*) from ${sql.table(name)})`);
    const { rows } = await sql<{ n: number }>`select (${sql.join(parts, sql` + `)})::int8 as n`.execute(ta.db.kysely);
    return Number(rows[0]?.n ?? -1);
  }

  test('no 5xx, and refusals write nothing', async () => {
    const routes: ['POST' | 'PATCH', string][] = [
      ['POST', '/v1/carrier-services'], ['PATCH', '/v1/carrier-services/GROUND'], ['POST', `/v1/fulfillment-orders/${foId}/shipments`],
      ['POST', `/v1/shipments/${shipmentId}/events`], ['POST', `/v1/fulfillment-orders/${foId}/ready-for-pickup`], ['POST', `/v1/fulfillment-orders/${foId}/pickup`],
    ];
    const config = fc.record({ zones: fc.array(fc.record({ code: fc.string(), countries: fc.array(fc.string()) }), { maxLength: 3 }), bands: fc.array(fc.jsonValue(), { maxLength: 3 }) });
    const bodies = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ code: fc.string(), name: fc.string(), carrier: fc.constantFrom('manual', 'rate_table'), currency: fc.constant('USD'), config }, { requiredKeys: [] }));
    for (const [method, url] of routes) {
      await fc.assert(fc.asyncProperty(bodies, async (body) => {
        const before = await rowTotal();
        const r = await t.request(method, url, JSON.stringify(body), { 'content-type': 'application/json' });
        assert.ok(r.status < 500, `${method} ${url} answered ${r.status} for ${JSON.stringify(body).slice(0, 300)}: ${JSON.stringify(r.body).slice(0, 300)}`);
        if (r.status >= 400) assert.equal(await rowTotal(), before, `${method} ${url} refused with ${r.status} but wrote rows`);
      }), { numRuns: 150 });
    }
  });
});
