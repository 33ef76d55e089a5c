// Capture per shipment through the shipping API: a split order (one fulfillment order per
// location) and a partial shipment inside one; cash on delivery captured on delivery;
// refunds spread latest first and never beyond the captured money; void on cancel.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp, type TenantClient } from './helpers/harness.ts';
import { processPendingPaymentTransactions, voidOrderPayments } from '../src/modules/payments/index.ts';
import { allocationsOf, fulfillmentOrdersOf, insertPackage, setUpCarriers, setWeight } from './shipping.helpers.ts';
import { ORDER_TOTAL, paidOrder, paymentShop } from './payments.helpers.ts';

async function ship(ta: TestApp, t: TenantClient, foId: string, packages?: string[]) {
  const r = await t.request('POST', `/v1/fulfillment-orders/${foId}/shipments`, { strategy: 'cheapest', ...(packages ? { packages } : {}) });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  await processPendingPaymentTransactions(ta.db.kysely);
  return r.body;
}

async function captures(t: TenantClient, orderId: string) {
  const order = (await t.request('GET', `/v1/orders/${orderId}`)).body;
  return { order, amounts: order.payments.flatMap((p: any) => p.transactions.filter((x: any) => x.kind === 'capture').map((x: any) => [x.amount, x.status])) };
}

for (const kind of testDatabases()) {
  describe(`payments: capture, refund, void (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    async function shop(t: TenantClient) {
      await paymentShop(t, { twoLocations: true });
      await setUpCarriers(t);
      await setWeight(t, 'TEE-M', 200);
      await setWeight(t, 'MUG', 300);
    }

    test('a split order captures per shipment: shipping with the first, exactly the rest with the last', async () => {
      const t = await ta.tenant();
      await shop(t);
      // A 3-unit line with a discount makes the per-unit value a fraction: 3 × 1999 − 1 = 5996 over 3 units.
      const order = await paidOrder(t, { provider: 'test_card', token: 'tok_approve' }, { lines: [{ sku: 'TEE-M', quantity: 3 }, { sku: 'MUG', quantity: 1 }], discount_total: 1 });
      const total = 3 * 1999 + 1250 + 500 - 1;
      assert.equal(order.total, total);
      const fos = await fulfillmentOrdersOf(ta, t, order.id);
      assert.equal(fos.length, 2);
      const allocations = await allocationsOf(ta, t, order.id);
      const tee = allocations.find((a) => a.order_line_id === order.lines[0].id) as (typeof allocations)[number];
      const teeFoId = tee.fulfillment_order_id as string;
      const mugFoId = fos.find((f) => f.id !== teeFoId)?.id as string;
      // One TEE in a package first: floor(TEE value × 1/3) + shipping, the value after its discount share (5996).
      const teeTotal = order.lines[0].total - order.lines[0].discount_allocated;
      assert.equal(teeTotal, 5996);
      await insertPackage(ta, t, teeFoId, `pkg_${t.tenantId}_1`, 250, [{ allocation_id: tee.id, quantity: 1 }]);
      await ship(ta, t, teeFoId, [`pkg_${t.tenantId}_1`]);
      const first = Math.floor(teeTotal / 3) + 500;
      assert.deepEqual((await captures(t, order.id)).amounts, [[first, 'succeeded']]);
      assert.equal((await captures(t, order.id)).order.payment_status, 'partially_paid');
      // The other two TEE: cumulative value of 3 units (the whole line) minus the first.
      await ship(ta, t, teeFoId);
      const second = teeTotal + 500 - first;
      assert.deepEqual((await captures(t, order.id)).amounts, [[first, 'succeeded'], [second, 'succeeded']]);
      // The MUG last: exactly the rest.
      await ship(ta, t, mugFoId);
      const { order: done, amounts } = await captures(t, order.id);
      assert.equal(amounts.reduce((n: number, [a]: [number]) => n + a, 0), total);
      assert.deepEqual([done.payment_status, done.payments[0].status, done.payments[0].captured], ['paid', 'captured', total]);
    });

    test('cancel after a partial shipment voids the authorization of what will not ship', async () => {
      const t = await ta.tenant();
      await shop(t);
      const order = await paidOrder(t, { provider: 'test_card', token: 'tok_approve' });
      const allocations = await allocationsOf(ta, t, order.id);
      const teeFoId = allocations.find((a) => a.order_line_id === order.lines[0].id)?.fulfillment_order_id as string;
      await ship(ta, t, teeFoId);
      const canceled = await t.request('POST', `/v1/orders/${order.id}/cancel`, { reason: 'mug no longer wanted' });
      assert.equal(canceled.status, 200, JSON.stringify(canceled.body));
      const payment = canceled.body.payments[0];
      assert.equal(canceled.body.total, ORDER_TOTAL - 1250);
      assert.deepEqual(payment.transactions.map((x: any) => [x.kind, x.amount, x.status]),
        [['authorize', ORDER_TOTAL, 'succeeded'], ['capture', ORDER_TOTAL - 1250, 'succeeded'], ['void', 1250, 'succeeded']]);
      assert.deepEqual([payment.status, payment.authorized, payment.captured, canceled.body.payment_status], ['captured', ORDER_TOTAL - 1250, ORDER_TOTAL - 1250, 'paid']);
    });

    test('cash on delivery is captured when each shipment is delivered', async () => {
      const t = await ta.tenant();
      await shop(t);
      const order = await paidOrder(t, { provider: 'cash_on_delivery' });
      const fos = await fulfillmentOrdersOf(ta, t, order.id);
      const shipments = [];
      for (const fo of fos) shipments.push(await ship(ta, t, fo.id));
      assert.deepEqual((await captures(t, order.id)).amounts, []);
      for (const s of shipments) {
        const r = await t.request('POST', `/v1/shipments/${s.id}/events`, { status: 'delivered' });
        assert.equal(r.status < 300, true, JSON.stringify(r.body));
        await processPendingPaymentTransactions(ta.db.kysely);
      }
      const { order: done, amounts } = await captures(t, order.id);
      assert.equal(amounts.length, 2);
      assert.equal(amounts.reduce((n: number, [a]: [number]) => n + a, 0), ORDER_TOTAL);
      assert.equal(done.payment_status, 'paid');
    });

    test('refunds: at most captured − refunded (422 refund_exceeds_captured), latest payment first, timeline and outbox', async () => {
      const t = await ta.tenant();
      await shop(t);
      const order = await paidOrder(t, { provider: 'prepaid' });
      const over = await t.request('POST', `/v1/orders/${order.id}/refunds`, { amount: ORDER_TOTAL + 1, reason: 'too much' });
      assert.deepEqual([over.status, over.body.code, over.body.refundable], [422, 'refund_exceeds_captured', ORDER_TOTAL]);
      assert.equal((await t.request('POST', `/v1/orders/${order.id}/refunds`, { amount: 0, reason: 'x' })).status, 422);
      const part = await t.request('POST', `/v1/orders/${order.id}/refunds`, { amount: 1000, reason: 'damaged' });
      assert.deepEqual([part.status, part.body.amount, part.body.status], [201, 1000, 'succeeded']);
      let view = (await t.request('GET', `/v1/orders/${order.id}`)).body;
      assert.deepEqual([view.payment_status, view.payments[0].refunded, view.refunds.length], ['partially_refunded', 1000, 1]);
      const rest = await t.request('POST', `/v1/orders/${order.id}/refunds`, { amount: ORDER_TOTAL - 1000, reason: 'all back' });
      assert.equal(rest.status, 201);
      view = (await t.request('GET', `/v1/orders/${order.id}`)).body;
      assert.equal(view.payment_status, 'refunded');
      const outbox = await ta.db.kysely.selectFrom('outbox').select(['topic', 'payload']).where('tenant_id', '=', t.tenantId).where('topic', '=', 'refund.issued').execute();
      assert.equal(outbox.length, 2);
      assert.deepEqual(Object.keys(outbox[0]?.payload as object).sort(), ['amount', 'currency', 'order_id', 'reason', 'refund_id']);
      assert.equal((await t.request('POST', `/v1/orders/${order.id}/refunds`, { amount: 1, reason: 'more' })).body.code, 'refund_exceeds_captured');
    });

    test('20 parallel refunds never refund more than was captured', async () => {
      const t = await ta.tenant();
      await shop(t);
      const order = await paidOrder(t, { provider: 'prepaid' });
      const results = await Promise.all(Array.from({ length: 20 }, () => t.request('POST', `/v1/orders/${order.id}/refunds`, { amount: 1000, reason: 'race' })));
      const ok = results.filter((r) => r.status === 201).length;
      assert.equal(ok, Math.floor(ORDER_TOTAL / 1000));
      assert.ok(results.every((r) => r.status === 201 || r.body.code === 'refund_exceeds_captured'));
      await processPendingPaymentTransactions(ta.db.kysely);
      const view = (await t.request('GET', `/v1/orders/${order.id}`)).body;
      assert.equal(view.payments[0].refunded, ok * 1000);
    });

    test('cancel voids the authorization; a lower total (partial cancel) voids only the part above it', async () => {
      const t = await ta.tenant();
      await shop(t);
      const order = await paidOrder(t, { provider: 'test_card', token: 'tok_approve' });
      const canceled = await t.request('POST', `/v1/orders/${order.id}/cancel`, { reason: 'changed mind' });
      assert.equal(canceled.status, 200, JSON.stringify(canceled.body));
      assert.deepEqual([canceled.body.payment_status, canceled.body.payments[0].status, canceled.body.payments[0].authorized], ['voided', 'voided', 0]);

      const other = await paidOrder(t, { provider: 'test_card', token: 'tok_approve' });
      await ta.db.kysely.transaction().execute(async (trx) => {
        await trx.updateTable('orders').set({ total: ORDER_TOTAL - 1250 }).where('tenant_id', '=', t.tenantId).where('id', '=', other.id).execute();
        await voidOrderPayments(trx, t.tenantId, 'test', other.id);
      });
      await processPendingPaymentTransactions(ta.db.kysely);
      const view = (await t.request('GET', `/v1/orders/${other.id}`)).body;
      assert.deepEqual([view.payments[0].status, view.payments[0].authorized], ['authorized', ORDER_TOTAL - 1250]);
      assert.deepEqual(view.payments[0].transactions.map((x: any) => [x.kind, x.amount]), [['authorize', ORDER_TOTAL], ['void', 1250]]);
    });
  });
}
