// Fuzzing every POST route: arbitrary JSON and mutated valid orders. No answer may be a
// 5xx, and a refused request must not change a single row.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';

const TABLES = ['products', 'channels', 'locations', 'customers', 'inventory_levels', 'inventory_movements', 'orders', 'order_lines', 'order_allocations', 'order_events', 'outbox', 'api_keys', 'channel_prices'];

const validOrder = orderBody([{ sku: 'TEE-M', quantity: 1 }, { sku: 'MUG', quantity: 2, unit_price: 1250 }], { shipping: { method: 'standard', amount: 500 }, external_id: 'F-1' });

/** Replaces one value somewhere in a JSON tree, removes it, or adds a stray field. */
const mutation = fc.record({
  path: fc.array(fc.nat({ max: 8 }), { minLength: 1, maxLength: 4 }),
  op: fc.constantFrom('replace', 'delete', 'add'),
  value: fc.oneof(fc.jsonValue(), fc.constantFrom(-1, 0, 1e308, -0.5, '', '0', null, [], {}, 'x'.repeat(300), "' or 1=1 --", '\u0000')),
});

function mutate(root: unknown, m: { path: number[]; op: string; value: unknown }): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  let node: any = copy;
  for (let depth = 0; depth < m.path.length; depth++) {
    const keys = node && typeof node === 'object' ? Object.keys(node) : [];
    if (keys.length === 0) break;
    const key = keys[(m.path[depth] as number) % keys.length] as string;
    const last = depth === m.path.length - 1 || !node[key] || typeof node[key] !== 'object';
    if (last) {
      if (m.op === 'delete') delete node[key];
      else if (m.op === 'add') node[`stray_${key}`] = m.value;
      else node[key] = m.value;
      break;
    }
    node = node[key];
  }
  return copy;
}

const kind = testDatabases().at(-1) ?? 'pglite';

describe(`fuzz (${kind})`, () => {
  let ta: TestApp;
  let t: TenantClient;
  let orderId = '';
  before(async () => {
    ta = await startTestApp(kind);
    t = await ta.tenant();
    await setUpShop(t, { products: [{ sku: 'TEE-M', price: 1999 }, { sku: 'MUG', price: 900 }], stock: { 'TEE-M': { 'WH-1': 1_000_000 }, MUG: { 'WH-1': 1_000_000 } } });
    orderId = (await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }]))).body.id;
  });
  after(async () => { await ta?.close(); });

  async function rowTotal(): Promise<number> {
    const parts = TABLES.map((name) => sql`(select count(*) from ${sql.table(name)})`);
    const { rows } = await sql<{ n: number }>`select (${sql.join(parts, sql` + `)})::int8 as n`.execute(ta.db.kysely);
    return rows[0]?.n ?? -1;
  }

  let sent = 0;
  async function probe(method: 'POST' | 'PUT' | 'PATCH', url: string, body: unknown) {
    const before = await rowTotal();
    const r = await t.request(method, url, JSON.stringify(body), { 'content-type': 'application/json' });
    sent++;
    assert.ok(r.status < 500, `${method} ${url} answered ${r.status} for ${JSON.stringify(body).slice(0, 300)}: ${JSON.stringify(r.body).slice(0, 300)}`);
    if (r.status >= 400) {
      assert.equal(r.body.code !== undefined, true);
      assert.equal(await rowTotal(), before, `${method} ${url} refused with ${r.status} but wrote rows: ${JSON.stringify(body).slice(0, 300)}`);
    }
    return r.status;
  }

  test('mutated valid orders never crash and refusals write nothing', async () => {
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
      const body = mutations.reduce<unknown>((acc, m) => mutate(acc, m), { ...validOrder, external_id: `F-${sent}` });
      await probe('POST', '/v1/orders', body);
    }), { numRuns: 4000 });
  });

  test('arbitrary JSON against every POST route never crashes and writes nothing', async () => {
    const routes: ['POST' | 'PUT' | 'PATCH', string][] = [
      ['POST', '/v1/orders'], ['POST', '/v1/products'], ['POST', '/v1/locations'], ['POST', '/v1/channels'],
      ['POST', '/v1/inventory/adjustments'], ['POST', '/v1/api-keys'], ['POST', `/v1/orders/${orderId}/hold`],
      ['POST', `/v1/orders/${orderId}/cancel`], ['PATCH', '/v1/products/TEE-M'], ['PUT', '/v1/products/TEE-M/prices/web'],
    ];
    for (const [method, url] of routes) {
      await fc.assert(fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (body) => {
        const status = await probe(method, url, body);
        // Anything that got through must have been a well-formed request; undo state changes
        // that would stop later probes from exercising the route.
        if (status < 300 && url.endsWith('/hold')) await t.request('POST', `/v1/orders/${orderId}/release`);
      }), { numRuns: 650 });
    }
    assert.ok(sent >= 10_000, `sent ${sent}`);
  });
});
