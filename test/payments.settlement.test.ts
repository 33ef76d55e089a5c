// Exact amounts of the money rules an order's life can break: a cancel refunds what was
// captured above the new total, a lowering edit first lowers what is asked for and not
// yet paid, and a return closes even when goodwill refunds already gave its money back.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { orderBody, levelOf } from './helpers/fixtures.ts';
import { readBooks } from './helpers/money-books.ts';
import { cancelRest, deliverOne, moneyShop, shipSome } from './helpers/money-steps.ts';

for (const kind of testDatabases()) {
  describe(`payments: settlement of cancels, edits and returns (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    async function order(t: TenantClient, payment: Record<string, unknown>, extra: Record<string, unknown> = {}, lines = [{ sku: 'A', quantity: 2, unit_price: 1000 }]) {
      const r = await t.request('POST', '/v1/orders', orderBody(lines, { shipping: { method: 'standard', amount: 300 }, payment, ...extra }));
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return readBooks(t, ta.db.kysely, r.body.id);
    }
    const card = { provider: 'test_card', token: 'tok_approve' };

    test('a partial cancel after tax was captured refunds the tax share of the canceled units', async () => {
      const t = await ta.tenant();
      await moneyShop(t, 'on_shipment', {});
      let books = await order(t, card, { tax_total: 500 });
      await shipSome(t, books, { kind: 'ship', pick: 0, units: 1, whole: false });
      books = await readBooks(t, ta.db.kysely, books.order.id);
      assert.equal(books.captured, 1000 + 300 + 500);
      await cancelRest(t, books);
      books = await readBooks(t, ta.db.kysely, books.order.id);
      assert.equal(books.order.total, 1000 + 300 + 250);
      assert.deepEqual(books.refunds.map((r) => [r.amount, r.reason, r.return_id]), [[250, 'order canceled', null]]);
      assert.equal(books.captured - books.refunded, books.order.total);
      const [payment] = books.payments;
      assert.equal(payment?.authorized, payment?.captured, 'the authorization above what was captured is voided');
      assert.equal(books.order.payment_status, 'partially_refunded');
    });

    test('a first shipment worth 0 still counts: the next shipments capture exactly the total', async () => {
      const t = await ta.tenant();
      await moneyShop(t, 'on_shipment', {});
      // A×3 at 1 less a discount of 1: 2 over 3 units, so one unit is worth floor(2/3) = 0.
      let books = await order(t, card, { discount_total: 1, shipping: { method: 'standard', amount: 0 } }, [{ sku: 'A', quantity: 3, unit_price: 1 }]);
      await shipSome(t, books, { kind: 'ship', pick: 0, units: 1, whole: false });
      books = await readBooks(t, ta.db.kysely, books.order.id);
      assert.equal(books.captured, 0);
      await shipSome(t, books, { kind: 'ship', pick: 0, units: 1, whole: false });
      books = await readBooks(t, ta.db.kysely, books.order.id);
      assert.equal(books.captured, 1, 'two of three units are worth floor(2 × 2 / 3) = 1');
      await shipSome(t, books, { kind: 'ship', pick: 0, units: 1, whole: true });
      books = await readBooks(t, ta.db.kysely, books.order.id);
      assert.deepEqual([books.captured, books.order.total], [2, 2]);
    });

    test('immediate capture: a partial cancel refunds 1000, a whole cancel refunds everything (payment_status refunded)', async () => {
      const t = await ta.tenant();
      await moneyShop(t, 'immediate', {});
      let books = await order(t, card);
      assert.equal(books.captured, 2300);
      await shipSome(t, books, { kind: 'ship', pick: 0, units: 1, whole: false });
      await cancelRest(t, await readBooks(t, ta.db.kysely, books.order.id));
      books = await readBooks(t, ta.db.kysely, books.order.id);
      assert.deepEqual([books.order.total, books.refunded], [1300, 1000]);

      const whole = await order(t, card);
      assert.equal((await t.request('POST', `/v1/orders/${whole.order.id}/cancel`, { reason: 'customer asked' })).status, 200);
      books = await readBooks(t, ta.db.kysely, whole.order.id);
      assert.deepEqual([books.order.status, books.captured, books.refunded, books.order.payment_status], ['canceled', 2300, 2300, 'refunded']);
      assert.deepEqual(books.refunds.map((r) => r.reason), ['order canceled']);
      const timeline = (await t.request('GET', `/v1/orders/${whole.order.id}/events`)).body;
      assert.ok(JSON.stringify(timeline).includes('refund.issued'), 'the cancel refund is on the timeline');
    });

    test('prepaid: a partial cancel refunds the canceled units; a second cancel is refused and refunds nothing more', async () => {
      const t = await ta.tenant();
      await moneyShop(t, 'on_shipment', {});
      let books = await order(t, { provider: 'prepaid' });
      await shipSome(t, books, { kind: 'ship', pick: 0, units: 1, whole: false });
      await cancelRest(t, await readBooks(t, ta.db.kysely, books.order.id));
      books = await readBooks(t, ta.db.kysely, books.order.id);
      assert.deepEqual([books.order.total, books.captured, books.refunded], [1300, 2300, 1000]);
      assert.equal((await t.request('POST', `/v1/orders/${books.order.id}/cancel`, { reason: 'again' })).status, 409);
      assert.equal((await readBooks(t, ta.db.kysely, books.order.id)).refunded, 1000);
    });

    test('a lowering edit lowers the unpaid manual payment first: preview and confirmation say void, nothing is refunded', async () => {
      const t = await ta.tenant();
      await moneyShop(t, 'on_shipment', {});
      const books = await order(t, { provider: 'prepaid' }, { shipping: { method: 'standard', amount: 0 } }, [{ sku: 'A', quantity: 1, unit_price: 1000 }]);
      const id = books.order.id;
      const line = books.order.lines[0].id;
      const up = await t.request('POST', `/v1/orders/${id}/edits`, { changes: [{ op: 'set_quantity', line_id: line, quantity: 3 }], expected_version: books.order.version });
      assert.deepEqual([up.status, up.body.payment_action], [201, 'authorize']);
      const manual = up.body.order.payments.find((p: any) => p.provider === 'manual');
      assert.deepEqual([manual.amount, manual.status], [2000, 'pending']);
      // 3000 → 1500: the manual payment now asks for 500.
      const change = { changes: [{ op: 'set_quantity', line_id: line, quantity: 1 }] };
      const half = await t.request('POST', `/v1/orders/${id}/edits`, { changes: [{ op: 'set_shipping', method: 'standard', amount: 500 }, ...change.changes], expected_version: up.body.version });
      assert.deepEqual([half.status, half.body.payment_action], [201, 'void'], JSON.stringify(half.body));
      assert.deepEqual(half.body.order.payments.filter((p: any) => p.provider === 'manual').map((p: any) => [p.amount, p.status]), [[500, 'pending']]);
      // 1500 → 1000: the manual payment asks for nothing and is voided; the prepaid money stays.
      const preview = await t.request('POST', `/v1/orders/${id}/edits/preview`, { changes: [{ op: 'set_shipping', method: 'standard', amount: 0 }] });
      assert.equal(preview.body.payment_action, 'void');
      const down = await t.request('POST', `/v1/orders/${id}/edits`, { changes: [{ op: 'set_shipping', method: 'standard', amount: 0 }], expected_version: half.body.version });
      assert.deepEqual([down.status, down.body.payment_action], [201, 'void']);
      const after = await readBooks(t, ta.db.kysely, id);
      assert.deepEqual(after.payments.map((p) => [p.provider, p.amount, p.status]), [['prepaid', 1000, 'captured'], ['manual', 0, 'voided']]);
      assert.deepEqual([after.refunded, after.order.total, after.order.payment_status], [0, 1000, 'paid']);
      const timeline = JSON.stringify((await t.request('GET', `/v1/orders/${id}/events`)).body);
      assert.ok(timeline.includes('payment.lowered'));
    });

    test('a return closes after a goodwill refund: refunds what is left, records the shortfall, the stock stays back', async () => {
      const t = await ta.tenant();
      await moneyShop(t, 'on_shipment', { shipping_refund: 'never', restocking_fee_bps: 0 });
      let books = await order(t, card, {}, [{ sku: 'A', quantity: 1, unit_price: 1000 }]);
      const id = books.order.id;
      await shipSome(t, books, { kind: 'ship', pick: 0, units: 1, whole: true });
      await deliverOne(t, await readBooks(t, ta.db.kysely, id), { kind: 'deliver', pick: 0 });
      assert.equal((await t.request('POST', `/v1/orders/${id}/refunds`, { amount: 1200, reason: 'goodwill' })).status, 201);
      books = await readBooks(t, ta.db.kysely, id);
      const lineId = books.order.lines[0].id;
      const before = await levelOf(t, 'A', 'WH-1');
      const created = await t.request('POST', '/v1/returns', { order: id, items: [{ line_id: lineId, quantity: 1, reason: 'other' }], approve: true });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal((await t.request('POST', `/v1/returns/${created.body.id}/receive`, { location: 'WH-1', items: [{ line_id: lineId, quantity: 1, condition: 'sellable' }] })).status, 200);
      const closed = await t.request('POST', `/v1/returns/${created.body.id}/close`);
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      assert.equal(closed.body.status, 'closed');
      assert.deepEqual([closed.body.refund.items, closed.body.refund.amount, closed.body.refund.shortfall], [1000, 100, 900]);
      books = await readBooks(t, ta.db.kysely, id);
      assert.deepEqual([books.captured, books.refunded], [1300, 1300]);
      assert.equal((await levelOf(t, 'A', 'WH-1')).on_hand, before.on_hand + 1);
      const timeline = (await t.request('GET', `/v1/orders/${id}/events`)).body;
      const event = (timeline.data ?? timeline).find((e: any) => e.type === 'return.closed');
      assert.equal(event.data.refund_shortfall, 900);
    });
  });
}
