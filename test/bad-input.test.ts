// Hostile and clumsy input: every refusal is a clear 4xx problem+json and nothing is written.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';

for (const kind of testDatabases()) {
  describe(`bad input (${kind})`, () => {
    let ta: TestApp;
    let t: TenantClient;
    before(async () => {
      ta = await startTestApp(kind);
      t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 10 } } });
    });
    after(async () => { await ta?.close(); });

    async function rowCounts() {
      const count = async (table: 'orders' | 'order_lines' | 'inventory_movements' | 'customers' | 'order_events' | 'outbox') =>
        Number((await sql<{ n: number }>`select count(*)::int8 as n from ${sql.table(table)}`.execute(ta.db.kysely)).rows[0]?.n);
      return { orders: await count('orders'), lines: await count('order_lines'), movements: await count('inventory_movements'), customers: await count('customers'), events: await count('order_events'), outbox: await count('outbox') };
    }

    async function refused(body: unknown, status: number, code: string, path?: string, headers?: Record<string, string>) {
      const before = await rowCounts();
      const r = await t.request('POST', '/v1/orders', body, headers);
      assert.equal(r.status, status, JSON.stringify(r.body).slice(0, 500));
      assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
      assert.equal(r.body.code, code);
      assert.equal(typeof r.body.detail, 'string');
      if (path) assert.ok(r.body.errors.some((e: any) => e.path === path), JSON.stringify(r.body.errors));
      assert.deepEqual(await rowCounts(), before);
      return r;
    }

    test('wrong types are refused with the exact path', async () => {
      await refused(orderBody([{ sku: 'TEE-M', quantity: '2' as any }]), 422, 'validation_failed', 'lines[0].quantity');
      await refused({ ...orderBody([{ sku: 'TEE-M', quantity: 1 }]), currency: 12 }, 422, 'validation_failed', 'currency');
      await refused({ ...orderBody([{ sku: 'TEE-M', quantity: 1 }]), lines: 'many' }, 422, 'validation_failed', 'lines');
      await refused([1, 2, 3], 422, 'validation_failed');
      await refused({ ...orderBody([{ sku: 'TEE-M', quantity: 1 }]), shipping_address: { line1: 'x', city: 'y', postal_code: 'z', country: 'usa' } }, 422, 'validation_failed', 'shipping_address.country');
    });

    test('zero, negative, fractional and huge quantities are refused', async () => {
      await refused(orderBody([{ sku: 'TEE-M', quantity: 0 }]), 422, 'validation_failed', 'lines[0].quantity');
      await refused(orderBody([{ sku: 'TEE-M', quantity: -3 }]), 422, 'validation_failed', 'lines[0].quantity');
      await refused(orderBody([{ sku: 'TEE-M', quantity: 1.5 }]), 422, 'validation_failed', 'lines[0].quantity');
      await refused(orderBody([{ sku: 'TEE-M', quantity: 1e12 }]), 422, 'validation_failed', 'lines[0].quantity');
      await refused(orderBody([{ sku: 'TEE-M', quantity: 1, unit_price: -1 }]), 422, 'validation_failed', 'lines[0].unit_price');
      await refused(orderBody([{ sku: 'TEE-M', quantity: 100_000, unit_price: 100_000_000_000 }]), 422, 'amount_out_of_range');
    });

    test('unknown SKUs, channels and missing addresses name their path', async () => {
      await refused(orderBody([{ sku: 'TEE-M', quantity: 1 }, { sku: 'NOPE', quantity: 1 }]), 422, 'validation_failed', 'lines[1].sku');
      await refused({ ...orderBody([{ sku: 'TEE-M', quantity: 1 }]), channel: 'nowhere' }, 422, 'validation_failed', 'channel');
      await refused({ ...orderBody([{ sku: 'TEE-M', quantity: 1 }]), shipping_address: undefined }, 422, 'validation_failed', 'shipping_address');
      await refused({ ...orderBody([]) }, 422, 'validation_failed', 'lines');
      await refused({ currency: 'USD', lines: [{ sku: 'TEE-M', quantity: 1 }] }, 422, 'validation_failed', 'channel');
    });

    test('unknown fields are refused, not silently dropped', async () => {
      await refused({ ...orderBody([{ sku: 'TEE-M', quantity: 1 }]), colour: 'red' }, 422, 'validation_failed', 'colour');
      await refused(orderBody([{ sku: 'TEE-M', quantity: 1, discount: 5 } as any]), 422, 'validation_failed', 'lines[0].discount');
    });

    test('10,000 lines are refused by the line limit', async () => {
      const lines = Array.from({ length: 10_000 }, () => ({ sku: 'TEE-M', quantity: 1 }));
      await refused(orderBody(lines), 422, 'validation_failed', 'lines');
    });

    test('a 5 MB body is refused with 413', async () => {
      await refused({ ...orderBody([{ sku: 'TEE-M', quantity: 1 }]), note: 'x'.repeat(5 * 1024 * 1024) }, 413, 'payload_too_large');
    });

    test('malformed JSON and wrong content types are refused', async () => {
      await refused('{"channel": "web", "lines": [', 400, 'malformed_json', undefined, { 'content-type': 'application/json' });
      await refused('channel=web', 415, 'unsupported_media_type', undefined, { 'content-type': 'application/x-www-form-urlencoded' });
      await refused('', 400, 'malformed_json', undefined, { 'content-type': 'application/json' });
    });

    test('bad query strings and cursors are 4xx, not 500', async () => {
      for (const url of ['/v1/orders?limit=0', '/v1/orders?limit=1000', '/v1/orders?limit=abc', '/v1/orders?cursor=%%%', '/v1/orders?cursor=bm90LWFuLWlk', '/v1/orders?status=lost', '/v1/orders?created_from=yesterday', "/v1/orders?q=' or 1=1 --"]) {
        const r = await t.request('GET', url);
        if (url.includes('or 1=1')) { assert.equal(r.status, 200); assert.equal(r.body.data.length, 0); continue; }
        assert.equal(r.status, 422, `${url}: ${r.status}`);
        assert.equal(r.body.code, 'validation_failed');
      }
      const missing = await t.request('GET', '/v1/orders/ord_doesnotexist');
      assert.equal(missing.status, 404);
      assert.equal((await t.request('GET', '/v1/nowhere')).body.code, 'route_not_found');
    });

    test('an over-long Idempotency-Key is refused', async () => {
      await refused(orderBody([{ sku: 'TEE-M', quantity: 1 }]), 422, 'validation_failed', 'headers.idempotency-key', { 'idempotency-key': 'k'.repeat(300) });
    });
  });
}
