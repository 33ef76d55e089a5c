// Packing: boxes, the box suggestion, packages of a fulfillment order (with or without a
// pick wave), weights computed or from the scale, limits under concurrency, the packing slip.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readPdf } from './helpers/pdf.ts';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';
import { verifyInventory } from '../src/modules/inventory/index.ts';
import { listPackages } from '../src/modules/packing/index.ts';

const pdfText = async (bytes: Buffer): Promise<string> => (await readPdf(bytes)).text;

for (const kind of testDatabases()) {
  describe(`packing (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    const ok = (r: { status: number; body: unknown }, status = 200) => assert.equal(r.status, status, JSON.stringify(r.body));

    /** Products TEE (250 g, 300×250×20 mm), MUG (400 g, no dimensions); boxes S, M, L. */
    async function shop(): Promise<TenantClient> {
      const t = await ta.tenant();
      await setUpShop(t, { locations: [{ code: 'WH-1' }], products: [{ sku: 'TEE' }, { sku: 'MUG' }], stock: { TEE: { 'WH-1': 20 }, MUG: { 'WH-1': 20 } } });
      ok(await t.request('PATCH', '/v1/products/TEE', { weight_g: 250, length_mm: 300, width_mm: 250, height_mm: 20 }));
      ok(await t.request('PATCH', '/v1/products/MUG', { weight_g: 400 }));
      for (const box of [
        { code: 'S', name: 'Small', length_mm: 200, width_mm: 150, height_mm: 100, max_weight_g: 2000, tare_weight_g: 80 },
        { code: 'M', name: 'Medium', length_mm: 400, width_mm: 300, height_mm: 150, max_weight_g: 10000, tare_weight_g: 200 },
        { code: 'L', name: 'Large', length_mm: 600, width_mm: 400, height_mm: 400, max_weight_g: 20000, tare_weight_g: 500 },
      ]) ok(await t.request('POST', '/v1/boxes', box), 201);
      return t;
    }

    async function fulfillmentOrder(t: TenantClient, lines: { sku: string; quantity: number }[]) {
      const created = await t.request('POST', '/v1/orders', orderBody(lines));
      ok(created, 201);
      const fo = await ta.db.kysely.selectFrom('fulfillment_orders').select(['id', 'status']).where('tenant_id', '=', t.tenantId).where('order_id', '=', created.body.id).executeTakeFirstOrThrow();
      return { order: created.body, fo: fo.id };
    }

    const statusOf = async (t: TenantClient, id: string) =>
      (await ta.db.kysely.selectFrom('fulfillment_orders').select('status').where('tenant_id', '=', t.tenantId).where('id', '=', id).executeTakeFirstOrThrow()).status;

    test('boxes: create, list, change; a taken code is 409; bad measures 422; analysts only read', async () => {
      const t = await shop();
      const list = await t.request('GET', '/v1/boxes');
      assert.deepEqual(list.body.data.map((b: any) => [b.code, b.volume_cm3]), [['L', 96000], ['M', 18000], ['S', 3000]]);
      assert.equal((await t.request('POST', '/v1/boxes', { code: 'S', name: 'Again', length_mm: 1, width_mm: 1, height_mm: 1, max_weight_g: 1 })).status, 409);
      const bad = await t.request('POST', '/v1/boxes', { code: 'X', name: 'X', length_mm: 0, width_mm: 1, height_mm: 1, max_weight_g: 1 });
      assert.deepEqual([bad.status, bad.body.errors[0].path], [422, 'length_mm']);
      const patched = await t.request('PATCH', '/v1/boxes/L', { active: false, tare_weight_g: 450 });
      assert.deepEqual([patched.body.active, patched.body.tare_weight_g], [false, 450]);
      assert.equal((await t.request('PATCH', '/v1/boxes/NOPE', { active: false })).status, 404);
      const analyst = t.as(await t.keyFor('analyst'));
      assert.equal((await analyst.request('GET', '/v1/boxes')).status, 200);
      assert.equal((await analyst.request('POST', '/v1/boxes', { code: 'Z', name: 'Z', length_mm: 1, width_mm: 1, height_mm: 1, max_weight_g: 1 })).status, 403);
    });

    test('box suggestion: smallest box that fits by volume, edges and weight; by weight only when dimensions are missing', async () => {
      const t = await shop();
      const tees = await fulfillmentOrder(t, [{ sku: 'TEE', quantity: 3 }]);
      const s = await t.request('GET', `/v1/fulfillment-orders/${tees.fo}/box-suggestion`);
      ok(s);
      // 3 × 300×250×20 = 4.5 l: S is too small (and too short), M holds it.
      assert.deepEqual([s.body.box.code, s.body.basis, s.body.items.units, s.body.items.weight_g], ['M', 'dimensions_and_weight', 3, 750]);
      const mixed = await fulfillmentOrder(t, [{ sku: 'MUG', quantity: 2 }, { sku: 'TEE', quantity: 1 }]);
      const w = (await t.request('GET', `/v1/fulfillment-orders/${mixed.fo}/box-suggestion`)).body;
      assert.deepEqual([w.basis, w.missing_dimensions, w.box.code], ['weight_only', ['MUG'], 'S']);
      assert.match(w.reason, /weight only/);
      assert.equal((await t.request('GET', '/v1/fulfillment-orders/ful_nope/box-suggestion')).status, 404);
    });

    test('packing without a wave: computed and scale weights, limits, the fulfillment order packed at the end', async () => {
      const t = await shop();
      const { order, fo } = await fulfillmentOrder(t, [{ sku: 'TEE', quantity: 2 }, { sku: 'MUG', quantity: 1 }]);
      const first = await t.request('POST', `/v1/fulfillment-orders/${fo}/packages`, { box: 'M', items: [{ sku: 'TEE', quantity: 1 }] });
      ok(first, 201);
      assert.match(first.body.id, /^pkg_/);
      assert.deepEqual([first.body.box, first.body.weight_g, first.body.weight_source, first.body.dimensions], ['M', 450, 'computed', { length_mm: 400, width_mm: 300, height_mm: 150 }]);
      assert.equal(await statusOf(t, fo), 'open');

      const tooMany = await t.request('POST', `/v1/fulfillment-orders/${fo}/packages`, { box: 'M', items: [{ sku: 'TEE', quantity: 2 }] });
      assert.deepEqual([tooMany.status, tooMany.body.code, tooMany.body.errors[0].packable], [422, 'exceeds_packable', 1]);
      const bad = await t.request('POST', `/v1/fulfillment-orders/${fo}/packages`, { items: [{ sku: 'TEE', allocation_id: 'x', quantity: 1 }, { sku: 'CAP', quantity: 1 }] });
      assert.deepEqual(bad.body.errors.map((e: any) => e.path), ['items[0]', 'items[1].sku']);
      assert.equal((await t.request('POST', `/v1/fulfillment-orders/${fo}/packages`, { items: [{ sku: 'TEE', quantity: 1 }] })).body.errors[0].path, 'dimensions');
      const heavy = await t.request('POST', `/v1/fulfillment-orders/${fo}/packages`, { box: 'S', items: [{ sku: 'TEE', quantity: 1 }], weight_g: 2500 });
      assert.deepEqual([heavy.status, heavy.body.code], [422, 'package_too_heavy']);
      assert.equal((await listPackages(ta.db.kysely, t.tenantId, fo)).length, 1, 'refusals wrote nothing');

      const allocations = (await t.request('GET', `/v1/fulfillment-orders/${fo}/box-suggestion`)).body;
      assert.equal(allocations.items.units, 2, 'the suggestion covers what is not packed yet');
      const last = await t.request('POST', `/v1/fulfillment-orders/${fo}/packages`, {
        items: [{ sku: 'TEE', quantity: 1 }, { sku: 'MUG', quantity: 1 }], weight_g: 731, dimensions: { length_mm: 310, width_mm: 260, height_mm: 120 },
      });
      ok(last, 201);
      assert.deepEqual([last.body.box, last.body.weight_g, last.body.weight_source], [null, 731, 'scale']);
      assert.equal(await statusOf(t, fo), 'packed');
      const listed = await t.request('GET', `/v1/fulfillment-orders/${fo}/packages`);
      assert.deepEqual(listed.body.data.map((p: any) => p.items.map((i: any) => `${i.sku}x${i.quantity}`).join()), ['TEEx1', 'TEEx1,MUGx1']);
      const weighed = await t.request('PATCH', `/v1/packages/${first.body.id}`, { weight_g: 470 });
      assert.deepEqual([weighed.body.weight_g, weighed.body.weight_source], [470, 'scale']);
      // Packed units count as picked: the packer picked them.
      const picked = await ta.db.kysely.selectFrom('order_allocations').select(['quantity', 'picked']).where('tenant_id', '=', t.tenantId).where('fulfillment_order_id', '=', fo).execute();
      assert.ok(picked.every((a) => a.picked === a.quantity));
      const events = (await t.request('GET', `/v1/orders/${order.id}/events`)).body.data.map((e: any) => e.type);
      assert.ok(events.includes('fulfillment.packed'), events.join());
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
    });

    test('a package can be removed before it ships, freeing its units; a shipped one cannot change', async () => {
      const t = await shop();
      const { fo } = await fulfillmentOrder(t, [{ sku: 'TEE', quantity: 2 }]);
      const p = (await t.request('POST', `/v1/fulfillment-orders/${fo}/packages`, { box: 'M', items: [{ sku: 'TEE', quantity: 1 }] })).body;
      const removed = await t.request('DELETE', `/v1/packages/${p.id}`);
      assert.equal(removed.status, 204);
      assert.equal((await t.request('DELETE', `/v1/packages/${p.id}`)).status, 404);
      const again = await t.request('POST', `/v1/fulfillment-orders/${fo}/packages`, { box: 'M', items: [{ sku: 'TEE', quantity: 2 }] });
      ok(again, 201);
      await ta.db.kysely.updateTable('packages').set({ shipment_id: 'shp_test' }).where('tenant_id', '=', t.tenantId).where('id', '=', again.body.id).execute();
      assert.equal((await t.request('PATCH', `/v1/packages/${again.body.id}`, { weight_g: 900 })).status, 409);
      assert.equal((await t.request('DELETE', `/v1/packages/${again.body.id}`)).status, 409);
    });

    test('removing a package from a packed fulfillment order puts it back to picked', async () => {
      const t = await shop();
      const { fo } = await fulfillmentOrder(t, [{ sku: 'TEE', quantity: 1 }]);
      const p = (await t.request('POST', `/v1/fulfillment-orders/${fo}/packages`, { box: 'M', items: [{ sku: 'TEE', quantity: 1 }] })).body;
      assert.equal((await t.request('GET', `/v1/fulfillment-orders/${fo}`)).body.status, 'packed');
      assert.equal((await t.request('DELETE', `/v1/packages/${p.id}`)).status, 204);
      assert.equal((await t.request('GET', `/v1/fulfillment-orders/${fo}`)).body.status, 'picked');
    });

    test('after a pick wave only picked units are packed; nothing is packed mid-wave', async () => {
      const t = await shop();
      const { fo } = await fulfillmentOrder(t, [{ sku: 'TEE', quantity: 3 }]);
      const wave = (await t.request('POST', '/v1/pick-waves', { location: 'WH-1', fulfillment_orders: [fo] })).body;
      const midWave = await t.request('POST', `/v1/fulfillment-orders/${fo}/packages`, { box: 'L', items: [{ sku: 'TEE', quantity: 1 }] });
      assert.deepEqual([midWave.status, midWave.body.code], [409, 'invalid_transition']);
      // A short pick: 2 of 3 found; the third is backordered (no other location).
      ok(await t.request('POST', `/v1/pick-waves/${wave.id}/lines/${wave.lines[0].id}/confirm`, { picked: 2 }));
      ok(await t.request('POST', `/v1/pick-waves/${wave.id}/complete`));
      assert.equal(await statusOf(t, fo), 'picked');
      const over = await t.request('POST', `/v1/fulfillment-orders/${fo}/packages`, { box: 'L', items: [{ sku: 'TEE', quantity: 3 }] });
      assert.deepEqual([over.status, over.body.errors[0].packable], [422, 2]);
      ok(await t.request('POST', `/v1/fulfillment-orders/${fo}/packages`, { box: 'L', items: [{ sku: 'TEE', quantity: 2 }] }), 201);
      assert.equal(await statusOf(t, fo), 'packed');
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
    });

    test('parallel packers never pack more units than the fulfillment order holds', async () => {
      const t = await shop();
      const { fo } = await fulfillmentOrder(t, [{ sku: 'TEE', quantity: 5 }]);
      const results = await Promise.all(Array.from({ length: 12 }, () =>
        t.request('POST', `/v1/fulfillment-orders/${fo}/packages`, { box: 'M', items: [{ sku: 'TEE', quantity: 1 }] })));
      assert.equal(results.filter((r) => r.status === 201).length, 5, JSON.stringify(results.map((r) => r.status)));
      assert.ok(results.every((r) => r.status === 201 || r.body.code === 'exceeds_packable' || r.body.code === 'invalid_transition'));
      const packages = await listPackages(ta.db.kysely, t.tenantId, fo);
      assert.equal(packages.reduce((n, p) => n + (p.items[0]?.quantity ?? 0), 0), 5);
      assert.equal(await statusOf(t, fo), 'packed');
    });

    test('the packing slip names the order, the ship-to and every SKU', async () => {
      const t = await shop();
      const { order, fo } = await fulfillmentOrder(t, [{ sku: 'TEE', quantity: 2 }, { sku: 'MUG', quantity: 1 }]);
      ok(await t.request('POST', `/v1/fulfillment-orders/${fo}/packages`, { box: 'M', items: [{ sku: 'TEE', quantity: 2 }, { sku: 'MUG', quantity: 1 }] }), 201);
      for (const size of ['A4', 'letter']) {
        const response = await ta.app.inject({ method: 'GET', url: `/v1/fulfillment-orders/${fo}/packing-slip.pdf?size=${size}`, headers: { authorization: `Bearer ${t.key}` } });
        assert.equal(response.statusCode, 200);
        assert.match(String(response.headers['content-type']), /^application\/pdf/);
        const text = await pdfText(response.rawPayload);
        for (const expected of [`order ${order.number}`, 'Ana Lima', 'Springfield', 'TEE', 'MUG', 'Product TEE', '1.10 kg']) assert.ok(text.includes(expected), `${expected} missing in: ${text}`);
      }
      assert.equal((await t.request('GET', '/v1/fulfillment-orders/ful_nope/packing-slip.pdf')).status, 404);
    });
  });
}
