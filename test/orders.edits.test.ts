import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import fc from 'fast-check';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { levelOf, orderBody, setUpShop } from './helpers/fixtures.ts';
import { verifyInventory } from '../src/modules/inventory/index.ts';
import { processPendingPaymentTransactions } from '../src/modules/payments/index.ts';

for (const kind of testDatabases()) {
  describe(`order edits (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    /** Rows an edit could write, counted: a refused or previewed edit must leave them all alone. */
    async function footprint(t: TenantClient, orderId: string) {
      const count = async (table: 'order_edits' | 'outbox' | 'order_events' | 'inventory_movements' | 'order_allocations' | 'order_lines' | 'fulfillment_orders') =>
        Number((await ta.db.kysely.selectFrom(table).select(sql<string>`count(*)`.as('n')).where('tenant_id', '=', t.tenantId).executeTakeFirstOrThrow()).n);
      return {
        order: (await t.request('GET', `/v1/orders/${orderId}`)).body,
        levels: (await t.request('GET', '/v1/inventory/levels')).body.data,
        counts: {
          edits: await count('order_edits'), outbox: await count('outbox'), events: await count('order_events'), movements: await count('inventory_movements'),
          allocations: await count('order_allocations'), lines: await count('order_lines'), fulfillment: await count('fulfillment_orders'),
        },
        version: (await ta.db.kysely.selectFrom('orders').select('version').where('tenant_id', '=', t.tenantId).where('id', '=', orderId).executeTakeFirstOrThrow()).version,
      };
    }

    async function assertBooksBalance(t: TenantClient) {
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
    }

    async function shop(stock: Record<string, Record<string, number>>, products = [{ sku: 'TEE', price: 1999 }, { sku: 'MUG', price: 1250 }, { sku: 'CAP', price: 800, policy: 'continue' as const }]) {
      const t = await ta.tenant();
      await setUpShop(t, { locations: [{ code: 'WH-1', priority: 1 }, { code: 'WH-2', priority: 2 }], products, stock });
      return t;
    }

    async function place(t: TenantClient, lines: { sku: string; quantity: number; unit_price?: number }[], extra: Record<string, unknown> = {}) {
      const r = await t.request('POST', '/v1/orders', orderBody(lines, extra));
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body;
    }

    test('preview shows totals, lines, payment difference and stock moves, and writes nothing', async () => {
      const t = await shop({ TEE: { 'WH-1': 10 }, MUG: { 'WH-1': 1, 'WH-2': 5 } });
      const order = await place(t, [{ sku: 'TEE', quantity: 2 }, { sku: 'MUG', quantity: 1 }], { discount_total: 100, shipping: { method: 'standard', amount: 500 } });
      const [tee, mug] = order.lines;
      const before = await footprint(t, order.id);
      const changes = [
        { op: 'set_quantity', line_id: tee.id, quantity: 3 },
        { op: 'remove_line', line_id: mug.id },
        { op: 'add_line', sku: 'MUG', quantity: 2, unit_price: 1100 },
        { op: 'set_shipping', method: 'express', amount: 900 },
      ];
      const r = await t.request('POST', `/v1/orders/${order.number}/edits/preview`, { changes });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.version, 1);
      assert.deepEqual(r.body.current, { subtotal: 5248, discount_total: 100, shipping_total: 500, tax_total: 0, total: 5648 });
      assert.deepEqual(r.body.proposed, { subtotal: 5997 + 2200, discount_total: 100, shipping_total: 900, tax_total: 0, total: 8197 - 100 + 900 });
      assert.equal(r.body.payment_difference, 8997 - 5648);
      assert.equal(r.body.payment_action, 'none');
      assert.deepEqual(r.body.lines.map((l: any) => [l.sku, l.quantity, l.canceled, l.total, l.change]),
        [['TEE', 3, 0, 5997, 'changed'], ['MUG', 1, 1, 0, 'removed'], ['MUG', 2, 0, 2200, 'added']]);
      // The discount is shared again over the new lines, to the minor unit.
      assert.deepEqual(r.body.lines.map((l: any) => l.discount_allocated), [73, 0, 27]);
      // The removed MUG's unit at WH-1 goes to the added line (the order's own location
      // first); its second unit comes from WH-2.
      assert.deepEqual(r.body.stock, [{ sku: 'MUG', location: 'WH-2', delta: 1 }, { sku: 'TEE', location: 'WH-1', delta: 1 }]);
      assert.deepEqual(await footprint(t, order.id), before);
    });

    test('confirm applies the edit in one go: lines, stock, totals, version, history, timeline, outbox', async () => {
      const t = await shop({ TEE: { 'WH-1': 10 }, MUG: { 'WH-1': 1, 'WH-2': 5 } });
      const order = await place(t, [{ sku: 'TEE', quantity: 2 }, { sku: 'MUG', quantity: 1 }], { shipping: { method: 'standard', amount: 500 } });
      const [tee, mug] = order.lines;
      const changes = [
        { op: 'set_quantity', line_id: tee.id, quantity: 1 },
        { op: 'remove_line', line_id: mug.id },
        { op: 'add_line', sku: 'MUG', quantity: 3 },
        { op: 'set_shipping_address', address: { line1: '9 Elm St', city: 'Shelbyville', postal_code: '62565', country: 'US' } },
      ];
      const preview = await t.request('POST', `/v1/orders/${order.id}/edits/preview`, { changes });
      const r = await t.request('POST', `/v1/orders/${order.id}/edits`, { changes, expected_version: preview.body.version });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.version, 2);
      assert.match(r.body.id, /^edt_/);
      assert.deepEqual(r.body.new_totals, preview.body.proposed);
      assert.equal(r.body.payment_difference, preview.body.payment_difference);
      assert.equal(r.body.payment_difference, (1999 + 3750 + 500) - (3998 + 1250 + 500));
      assert.deepEqual(r.body.stock, preview.body.stock);
      assert.equal(r.body.order.total, 1999 + 3750 + 500);
      assert.equal(r.body.order.shipping_address.city, 'Shelbyville');
      assert.deepEqual(r.body.order.lines.map((l: any) => [l.sku, l.quantity, l.total]), [['TEE', 1, 1999], ['MUG', 1, 0], ['MUG', 3, 3750]]);
      // MUG: the removed line's unit at WH-1 came back and went to the new line, with two more from WH-2.
      assert.deepEqual(r.body.order.lines[2].allocations.map((a: any) => [a.location, a.quantity]).sort(), [['WH-1', 1], ['WH-2', 2]]);
      assert.deepEqual(r.body.order.lines[1].allocations, []);
      const mugLine = await ta.db.kysely.selectFrom('order_lines').select(['quantity', 'canceled', 'total']).where('tenant_id', '=', t.tenantId).where('id', '=', mug.id).executeTakeFirstOrThrow();
      assert.deepEqual([mugLine.quantity, mugLine.canceled, Number(mugLine.total)], [1, 1, 0]);
      assert.deepEqual([(await levelOf(t, 'TEE', 'WH-1')).reserved, (await levelOf(t, 'MUG', 'WH-1')).reserved, (await levelOf(t, 'MUG', 'WH-2')).reserved], [1, 1, 2]);
      const movements = (await t.request('GET', '/v1/inventory/movements?sku=TEE')).body.data;
      assert.deepEqual(movements.map((m: any) => [m.reason, m.delta_reserved]), [['release', -1], ['reservation', 2], ['receipt', 0]]);
      await assertBooksBalance(t);

      const events = (await t.request('GET', `/v1/orders/${order.id}/events`)).body.data;
      const edited = events.find((e: any) => e.type === 'order.edited');
      assert.deepEqual([edited.data.version, edited.data.difference, edited.data.changes], [2, r.body.payment_difference, changes]);
      const outbox = await ta.db.kysely.selectFrom('outbox').select(['payload']).where('tenant_id', '=', t.tenantId).where('topic', '=', 'order.edited').execute();
      assert.equal(outbox.length, 1);
      assert.deepEqual([outbox[0]?.payload.order_id, outbox[0]?.payload.edit_id, outbox[0]?.payload.version], [order.id, r.body.id, 2]);
      const list = await t.request('GET', `/v1/orders/${order.number}/edits`);
      assert.deepEqual(list.body.data.map((e: any) => [e.id, e.version, e.payment_difference]), [[r.body.id, 2, r.body.payment_difference]]);
      assert.deepEqual(list.body.data[0].changes, changes);
      assert.deepEqual(list.body.data[0].previous_totals, preview.body.current);

      // The next edit needs the new version; the old one is stale.
      const stale = await t.request('POST', `/v1/orders/${order.id}/edits`, { changes: [{ op: 'set_quantity', line_id: tee.id, quantity: 2 }], expected_version: 1 });
      assert.deepEqual([stale.status, stale.body.code, stale.body.current_version], [409, 'version_conflict', 2]);
    });

    test('new units join the open fulfillment order at their location or open one there; emptied ones are canceled', async () => {
      const t = await shop({ TEE: { 'WH-1': 3 }, MUG: { 'WH-2': 5 } });
      const order = await place(t, [{ sku: 'TEE', quantity: 1 }]);
      const fulfillmentOrders = () => ta.db.kysely.selectFrom('fulfillment_orders as f')
        .innerJoin('locations as l', (j) => j.onRef('l.tenant_id', '=', 'f.tenant_id').onRef('l.id', '=', 'f.location_id'))
        .select(['f.id', 'l.code', 'f.status']).where('f.tenant_id', '=', t.tenantId).where('f.order_id', '=', order.id).orderBy('l.code').execute();
      const [first] = await fulfillmentOrders();
      const r = await t.request('POST', `/v1/orders/${order.id}/edits`, {
        expected_version: 1, changes: [{ op: 'set_quantity', line_id: order.lines[0].id, quantity: 2 }, { op: 'add_line', sku: 'MUG', quantity: 1 }],
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const after = await fulfillmentOrders();
      assert.deepEqual(after.map((f) => [f.code, f.status]), [['WH-1', 'open'], ['WH-2', 'open']]);
      assert.equal(after[0]?.id, first?.id);
      const allocations = await ta.db.kysely.selectFrom('order_allocations').select(['fulfillment_order_id', 'location_id', 'status'])
        .where('tenant_id', '=', t.tenantId).where('order_id', '=', order.id).where('status', '=', 'reserved').execute();
      assert.equal(new Set(allocations.map((a) => `${a.location_id}/${a.fulfillment_order_id}`)).size, 2);
      assert.equal(allocations.filter((a) => a.fulfillment_order_id === first?.id).length, 2);
      const removed = await t.request('POST', `/v1/orders/${order.id}/edits`, { expected_version: 2, changes: [{ op: 'remove_line', line_id: order.lines[0].id }] });
      assert.equal(removed.status, 201, JSON.stringify(removed.body));
      assert.deepEqual((await fulfillmentOrders()).map((f) => [f.code, f.status]), [['WH-1', 'canceled'], ['WH-2', 'open']]);
      await assertBooksBalance(t);
    });

    test('a decrease gives back backordered units first, then the newest reservations; continue SKUs backorder, deny SKUs refuse', async () => {
      const t = await shop({ CAP: { 'WH-1': 2 }, TEE: { 'WH-1': 3 } });
      const order = await place(t, [{ sku: 'CAP', quantity: 5 }, { sku: 'TEE', quantity: 1 }]);
      assert.equal(order.lines[0].backordered, 3);
      const down = await t.request('POST', `/v1/orders/${order.id}/edits`, { expected_version: 1, changes: [{ op: 'set_quantity', line_id: order.lines[0].id, quantity: 3 }] });
      assert.deepEqual([down.body.order.lines[0].backordered, down.body.order.lines[0].allocations[0].quantity], [1, 2]);
      assert.deepEqual(down.body.stock, [{ sku: 'CAP', location: null, delta: -2 }]);
      const up = await t.request('POST', `/v1/orders/${order.id}/edits`, { expected_version: 2, changes: [{ op: 'set_quantity', line_id: order.lines[0].id, quantity: 6 }] });
      assert.equal(up.body.order.lines[0].backordered, 4);

      const before = await footprint(t, order.id);
      const short = await t.request('POST', `/v1/orders/${order.id}/edits`, { expected_version: 3, changes: [{ op: 'set_quantity', line_id: order.lines[1].id, quantity: 9 }] });
      assert.deepEqual([short.status, short.body.code], [422, 'insufficient_inventory']);
      assert.deepEqual(short.body.errors.map((e: any) => [e.path, e.sku, e.requested, e.available]), [['changes[0].quantity', 'TEE', 8, 2]]);
      assert.deepEqual(await footprint(t, order.id), before);
      const preview = await t.request('POST', `/v1/orders/${order.id}/edits/preview`, { changes: [{ op: 'set_quantity', line_id: order.lines[1].id, quantity: 9 }] });
      assert.deepEqual([preview.status, preview.body.code], [422, 'insufficient_inventory']);
      await assertBooksBalance(t);
    });

    test('added lines are priced like intake: sent unit_price, else channel price, else catalog price', async () => {
      const t = await shop({ TEE: { 'WH-1': 10 }, MUG: { 'WH-1': 10 } });
      assert.equal((await t.request('PUT', '/v1/products/MUG/prices/web', { price: 1111, currency: 'USD' })).status, 200);
      const order = await place(t, [{ sku: 'TEE', quantity: 1 }]);
      const r = await t.request('POST', `/v1/orders/${order.id}/edits/preview`, { changes: [
        { op: 'add_line', sku: 'MUG', quantity: 1 }, { op: 'add_line', sku: 'TEE', quantity: 1 }, { op: 'add_line', sku: 'TEE', quantity: 1, unit_price: 5 },
      ] });
      assert.deepEqual(r.body.lines.map((l: any) => l.unit_price), [1999, 1111, 1999, 5]);
      const eur = await place(t, [{ sku: 'TEE', quantity: 1, unit_price: 100 }], { currency: 'EUR' });
      const noPrice = await t.request('POST', `/v1/orders/${eur.id}/edits/preview`, { changes: [{ op: 'add_line', sku: 'MUG', quantity: 1 }] });
      assert.deepEqual([noPrice.status, noPrice.body.errors[0].path], [422, 'changes[0].unit_price']);
    });

    test('bad input is 422 with paths and writes nothing', async () => {
      const t = await shop({ TEE: { 'WH-1': 10 } });
      const order = await place(t, [{ sku: 'TEE', quantity: 2 }]);
      const lineId = order.lines[0].id;
      const before = await footprint(t, order.id);
      const cases: [unknown, string][] = [
        [{ changes: [], expected_version: 1 }, 'changes'],
        [{ changes: [{ op: 'set_quantity', line_id: lineId, quantity: 1 }] }, 'expected_version'],
        [{ changes: [{ op: 'set_quantity', line_id: lineId, quantity: 0 }], expected_version: 1 }, 'changes[0].quantity'],
        [{ changes: [{ op: 'set_quantity', line_id: lineId, quantity: '2' }], expected_version: 1 }, 'changes[0].quantity'],
        [{ changes: [{ op: 'set_quantity', line_id: lineId, quantity: 1, extra: true }], expected_version: 1 }, 'changes[0].extra'],
        [{ changes: [{ op: 'teleport' }], expected_version: 1 }, 'changes[0].op'],
        [{ changes: [{ op: 'set_quantity', line_id: 'oln_nope', quantity: 1 }], expected_version: 1 }, 'changes[0].line_id'],
        [{ changes: [{ op: 'add_line', sku: 'NOPE', quantity: 1 }], expected_version: 1 }, 'changes[0].sku'],
        [{ changes: [{ op: 'remove_line', line_id: lineId }], expected_version: 1 }, 'changes'],
        [{ changes: [{ op: 'set_shipping', method: 'x', amount: -1 }], expected_version: 1 }, 'changes[0].amount'],
        [{ changes: [{ op: 'set_shipping_address', address: { line1: 'x' } }], expected_version: 1 }, 'changes[0].address.city'],
      ];
      for (const [body, path] of cases) {
        const r = await t.request('POST', `/v1/orders/${order.id}/edits`, body);
        assert.equal(r.status, 422, `${JSON.stringify(body)}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.code, 'validation_failed');
        assert.ok(r.body.errors.some((e: any) => e.path === path), `${path} in ${JSON.stringify(r.body.errors)}`);
      }
      const unknownOrder = await t.request('POST', '/v1/orders/999999/edits/preview', { changes: [{ op: 'set_quantity', line_id: lineId, quantity: 1 }] });
      assert.equal(unknownOrder.status, 404);
      assert.deepEqual(await footprint(t, order.id), before);
    });

    test('a discount larger than the new subtotal is refused', async () => {
      const t = await shop({ TEE: { 'WH-1': 10 }, MUG: { 'WH-1': 10 } });
      const order = await place(t, [{ sku: 'TEE', quantity: 1 }, { sku: 'MUG', quantity: 1 }], { discount_total: 1500 });
      const r = await t.request('POST', `/v1/orders/${order.id}/edits`, { expected_version: 1, changes: [{ op: 'remove_line', line_id: order.lines[0].id }] });
      assert.deepEqual([r.status, r.body.code, r.body.errors[0].path], [422, 'validation_failed', 'discount_total']);
    });

    test('picked and shipped units stay: 409 order_not_editable with the path; on-hold orders edit, canceled ones do not', async () => {
      const t = await shop({ TEE: { 'WH-1': 10 }, MUG: { 'WH-1': 10 } });
      const order = await place(t, [{ sku: 'TEE', quantity: 4 }, { sku: 'MUG', quantity: 2 }]);
      const [tee, mug] = order.lines;
      // Two TEE units picked (the picking module's column), one MUG shipped (books kept balanced).
      await ta.db.kysely.updateTable('order_allocations').set({ picked: 2 }).where('tenant_id', '=', t.tenantId).where('order_line_id', '=', tee.id).execute();
      await ship(t, order.id, mug.id, 1);
      const before = await footprint(t, order.id);
      for (const [changes, path] of [
        [[{ op: 'set_quantity', line_id: tee.id, quantity: 1 }], 'changes[0].quantity'],
        [[{ op: 'remove_line', line_id: tee.id }], 'changes[0].line_id'],
        [[{ op: 'set_quantity', line_id: tee.id, quantity: 5 }, { op: 'remove_line', line_id: mug.id }], 'changes[1].line_id'],
        [[{ op: 'set_shipping', method: 'express', amount: 100 }], 'changes[0]'],
      ] as const) {
        const r = await t.request('POST', `/v1/orders/${order.id}/edits`, { expected_version: 1, changes });
        assert.deepEqual([r.status, r.body.code, r.body.errors?.[0]?.path], [409, 'order_not_editable', path], JSON.stringify(r.body).slice(0, 3000));
      }
      assert.deepEqual(await footprint(t, order.id), before);
      // Down to the picked units is fine; the unpicked ones go back.
      const ok = await t.request('POST', `/v1/orders/${order.id}/edits`, { expected_version: 1, changes: [{ op: 'set_quantity', line_id: tee.id, quantity: 2 }, { op: 'set_quantity', line_id: mug.id, quantity: 1 }] });
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      assert.equal((await levelOf(t, 'TEE', 'WH-1')).reserved, 2);
      await assertBooksBalance(t);

      await t.request('POST', `/v1/orders/${order.id}/hold`, { reason: 'check' });
      const held = await t.request('POST', `/v1/orders/${order.id}/edits`, { expected_version: 2, changes: [{ op: 'set_quantity', line_id: tee.id, quantity: 3 }] });
      assert.equal(held.status, 201, JSON.stringify(held.body));
      assert.equal(held.body.order.status, 'on_hold');

      const other = await place(t, [{ sku: 'TEE', quantity: 1 }]);
      await t.request('POST', `/v1/orders/${other.id}/cancel`, { reason: 'x' });
      const canceled = await t.request('POST', `/v1/orders/${other.id}/edits/preview`, { changes: [{ op: 'set_quantity', line_id: other.lines[0].id, quantity: 2 }] });
      assert.deepEqual([canceled.status, canceled.body.code, canceled.body.order_status], [409, 'order_not_editable', 'canceled']);
    });

    /** Ships units of a line the way fulfillment does to the books: allocation fulfilled, stock out, one ledger row. */
    async function ship(t: TenantClient, orderId: string, lineId: string, quantity: number) {
      const db = ta.db.kysely;
      const a = await db.selectFrom('order_allocations').select(['id', 'product_id', 'location_id', 'quantity', 'fulfillment_order_id'])
        .where('tenant_id', '=', t.tenantId).where('order_line_id', '=', lineId).where('status', '=', 'reserved').executeTakeFirstOrThrow();
      await db.updateTable('order_allocations').set({ quantity: a.quantity - quantity }).where('tenant_id', '=', t.tenantId).where('id', '=', a.id).execute();
      await db.insertInto('order_allocations').values({
        tenant_id: t.tenantId, id: `alc_${'0'.repeat(25)}${quantity}`, order_id: orderId, order_line_id: lineId, product_id: a.product_id,
        location_id: a.location_id, quantity, status: 'fulfilled', fulfillment_order_id: a.fulfillment_order_id,
      }).execute();
      await db.updateTable('inventory_levels').set({ on_hand: sql`on_hand - ${quantity}::int`, reserved: sql`reserved - ${quantity}::int` })
        .where('tenant_id', '=', t.tenantId).where('product_id', '=', a.product_id).where('location_id', '=', a.location_id).execute();
      await db.insertInto('inventory_movements').values({
        tenant_id: t.tenantId, product_id: a.product_id, location_id: a.location_id, delta_on_hand: -quantity, delta_reserved: -quantity,
        reason: 'shipment', order_id: orderId, note: null, actor: 'test',
      }).execute();
    }

    /** The order's payments and their provider calls, as the books hold them. */
    async function money(t: TenantClient, orderId: string) {
      await processPendingPaymentTransactions(ta.db.kysely, { orderId });
      const payments = await ta.db.kysely.selectFrom('payments').select(['id', 'provider', 'amount', 'status', 'authorized_amount', 'captured_amount', 'refunded_amount'])
        .where('tenant_id', '=', t.tenantId).where('order_id', '=', orderId).orderBy('created_at').orderBy('id').execute();
      const calls = payments.length === 0 ? [] : await ta.db.kysely.selectFrom('payment_transactions').select(['kind', 'amount', 'status'])
        .where('tenant_id', '=', t.tenantId).where('payment_id', 'in', payments.map((p) => p.id)).execute();
      const sum = (kind: string) => calls.filter((c) => c.kind === kind).reduce((n, c) => n + Number(c.amount), 0);
      return { payments, authorized: sum('authorize'), voided: sum('void'), refunded: sum('refund'), captured: sum('capture') };
    }

    async function editBoth(t: TenantClient, orderId: string, version: number, changes: unknown[]) {
      const preview = await t.request('POST', `/v1/orders/${orderId}/edits/preview`, { changes });
      const confirmed = await t.request('POST', `/v1/orders/${orderId}/edits`, { changes, expected_version: version });
      assert.equal(confirmed.status, 201, JSON.stringify(confirmed.body));
      assert.equal(confirmed.body.payment_action, preview.body.payment_action, 'the preview said what the confirmation did');
      assert.equal(confirmed.body.payment_difference, preview.body.payment_difference);
      return confirmed.body;
    }

    test('payment difference: more authorizes exactly the difference, less voids uncaptured money, to the minor unit', async () => {
      const t = await shop({ TEE: { 'WH-1': 10 }, MUG: { 'WH-1': 10 } });
      const order = await place(t, [{ sku: 'TEE', quantity: 2 }], { shipping: { method: 'standard', amount: 499 }, discount_total: 3, payment: { provider: 'test_card', token: 'tok_approve' } });
      const [tee] = order.lines;
      const start = await money(t, order.id);
      assert.deepEqual([start.payments.length, start.authorized], [1, 3998 + 499 - 3]);

      const up = await editBoth(t, order.id, 1, [{ op: 'set_quantity', line_id: tee.id, quantity: 3 }, { op: 'add_line', sku: 'MUG', quantity: 1, unit_price: 1 }]);
      assert.deepEqual([up.payment_action, up.payment_difference], ['authorize', 2000]);
      const afterUp = await money(t, order.id);
      assert.equal(afterUp.payments.length, 2);
      assert.deepEqual([Number(afterUp.payments[1]?.amount), Number(afterUp.payments[1]?.authorized_amount), afterUp.payments[1]?.status], [2000, 2000, 'authorized']);
      assert.equal(afterUp.authorized, up.new_totals.total);

      const down = await editBoth(t, order.id, 2, [{ op: 'set_quantity', line_id: tee.id, quantity: 1 }]);
      assert.deepEqual([down.payment_action, down.payment_difference], ['void', -3998]);
      const afterDown = await money(t, order.id);
      assert.equal(afterDown.voided, 3998);
      assert.equal(afterDown.authorized - afterDown.voided, down.new_totals.total);
      const none = await editBoth(t, order.id, 3, [{ op: 'set_shipping_address', address: { line1: '2 Oak St', city: 'Springfield', postal_code: '62701', country: 'US' } }]);
      assert.deepEqual([none.payment_action, none.payment_difference], ['none', 0]);
    });

    test('payment difference: less on a paid order refunds exactly the difference', async () => {
      const t = await shop({ TEE: { 'WH-1': 10 }, MUG: { 'WH-1': 10 } });
      const order = await place(t, [{ sku: 'TEE', quantity: 2 }, { sku: 'MUG', quantity: 1 }], { discount_total: 1, payment: { provider: 'manual' } });
      const [payment] = (await money(t, order.id)).payments;
      const paid = await t.request('POST', `/v1/payments/${payment?.id}/mark-paid`);
      assert.equal(paid.status, 200, JSON.stringify(paid.body));
      const down = await editBoth(t, order.id, 1, [{ op: 'remove_line', line_id: order.lines[1].id }]);
      assert.deepEqual([down.payment_action, down.payment_difference], ['refund', -1250]);
      const refunds = await ta.db.kysely.selectFrom('refunds').select(['amount', 'reason']).where('tenant_id', '=', t.tenantId).where('order_id', '=', order.id).execute();
      assert.deepEqual(refunds.map((r) => Number(r.amount)), [1250]);
      assert.equal((await money(t, order.id)).refunded, 1250);
      // An order without any payment has nothing to settle: the difference is recorded only.
      const unpaid = await place(t, [{ sku: 'TEE', quantity: 1 }]);
      const more = await editBoth(t, unpaid.id, 1, [{ op: 'set_quantity', line_id: unpaid.lines[0].id, quantity: 2 }]);
      assert.deepEqual([more.payment_action, more.payment_difference], ['none', 1999]);
      assert.equal((await money(t, unpaid.id)).payments.length, 0);
    });

    test('an Idempotency-Key replays the confirmed edit; nothing is applied twice', async () => {
      const t = await shop({ TEE: { 'WH-1': 10 } });
      const order = await place(t, [{ sku: 'TEE', quantity: 1 }]);
      const body = { expected_version: 1, changes: [{ op: 'set_quantity', line_id: order.lines[0].id, quantity: 3 }] };
      const first = await t.request('POST', `/v1/orders/${order.id}/edits`, body, { 'idempotency-key': 'edit-1' });
      const again = await t.request('POST', `/v1/orders/${order.id}/edits`, body, { 'idempotency-key': 'edit-1' });
      assert.deepEqual([first.status, again.status, again.body.id], [201, 201, first.body.id]);
      assert.equal((await levelOf(t, 'TEE', 'WH-1')).reserved, 3);
      assert.equal((await t.request('GET', `/v1/orders/${order.id}/edits`)).body.data.length, 1);
    });

    test('20 parallel confirmations of one version: exactly one wins, the rest are version_conflict', async () => {
      const t = await shop({ TEE: { 'WH-1': 100 } });
      const order = await place(t, [{ sku: 'TEE', quantity: 1 }]);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => t.request('POST', `/v1/orders/${order.id}/edits`, {
        expected_version: 1, changes: [{ op: 'set_quantity', line_id: order.lines[0].id, quantity: i + 2 }],
      })));
      const won = results.filter((r) => r.status === 201);
      assert.equal(won.length, 1, JSON.stringify(results.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.body)));
      assert.ok(results.every((r) => r.status === 201 || r.body.code === 'version_conflict'));
      const quantity = won[0]?.body.order.lines[0].quantity;
      assert.equal((await levelOf(t, 'TEE', 'WH-1')).reserved, quantity);
      assert.equal((await footprint(t, order.id)).version, 2);
      await assertBooksBalance(t);
    });

    test('20 orders racing edits for the last 5 units: exactly 5 get one, nothing oversold', async () => {
      const t = await shop({ TEE: { 'WH-1': 40 }, MUG: { 'WH-1': 5 } });
      const orders = [];
      for (let i = 0; i < 20; i++) orders.push(await place(t, [{ sku: 'TEE', quantity: 1 }]));
      const results = await Promise.all(orders.map((o) => t.request('POST', `/v1/orders/${o.id}/edits`, {
        expected_version: 1, changes: [{ op: 'add_line', sku: 'MUG', quantity: 1 }, { op: 'set_quantity', line_id: o.lines[0].id, quantity: 2 }],
      })));
      assert.equal(results.filter((r) => r.status === 201).length, 5);
      assert.ok(results.every((r) => r.status === 201 || r.body.code === 'insufficient_inventory'), JSON.stringify(results.map((r) => r.body.code)));
      assert.deepEqual([(await levelOf(t, 'MUG', 'WH-1')).available, (await levelOf(t, 'TEE', 'WH-1')).reserved], [0, 25]);
      await assertBooksBalance(t);
    });

    test('property: random edit sequences keep the ledger balanced and every total the sum of its lines', async () => {
      const t = await shop({ TEE: { 'WH-1': 6, 'WH-2': 4 }, MUG: { 'WH-2': 5 }, CAP: { 'WH-1': 2 } });
      const change = fc.oneof(
        fc.record({ op: fc.constant('set_quantity'), line: fc.nat(5), quantity: fc.integer({ min: 1, max: 6 }) }),
        fc.record({ op: fc.constant('remove_line'), line: fc.nat(5) }),
        fc.record({ op: fc.constant('add_line'), sku: fc.constantFrom('TEE', 'MUG', 'CAP'), quantity: fc.integer({ min: 1, max: 4 }) }),
        fc.record({ op: fc.constant('set_shipping'), amount: fc.integer({ min: 0, max: 900 }) }),
      );
      let confirmed = 0;
      await fc.assert(fc.asyncProperty(fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), async (edits) => {
        const order = await place(t, [{ sku: 'TEE', quantity: 1 }, { sku: 'CAP', quantity: 1 }], { discount_total: 7 });
        let version = 1;
        for (const edit of edits) {
          const current = (await t.request('GET', `/v1/orders/${order.id}`)).body;
          const changes = edit.map((c: any) => {
            const line = current.lines[c.line % current.lines.length];
            if (c.op === 'set_quantity') return { op: c.op, line_id: line.id, quantity: c.quantity };
            if (c.op === 'remove_line') return { op: c.op, line_id: line.id };
            if (c.op === 'set_shipping') return { op: c.op, method: 'standard', amount: c.amount };
            return { op: c.op, sku: c.sku, quantity: c.quantity };
          });
          const preview = await t.request('POST', `/v1/orders/${order.id}/edits/preview`, { changes });
          const r = await t.request('POST', `/v1/orders/${order.id}/edits`, { changes, expected_version: version });
          assert.equal(r.status === 201 ? 200 : r.status, preview.status, `preview and confirm agree: ${JSON.stringify([preview.body, r.body])}`);
          if (r.status !== 201) {
            assert.ok([409, 422].includes(r.status), JSON.stringify(r.body));
            continue;
          }
          version += 1;
          confirmed += 1;
          assert.equal(r.body.version, version);
          assert.deepEqual(r.body.new_totals, preview.body.proposed);
          assert.deepEqual(r.body.stock, preview.body.stock);
          const o = r.body.order;
          const subtotal = o.lines.reduce((n: number, l: any) => n + l.total, 0);
          assert.equal(o.subtotal, subtotal);
          assert.equal(o.total, subtotal - o.discount_total + o.shipping_total + o.tax_total);
          assert.equal(o.lines.reduce((n: number, l: any) => n + l.discount_allocated, 0), o.discount_total);
          assert.equal(r.body.payment_difference, r.body.new_totals.total - r.body.previous_totals.total);
          for (const l of o.lines) {
            const held = l.allocations.reduce((n: number, a: any) => n + a.quantity, 0) + l.backordered;
            assert.equal(held, l.total / l.unit_price, `line ${l.sku} holds its active units, reserved or backordered`);
          }
          await assertBooksBalance(t);
        }
        await assertBooksBalance(t);
        await t.request('POST', `/v1/orders/${order.id}/cancel`, { reason: 'next run' });
      }), { numRuns: kind === 'pglite' ? 12 : 8 });
      assert.ok(confirmed > 0, 'some random edits went through');
      await assertBooksBalance(t);
    });
  });
}
