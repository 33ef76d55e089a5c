// Suppliers and purchase orders: draft → ordered → partially received → received through
// the inventory ledger, refusals that leave nothing written, cancel, roles.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { levelOf, setUpShop } from './helpers/fixtures.ts';
import { verifyInventory } from '../src/modules/inventory/index.ts';

for (const kind of testDatabases()) {
  describe(`purchasing (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    async function shop(): Promise<TenantClient> {
      const t = await ta.tenant();
      await setUpShop(t, { locations: [{ code: 'WH-1' }, { code: 'WH-2' }], products: [{ sku: 'A' }, { sku: 'B' }] });
      const supplier = await t.request('POST', '/v1/suppliers', { code: 'ACME', name: 'Acme Textiles', currency: 'USD', lead_time_days: 10 });
      assert.equal(supplier.status, 201, JSON.stringify(supplier.body));
      return t;
    }

    const draftBody = { supplier: 'ACME', location: 'WH-1', expected_date: '2030-01-15', reference: 'ACME-77', lines: [{ sku: 'A', quantity: 10, unit_cost: 250 }, { sku: 'B', quantity: 5, unit_cost: 400 }] };

    test('suppliers: create, read, change the lead time; a taken code is 409', async () => {
      const t = await shop();
      const again = await t.request('POST', '/v1/suppliers', { code: 'ACME', name: 'Other', currency: 'EUR' });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'already_exists');
      const patched = await t.request('PATCH', '/v1/suppliers/ACME', { lead_time_days: null, name: 'Acme Ltd' });
      assert.equal(patched.status, 200);
      assert.deepEqual([patched.body.name, patched.body.lead_time_days], ['Acme Ltd', null]);
      assert.equal((await t.request('GET', '/v1/suppliers')).body.data.length, 1);
      assert.equal((await t.request('GET', '/v1/suppliers/NOPE')).status, 404);
      assert.equal((await t.request('POST', '/v1/suppliers', { code: 'X', name: 'X', currency: 'usd' })).status, 422);
    });

    test('a bad purchase order names every bad field and writes nothing', async () => {
      const t = await shop();
      const r = await t.request('POST', '/v1/purchase-orders', { supplier: 'NOPE', location: 'WH-9', lines: [{ sku: 'A', quantity: 1, unit_cost: 1 }, { sku: 'ZZZ', quantity: 1, unit_cost: 1 }, { sku: 'A', quantity: 2, unit_cost: 1 }] });
      assert.equal(r.status, 422);
      assert.deepEqual(r.body.errors.map((e: { path: string }) => e.path), ['supplier', 'location', 'lines[1].sku', 'lines[2].sku']);
      const schema = await t.request('POST', '/v1/purchase-orders', { ...draftBody, lines: [{ sku: 'A', quantity: 0, unit_cost: 1 }], extra: true });
      assert.equal(schema.status, 422);
      assert.deepEqual(schema.body.errors.map((e: { path: string }) => e.path).sort(), ['extra', 'lines[0].quantity']);
      assert.equal((await t.request('POST', '/v1/purchase-orders', { ...draftBody, expected_date: '2030-02-30' })).body.errors[0].path, 'expected_date');
      assert.deepEqual((await t.request('GET', '/v1/purchase-orders')).body.data, []);
    });

    test('draft → ordered → partially received → received, through the ledger; verify stays clean', async () => {
      const t = await shop();
      const created = await t.request('POST', '/v1/purchase-orders', draftBody);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const po = created.body;
      assert.match(po.id, /^pur_/);
      assert.deepEqual([po.number, po.status, po.currency, po.total, po.expected_date, po.supplier.code, po.location], ['1001', 'draft', 'USD', 4500, '2030-01-15', 'ACME', 'WH-1']);
      assert.deepEqual(po.lines.map((l: any) => [l.sku, l.quantity, l.received, l.open, l.total]), [['A', 10, 0, 10, 2500], ['B', 5, 0, 5, 2000]]);

      const early = await t.request('POST', `/v1/purchase-orders/${po.id}/receive`, { location: 'WH-1', lines: [{ sku: 'A', quantity: 1 }] });
      assert.equal(early.status, 409, 'a draft is not received');
      assert.equal(early.body.code, 'invalid_transition');

      const submitted = await t.request('POST', `/v1/purchase-orders/${po.number}/submit`);
      assert.equal(submitted.status, 200);
      assert.equal(submitted.body.status, 'ordered');
      assert.ok(submitted.body.submitted_at);
      assert.equal((await t.request('POST', `/v1/purchase-orders/${po.id}/submit`)).status, 409);

      // A SKU may come in on two lines of one delivery; they add up.
      const partial = await t.request('POST', `/v1/purchase-orders/${po.id}/receive`, { location: 'WH-1', lines: [{ sku: 'A', quantity: 4 }, { sku: 'B', quantity: 5 }, { sku: 'A', quantity: 2 }] });
      assert.equal(partial.status, 200, JSON.stringify(partial.body));
      assert.equal(partial.body.status, 'partially_received');
      assert.deepEqual(partial.body.lines.map((l: any) => [l.sku, l.received, l.open]), [['A', 6, 4], ['B', 5, 0]]);
      assert.equal((await levelOf(t, 'A', 'WH-1')).on_hand, 6);
      const ledger = await t.request('GET', '/v1/inventory/movements?sku=A&location=WH-1');
      assert.equal(ledger.body.data[0].reason, 'receipt');
      assert.equal(ledger.body.data[0].delta_on_hand, 6);
      assert.match(ledger.body.data[0].note, new RegExp(`^purchase order 1001, receipt ${partial.body.receipts[0].id}$`));

      // Refusals change nothing: more than is open, a SKU not on the order, an unknown location.
      const over = await t.request('POST', `/v1/purchase-orders/${po.id}/receive`, { location: 'WH-1', lines: [{ sku: 'A', quantity: 3 }, { sku: 'A', quantity: 2 }] });
      assert.equal(over.status, 422);
      assert.deepEqual(over.body.errors.map((e: any) => [e.path, e.open, e.requested]), [['lines[1].quantity', 4, 5]]);
      const stranger = await t.request('POST', `/v1/purchase-orders/${po.id}/receive`, { location: 'WH-7', lines: [{ sku: 'ZZZ', quantity: 1 }] });
      assert.deepEqual(stranger.body.errors.map((e: any) => e.path), ['location', 'lines[0].sku']);
      assert.equal((await levelOf(t, 'A', 'WH-1')).on_hand, 6);

      // A retried delivery with the same Idempotency-Key is received once.
      const once = { location: 'WH-1', lines: [{ sku: 'A', quantity: 1 }] };
      const first = await t.request('POST', `/v1/purchase-orders/${po.id}/receive`, once, { 'idempotency-key': 'dock-42' });
      const replay = await t.request('POST', `/v1/purchase-orders/${po.id}/receive`, once, { 'idempotency-key': 'dock-42' });
      assert.equal(replay.headers['idempotent-replayed'], 'true');
      assert.deepEqual(replay.body, first.body);
      assert.equal((await levelOf(t, 'A', 'WH-1')).on_hand, 7);

      // The rest arrives at another warehouse.
      const done = await t.request('POST', `/v1/purchase-orders/${po.id}/receive`, { location: 'WH-2', lines: [{ sku: 'A', quantity: 3 }], note: 'redirected' });
      assert.equal(done.status, 200);
      assert.equal(done.body.status, 'received');
      assert.ok(done.body.received_at);
      assert.deepEqual(done.body.receipts.map((r: any) => [r.location, r.lines]), [
        ['WH-1', [{ sku: 'A', quantity: 6 }, { sku: 'B', quantity: 5 }]], ['WH-1', [{ sku: 'A', quantity: 1 }]], ['WH-2', [{ sku: 'A', quantity: 3 }]],
      ]);
      assert.equal((await levelOf(t, 'A', 'WH-2')).on_hand, 3);
      assert.equal((await t.request('POST', `/v1/purchase-orders/${po.id}/receive`, { location: 'WH-1', lines: [{ sku: 'A', quantity: 1 }] })).status, 409);
      assert.equal((await t.request('POST', `/v1/purchase-orders/${po.id}/cancel`, { reason: 'too late' })).status, 409);
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
    });

    test('cancel closes an order short; lists filter by status, supplier and location and page', async () => {
      const t = await shop();
      const a = (await t.request('POST', '/v1/purchase-orders', draftBody)).body;
      const b = (await t.request('POST', '/v1/purchase-orders', { ...draftBody, location: 'WH-2' })).body;
      await t.request('POST', `/v1/purchase-orders/${b.id}/submit`);
      await t.request('POST', `/v1/purchase-orders/${b.id}/receive`, { location: 'WH-2', lines: [{ sku: 'B', quantity: 2 }] });
      const canceled = await t.request('POST', `/v1/purchase-orders/${b.id}/cancel`, { reason: 'supplier out of stock' });
      assert.equal(canceled.status, 200);
      assert.deepEqual([canceled.body.status, canceled.body.cancel_reason], ['canceled', 'supplier out of stock']);
      assert.deepEqual(canceled.body.lines.map((l: any) => [l.received, l.open]), [[0, 0], [2, 0]]);
      assert.equal((await levelOf(t, 'B', 'WH-2')).on_hand, 2, 'received stock stays');
      assert.equal((await t.request('POST', `/v1/purchase-orders/${a.id}/cancel`)).body.status, 'canceled', 'a draft cancels without a reason');

      const page = await t.request('GET', '/v1/purchase-orders?limit=1');
      assert.equal(page.body.data[0].id, b.id, 'newest first');
      const next = await t.request('GET', `/v1/purchase-orders?limit=1&cursor=${page.body.next_cursor}`);
      assert.deepEqual([next.body.data[0].id, next.body.next_cursor], [a.id, null]);
      assert.equal((await t.request('GET', '/v1/purchase-orders?location=WH-2')).body.data.length, 1);
      assert.equal((await t.request('GET', '/v1/purchase-orders?supplier=NOPE')).body.data.length, 0);
      assert.equal((await t.request('GET', '/v1/purchase-orders?status=received')).body.data.length, 0);
      assert.equal((await t.request('GET', '/v1/purchase-orders?status=lost')).status, 422);
      assert.equal((await t.request('GET', '/v1/purchase-orders/9999')).status, 404);
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
    });

    test('analysts read purchase orders, only admin and warehouse keys write them', async () => {
      const t = await shop();
      const analyst = t.as(await t.keyFor('analyst'));
      const warehouse = t.as(await t.keyFor('warehouse'));
      assert.equal((await analyst.request('POST', '/v1/purchase-orders', draftBody)).status, 403);
      const created = await warehouse.request('POST', '/v1/purchase-orders', draftBody);
      assert.equal(created.status, 201);
      assert.equal((await analyst.request('GET', `/v1/purchase-orders/${created.body.id}`)).status, 200);
      assert.equal((await analyst.request('POST', `/v1/purchase-orders/${created.body.id}/submit`)).status, 403);
      const other = await ta.tenant();
      assert.equal((await other.request('GET', `/v1/purchase-orders/${created.body.id}`)).status, 404, 'tenants stay apart');
    });
  });
}
