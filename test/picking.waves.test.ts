// Pick waves: bins, building a wave (oldest orders first, never one fulfillment order in two
// waves), the pick list in walking order, confirming and scanning, short picks through the
// ledger and back to routing, complete and cancel, the printable list.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readPdf } from './helpers/pdf.ts';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { levelOf, orderBody, setUpShop } from './helpers/fixtures.ts';
import { verifyInventory } from '../src/modules/inventory/index.ts';

const pdfText = async (bytes: Buffer): Promise<string> => (await readPdf(bytes)).text;

for (const kind of testDatabases()) {
  describe(`picking (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    const ok = (r: { status: number; body: unknown }, status = 200) => assert.equal(r.status, status, JSON.stringify(r.body));

    /** A shop with two warehouses (WH-1 preferred), three products and bins at WH-1. */
    async function shop(stock: Record<string, Record<string, number>> = { A: { 'WH-1': 10 }, B: { 'WH-1': 10 }, C: { 'WH-1': 10 } }): Promise<TenantClient> {
      const t = await ta.tenant();
      await setUpShop(t, { locations: [{ code: 'WH-1', priority: 1 }, { code: 'WH-2', priority: 2 }], products: [{ sku: 'A' }, { sku: 'B' }, { sku: 'C' }], stock });
      ok(await t.request('PATCH', '/v1/products/B', { barcode: '4006381333931' }));
      ok(await t.request('PUT', '/v1/inventory/bins', { sku: 'A', location: 'WH-1', bin: 'A-10-1' }));
      ok(await t.request('PUT', '/v1/inventory/bins', { sku: 'B', location: 'WH-1', bin: 'A-2-3' }));
      return t;
    }

    async function order(t: TenantClient, lines: { sku: string; quantity: number }[]): Promise<{ id: string; number: string }> {
      const r = await t.request('POST', '/v1/orders', orderBody(lines));
      ok(r, 201);
      return r.body;
    }

    async function fulfillmentOrdersOf(t: TenantClient, orderId: string) {
      return ta.db.kysely.selectFrom('fulfillment_orders as f').innerJoin('locations as l', (j) => j.onRef('l.tenant_id', '=', 'f.tenant_id').onRef('l.id', '=', 'f.location_id'))
        .select(['f.id', 'f.status', 'f.wave_id', 'l.code']).where('f.tenant_id', '=', t.tenantId).where('f.order_id', '=', orderId).orderBy('f.id').execute();
    }

    async function clean(t: TenantClient) {
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
    }

    test('bins: set, shown in levels, cleared; bad names and unknown SKUs are 422', async () => {
      const t = await shop();
      const levels = await t.request('GET', '/v1/inventory/levels?location=WH-1');
      assert.deepEqual(levels.body.data.map((l: any) => [l.sku, l.bin]), [['A', 'A-10-1'], ['B', 'A-2-3'], ['C', null]]);
      // A bin may be set before any stock arrives.
      const early = await t.request('PUT', '/v1/inventory/bins', { sku: 'C', location: 'WH-2', bin: 'Z-1' });
      ok(early);
      assert.deepEqual([early.body.bin, early.body.on_hand], ['Z-1', 0]);
      ok(await t.request('PUT', '/v1/inventory/bins', { sku: 'C', location: 'WH-2', bin: null }));
      assert.equal((await levelOf(t, 'C', 'WH-2')).bin, null);
      const bad = await t.request('PUT', '/v1/inventory/bins', { sku: 'A', location: 'WH-1', bin: 'A 1' });
      assert.equal(bad.status, 422);
      assert.equal(bad.body.errors[0].path, 'bin');
      const unknown = await t.request('PUT', '/v1/inventory/bins', { sku: 'NOPE', location: 'WH-9', bin: 'A-1' });
      assert.deepEqual(unknown.body.errors.map((e: any) => e.path), ['sku', 'location']);
      await clean(t);
    });

    test('a wave takes the oldest open orders; its pick list is summed per SKU and bin in walking order', async () => {
      const t = await shop();
      const o1 = await order(t, [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }]);
      const o2 = await order(t, [{ sku: 'A', quantity: 1 }, { sku: 'C', quantity: 1 }]);
      const o3 = await order(t, [{ sku: 'B', quantity: 2 }]);
      const created = await t.request('POST', '/v1/pick-waves', { location: 'WH-1', max_orders: 2 });
      ok(created, 201);
      const wave = created.body;
      assert.match(wave.id, /^pkw_/);
      assert.deepEqual([wave.number, wave.status, wave.location, wave.units, wave.lines_count], ['1', 'open', 'WH-1', 5, 3]);
      assert.deepEqual(wave.fulfillment_orders.map((f: any) => f.order_number), [o1.number, o2.number]);
      // Walking order: A-2-3 before A-10-1, no bin last.
      assert.deepEqual(wave.lines.map((l: any) => [l.sku, l.bin, l.quantity, l.picked]), [['B', 'A-2-3', 1, 0], ['A', 'A-10-1', 3, 0], ['C', null, 1, 0]]);
      assert.equal(wave.lines[0].barcode, '4006381333931');
      assert.deepEqual(wave.lines[1].orders.map((o: any) => [o.order_number, o.quantity]), [[o1.number, 2], [o2.number, 1]]);
      assert.deepEqual((await fulfillmentOrdersOf(t, o1.id)).map((f) => [f.status, f.wave_id]), [['picking', wave.id]]);

      const second = await t.request('POST', '/v1/pick-waves', { location: 'WH-1', max_orders: 10 });
      ok(second, 201);
      assert.deepEqual(second.body.fulfillment_orders.map((f: any) => f.order_number), [o3.number]);
      const none = await t.request('POST', '/v1/pick-waves', { location: 'WH-1', max_orders: 10 });
      assert.equal(none.status, 422);
      assert.equal(none.body.code, 'nothing_to_pick');

      const list = await t.request('GET', '/v1/pick-waves?location=WH-1&status=open');
      assert.deepEqual(list.body.data.map((w: any) => w.number), ['2', '1']);
      assert.equal((await t.request('GET', `/v1/pick-waves/${wave.number}`)).body.id, wave.id);
      assert.equal((await t.request('GET', '/v1/pick-waves/pkw_nope')).status, 404);
    });

    test('bad wave requests are 422 with paths and write nothing', async () => {
      const t = await shop();
      const o1 = await order(t, [{ sku: 'A', quantity: 1 }]);
      const cases: [unknown, string][] = [
        [{ location: 'WH-1' }, 'max_orders'],
        [{ location: 'WH-1', max_orders: 2, fulfillment_orders: ['x'] }, 'fulfillment_orders'],
        [{ location: 'WH-9', max_orders: 2 }, 'location'],
        [{ location: 'WH-1', max_orders: 0 }, 'max_orders'],
        [{ location: 'WH-1', cutoff: 'yesterday' }, 'cutoff'],
        [{ location: 'WH-1', max_orders: 1, extra: 1 }, 'extra'],
        [{ location: 'WH-2', fulfillment_orders: [(await fulfillmentOrdersOf(t, o1.id))[0]?.id] }, 'fulfillment_orders[0]'],
      ];
      for (const [body, path] of cases) {
        const r = await t.request('POST', '/v1/pick-waves', body);
        assert.equal(r.status, 422, JSON.stringify(body));
        assert.ok(r.body.errors.some((e: any) => e.path === path), `${JSON.stringify(body)} → ${JSON.stringify(r.body.errors)}`);
      }
      // A cut-off before every order selects nothing.
      assert.equal((await t.request('POST', '/v1/pick-waves', { location: 'WH-1', cutoff: '2000-01-01T00:00:00Z' })).body.code, 'nothing_to_pick');
      assert.deepEqual((await t.request('GET', '/v1/pick-waves')).body.data, []);
      assert.deepEqual((await fulfillmentOrdersOf(t, o1.id)).map((f) => f.status), ['open']);
      // Orders on hold are not picked.
      ok(await t.request('POST', `/v1/orders/${o1.id}/hold`, { reason: 'fraud check' }));
      assert.equal((await t.request('POST', '/v1/pick-waves', { location: 'WH-1', max_orders: 5 })).body.code, 'nothing_to_pick');
    });

    test('parallel waves never take the same fulfillment order', async () => {
      const t = await shop({ A: { 'WH-1': 100 } });
      const orders: string[] = [];
      for (let i = 0; i < 12; i++) orders.push((await order(t, [{ sku: 'A', quantity: 1 }])).id);
      const results = await Promise.all(Array.from({ length: 20 }, () => t.request('POST', '/v1/pick-waves', { location: 'WH-1', max_orders: 3 })));
      const made = results.filter((r) => r.status === 201);
      assert.ok(results.every((r) => r.status === 201 || (r.status === 422 && r.body.code === 'nothing_to_pick')), JSON.stringify(results.map((r) => r.status)));
      const taken = made.flatMap((r) => r.body.fulfillment_orders.map((f: any) => f.id));
      assert.equal(new Set(taken).size, taken.length, 'a fulfillment order is in two waves');
      assert.equal(taken.length, 12);
      assert.equal(made.reduce((n, r) => n + r.body.units, 0), 12);
      const numbers = made.map((r) => r.body.number);
      assert.equal(new Set(numbers).size, numbers.length);
    });

    test('confirm every line, complete: fulfillment orders picked, allocations picked; refusals on the way', async () => {
      const t = await shop();
      const o1 = await order(t, [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }]);
      const wave = (await t.request('POST', '/v1/pick-waves', { location: 'WH-1', max_orders: 5 })).body;
      const [lineB, lineA] = wave.lines;
      const early = await t.request('POST', `/v1/pick-waves/${wave.id}/complete`);
      assert.equal(early.status, 409);
      assert.equal(early.body.code, 'pick_wave_incomplete');
      assert.equal(early.body.unconfirmed.length, 2);
      const over = await t.request('POST', `/v1/pick-waves/${wave.id}/lines/${lineA.id}/confirm`, { picked: 3 });
      assert.equal(over.status, 422);
      assert.equal(over.body.errors[0].path, 'picked');
      ok(await t.request('POST', `/v1/pick-waves/${wave.id}/lines/${lineA.id}/confirm`, { picked: 2 }));
      const again = await t.request('POST', `/v1/pick-waves/${wave.id}/lines/${lineA.id}/confirm`, { picked: 2 });
      assert.equal(again.status, 409);
      const confirmed = await t.request('POST', `/v1/pick-waves/${wave.id}/lines/${lineB.id}/confirm`, { picked: 1 });
      ok(confirmed);
      assert.ok(confirmed.body.lines.every((l: any) => l.confirmed && l.picked === l.quantity));
      const done = await t.request('POST', `/v1/pick-waves/${wave.id}/complete`);
      ok(done);
      assert.equal(done.body.status, 'completed');
      assert.deepEqual((await fulfillmentOrdersOf(t, o1.id)).map((f) => f.status), ['picked']);
      const allocations = await ta.db.kysely.selectFrom('order_allocations').select(['quantity', 'picked', 'status']).where('tenant_id', '=', t.tenantId).where('order_id', '=', o1.id).execute();
      assert.ok(allocations.every((a) => a.picked === a.quantity && a.status === 'reserved'));
      assert.equal((await t.request('POST', `/v1/pick-waves/${wave.id}/cancel`)).status, 409);
      const events = (await t.request('GET', `/v1/orders/${o1.id}/events`)).body.data.map((e: any) => e.type);
      assert.ok(events.includes('fulfillment.picking_started') && events.includes('fulfillment.picked'), events.join());
      await clean(t);
    });

    test('a short pick: one ledger row, newest order loses first, units re-routed or backordered; verify clean', async () => {
      const t = await shop({ A: { 'WH-1': 6, 'WH-2': 2 } });
      const older = await order(t, [{ sku: 'A', quantity: 2 }]);
      const newer = await order(t, [{ sku: 'A', quantity: 3 }]);
      const wave = (await t.request('POST', '/v1/pick-waves', { location: 'WH-1', max_orders: 5 })).body;
      assert.deepEqual(wave.lines.map((l: any) => [l.sku, l.quantity]), [['A', 5]]);
      // Only 1 of 5 on the shelf: the older order gets it; 4 are missing (older 1, newer 3).
      const r = await t.request('POST', `/v1/pick-waves/${wave.id}/lines/${wave.lines[0].id}/confirm`, { picked: 1 });
      ok(r);
      assert.deepEqual(r.body.lines[0].orders.map((o: any) => [o.order_number, o.quantity, o.picked]), [[older.number, 1, 1]]);

      const ledger = (await t.request('GET', '/v1/inventory/movements?sku=A&location=WH-1')).body.data;
      assert.deepEqual([ledger[0].reason, ledger[0].delta_on_hand, ledger[0].delta_reserved], ['short_pick', -4, -4]);
      assert.equal(ledger.filter((m: any) => m.reason === 'short_pick').length, 1);
      const wh1 = await levelOf(t, 'A', 'WH-1');
      assert.deepEqual([wh1.on_hand, wh1.reserved], [2, 1]);
      // WH-2 had 2: the older order's lost unit goes there first (older orders are re-routed first), then one of the newer's; the rest backorders.
      const wh2 = await levelOf(t, 'A', 'WH-2');
      assert.equal(wh2.reserved, 2);
      const olderView = (await t.request('GET', `/v1/orders/${older.id}`)).body;
      const newerView = (await t.request('GET', `/v1/orders/${newer.id}`)).body;
      const placed = (v: any) => v.lines[0].allocations.map((a: any) => [a.location, a.quantity]).sort();
      assert.deepEqual(placed(olderView), [['WH-1', 1], ['WH-2', 1]]);
      assert.deepEqual([placed(newerView), newerView.lines[0].backordered], [[['WH-2', 1]], 2]);
      for (const o of [older, newer]) {
        const events = (await t.request('GET', `/v1/orders/${o.id}/events`)).body.data;
        const short = events.find((e: any) => e.type === 'fulfillment.short_picked');
        assert.ok(short, `no short pick event on ${o.number}`);
        assert.equal(short.data.missing, o === older ? 1 : 3);
      }
      await clean(t);

      ok(await t.request('POST', `/v1/pick-waves/${wave.id}/complete`));
      const wh1Orders = async (id: string) => (await fulfillmentOrdersOf(t, id)).filter((f) => f.code === 'WH-1').map((f) => f.status);
      assert.deepEqual(await wh1Orders(older.id), ['picked']);
      assert.deepEqual(await wh1Orders(newer.id), ['canceled']);
      await clean(t);
    });

    test('scanning: by SKU or barcode, fills the line and confirms it; unknown codes and extra units refused', async () => {
      const t = await shop();
      await order(t, [{ sku: 'A', quantity: 3 }, { sku: 'B', quantity: 1 }]);
      const wave = (await t.request('POST', '/v1/pick-waves', { location: 'WH-1', max_orders: 5 })).body;
      const first = await t.request('POST', `/v1/pick-waves/${wave.id}/scan`, { code: 'A' });
      ok(first);
      assert.deepEqual([first.body.line.sku, first.body.line.picked, first.body.line_confirmed, first.body.lines_open], ['A', 1, false, 2]);
      const rest = await t.request('POST', `/v1/pick-waves/${wave.number}/scan`, { code: 'A', quantity: 2 });
      assert.deepEqual([rest.body.line.picked, rest.body.line_confirmed, rest.body.lines_open], [3, true, 1]);
      const extra = await t.request('POST', `/v1/pick-waves/${wave.id}/scan`, { code: 'A' });
      assert.deepEqual([extra.status, extra.body.code], [422, 'over_pick']);
      const stranger = await t.request('POST', `/v1/pick-waves/${wave.id}/scan`, { code: 'C' });
      assert.deepEqual([stranger.status, stranger.body.code, stranger.body.errors[0].path], [422, 'not_in_wave', 'code']);
      const byBarcode = await t.request('POST', `/v1/pick-waves/${wave.id}/scan`, { code: '4006381333931' });
      assert.deepEqual([byBarcode.body.line.sku, byBarcode.body.line_confirmed, byBarcode.body.lines_open], ['B', true, 0]);
      ok(await t.request('POST', `/v1/pick-waves/${wave.id}/complete`));
      await clean(t);
    });

    test('cancel puts the orders back in the queue and the picks back on the shelf; not after a line is confirmed', async () => {
      const t = await shop();
      const o1 = await order(t, [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }]);
      const wave = (await t.request('POST', '/v1/pick-waves', { location: 'WH-1', max_orders: 5 })).body;
      ok(await t.request('POST', `/v1/pick-waves/${wave.id}/scan`, { code: 'A' }));
      const canceled = await t.request('POST', `/v1/pick-waves/${wave.id}/cancel`, {});
      ok(canceled);
      assert.equal(canceled.body.status, 'canceled');
      assert.deepEqual((await fulfillmentOrdersOf(t, o1.id)).map((f) => [f.status, f.wave_id]), [['open', null]]);
      const picked = await ta.db.kysely.selectFrom('order_allocations').select('picked').where('tenant_id', '=', t.tenantId).where('order_id', '=', o1.id).execute();
      assert.ok(picked.every((a) => a.picked === 0));
      assert.equal((await t.request('POST', `/v1/pick-waves/${wave.id}/scan`, { code: 'A' })).status, 409);

      const next = (await t.request('POST', '/v1/pick-waves', { location: 'WH-1', fulfillment_orders: [(await fulfillmentOrdersOf(t, o1.id))[0]?.id] })).body;
      assert.equal(next.number, '2');
      ok(await t.request('POST', `/v1/pick-waves/${next.id}/lines/${next.lines[0].id}/confirm`, { picked: 1 }));
      const refused = await t.request('POST', `/v1/pick-waves/${next.id}/cancel`);
      assert.deepEqual([refused.status, refused.body.code], [409, 'invalid_transition']);
      await clean(t);
    });

    test('the pick list prints: bins in walking order, SKUs and orders', async () => {
      const t = await shop();
      const o1 = await order(t, [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }, { sku: 'C', quantity: 1 }]);
      const wave = (await t.request('POST', '/v1/pick-waves', { location: 'WH-1', max_orders: 5 })).body;
      const response = await ta.app.inject({ method: 'GET', url: `/v1/pick-waves/${wave.id}/pick-list.pdf`, headers: { authorization: `Bearer ${t.key}` } });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^application\/pdf/);
      const text = await pdfText(response.rawPayload);
      assert.match(text, new RegExp(`Pick list - wave ${wave.number}`));
      const at = (s: string) => text.indexOf(s);
      assert.ok(at('A-2-3') > 0 && at('A-2-3') < at('A-10-1') && at('A-10-1') < at('(no bin)'), text);
      assert.ok(text.includes(`${o1.number} x2`), text);
    });

    test('roles: analysts read waves, warehouse staff run them, operators may not', async () => {
      const t = await shop();
      await order(t, [{ sku: 'A', quantity: 1 }]);
      const analyst = t.as(await t.keyFor('analyst'));
      const warehouse = t.as(await t.keyFor('warehouse'));
      assert.equal((await analyst.request('POST', '/v1/pick-waves', { location: 'WH-1', max_orders: 1 })).status, 403);
      assert.equal((await t.as(await t.keyFor('operator')).request('POST', '/v1/pick-waves', { location: 'WH-1', max_orders: 1 })).status, 403);
      const wave = await warehouse.request('POST', '/v1/pick-waves', { location: 'WH-1', max_orders: 1 });
      ok(wave, 201);
      ok(await analyst.request('GET', `/v1/pick-waves/${wave.body.id}`));
      assert.equal((await analyst.request('PUT', '/v1/inventory/bins', { sku: 'A', location: 'WH-1', bin: 'B-1' })).status, 403);
    });
  });
}
