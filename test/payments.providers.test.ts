// Every provider outcome through the API: approve, decline, insufficient funds, an
// authorization that expires, a gateway that is unavailable (retries, then max attempts),
// manual (mark paid), cash on delivery, prepaid, immediate capture.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from './helpers/harness.ts';
import { levelOf } from './helpers/fixtures.ts';
import { gatewayRecords, PAYMENT_ATTEMPTS_MAX, processPendingPaymentTransactions, requestCaptureForShipment } from '../src/modules/payments/index.ts';
import { ORDER_TOTAL, later, paidOrder, paymentShop, timelineTypes } from './payments.helpers.ts';

for (const kind of testDatabases()) {
  describe(`payments: providers (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    test('tok_approve authorizes the total at intake; the answer shows it', async () => {
      const t = await ta.tenant();
      await paymentShop(t);
      const order = await paidOrder(t, { provider: 'test_card', token: 'tok_approve' });
      assert.equal(order.payment_status, 'authorized');
      assert.deepEqual(order.payments.map((p: any) => [p.provider, p.status, p.amount, p.authorized, p.captured]), [['test_card', 'authorized', ORDER_TOTAL, ORDER_TOTAL, 0]]);
      assert.deepEqual(order.payments[0].transactions.map((x: any) => [x.kind, x.amount, x.status]), [['authorize', ORDER_TOTAL, 'succeeded']]);
      const records = await gatewayRecords(ta.db.kysely, t.tenantId);
      assert.deepEqual(records.map((r) => [r.operation, Number(r.amount), r.outcome]), [['authorize', ORDER_TOTAL, 'succeeded']]);
      assert.ok((await timelineTypes(t, order.id)).includes('payment.authorized'));
    });

    for (const [token, code] of [['tok_decline', 'card_declined'], ['tok_insufficient_funds', 'insufficient_funds']] as const) {
      test(`${token} holds the order (payment_declined, expiring); a new card releases it`, async () => {
        const t = await ta.tenant();
        await paymentShop(t);
        assert.equal((await t.request('PUT', '/v1/settings/payments', { declined_hold_minutes: 90 })).status, 200);
        const order = await paidOrder(t, { provider: 'test_card', token });
        assert.deepEqual([order.status, order.payment_status, order.payments[0].status], ['on_hold', 'pending', 'declined']);
        assert.equal(order.payments[0].transactions[0].error_code, code);
        const hold = order.holds.find((h: any) => h.active);
        assert.equal(hold.type, 'payment_declined');
        const minutes = (Date.parse(hold.expires_at) - Date.parse(hold.created_at)) / 60_000;
        assert.ok(minutes > 89 && minutes < 91, `expires after ${minutes} minutes`);
        const bad = await t.request('POST', `/v1/orders/${order.id}/payments`, { provider: 'test_card' });
        assert.deepEqual([bad.status, bad.body.errors?.[0]?.path], [422, 'token']);
        const retry = await t.request('POST', `/v1/orders/${order.id}/payments`, { provider: 'test_card', token: 'tok_approve' });
        assert.equal(retry.status, 201, JSON.stringify(retry.body));
        assert.deepEqual([retry.body.status, retry.body.amount], ['authorized', ORDER_TOTAL]);
        const after = (await t.request('GET', `/v1/orders/${order.id}`)).body;
        assert.deepEqual([after.status, after.payment_status, after.holds.filter((h: any) => h.active).length], ['open', 'authorized', 0]);
        assert.deepEqual((await timelineTypes(t, order.id)).filter((x) => x.startsWith('payment.') || x.startsWith('order.')),
          ['order.created', 'payment.declined', 'order.held', 'payment.created', 'payment.authorized', 'order.released']);
        // Covered now: another payment is refused.
        assert.equal((await t.request('POST', `/v1/orders/${order.id}/payments`, { provider: 'test_card', token: 'tok_approve' })).status, 409);
      });
    }

    test('an expired payment_declined hold puts the reservations back on sale, once', async () => {
      const t = await ta.tenant();
      await paymentShop(t);
      await t.request('PUT', '/v1/settings/payments', { declined_hold_minutes: 5 });
      const order = await paidOrder(t, { provider: 'test_card', token: 'tok_decline' });
      assert.equal((await levelOf(t, 'TEE-M', 'WH-1')).available, 18);
      assert.equal((await later(ta, 60_000)).expiredHolds, 0);
      assert.equal((await later(ta, 6 * 60_000)).expiredHolds, 1);
      assert.equal((await later(ta, 7 * 60_000)).expiredHolds, 0);
      assert.deepEqual([(await levelOf(t, 'TEE-M', 'WH-1')).available, (await levelOf(t, 'MUG', 'WH-1')).available], [20, 20]);
      const events = (await t.request('GET', `/v1/orders/${order.id}/events`)).body.data;
      const released = events.find((e: any) => e.type === 'order.reservations_released');
      assert.equal(released.data.units_released, 3);
      const view = (await t.request('GET', `/v1/orders/${order.id}`)).body;
      assert.equal(view.status, 'on_hold');
      assert.ok(view.holds[0].expired_at);
    });

    test('tok_expire_auth authorizes, but a later capture fails authorization_expired', async () => {
      const t = await ta.tenant();
      await paymentShop(t);
      const order = await paidOrder(t, { provider: 'test_card', token: 'tok_expire_auth' });
      assert.equal(order.payment_status, 'authorized');
      assert.ok(order.payments[0].authorization_expires_at);
      const lines = order.lines.map((l: any) => ({ orderLineId: l.id, quantity: l.quantity }));
      await ta.db.kysely.transaction().execute((trx) => requestCaptureForShipment(trx, t.tenantId, 'test', order.id, 'shp_test_1', lines));
      await processPendingPaymentTransactions(ta.db.kysely, { orderId: order.id });
      const view = (await t.request('GET', `/v1/orders/${order.id}`)).body;
      assert.equal(view.payments[0].status, 'expired');
      assert.deepEqual(view.payments[0].transactions.map((x: any) => [x.kind, x.status, x.error_code]), [['authorize', 'succeeded', null], ['capture', 'failed', 'authorization_expired']]);
      assert.ok((await timelineTypes(t, order.id)).includes('payment.capture_failed'));
    });

    test('tok_unavailable: the gateway errors twice, the worker retries with backoff and the same key, one charge', async () => {
      const t = await ta.tenant();
      await paymentShop(t);
      const order = await paidOrder(t, { provider: 'test_card', token: 'tok_unavailable' });
      assert.equal(order.payment_status, 'pending');
      assert.deepEqual(order.payments[0].transactions.map((x: any) => [x.status, x.error_code]), [['pending', 'provider_unavailable']]);
      // Not due yet: the backoff keeps it.
      assert.equal(await processPendingPaymentTransactions(ta.db.kysely, { orderId: order.id }), 0);
      await later(ta, 5_000);
      await later(ta, 60_000);
      const view = (await t.request('GET', `/v1/orders/${order.id}`)).body;
      assert.equal(view.payment_status, 'authorized');
      const row = await ta.db.kysely.selectFrom('payment_transactions').select(['attempts', 'status']).where('tenant_id', '=', t.tenantId).executeTakeFirstOrThrow();
      assert.deepEqual([row.attempts, row.status], [3, 'succeeded']);
      const records = await gatewayRecords(ta.db.kysely, t.tenantId);
      assert.deepEqual(records.map((r) => [r.operation, r.outcome, r.failures]), [['authorize', 'succeeded', 2]]);
    });

    test('a call that never gets an answer fails after the maximum attempts and holds the order', async () => {
      const t = await ta.tenant();
      await paymentShop(t);
      const order = await paidOrder(t, { provider: 'test_card', token: 'tok_unavailable' });
      await ta.db.kysely.updateTable('payment_transactions').set({ attempts: PAYMENT_ATTEMPTS_MAX - 1 }).where('tenant_id', '=', t.tenantId).execute();
      // The gateway still has one failure left for this key: the last attempt gets no answer.
      await later(ta, 3_600_000);
      const view = (await t.request('GET', `/v1/orders/${order.id}`)).body;
      assert.deepEqual([view.payments[0].status, view.payments[0].transactions[0].status, view.payments[0].transactions[0].error_code], ['failed', 'failed', 'provider_unavailable']);
      assert.deepEqual([view.status, view.holds[0].type], ['on_hold', 'payment_declined']);
    });

    test('manual: pending until marked paid (in parts); cash on delivery: authorized at intake; prepaid: paid at intake', async () => {
      const t = await ta.tenant();
      await paymentShop(t);
      const manual = await paidOrder(t, { provider: 'manual', method: 'bank_transfer' });
      assert.deepEqual([manual.payment_status, manual.payments[0].status, manual.payments[0].transactions.length], ['pending', 'pending', 0]);
      const paymentId = manual.payments[0].id;
      assert.equal((await t.request('POST', `/v1/payments/${paymentId}/mark-paid`, { amount: ORDER_TOTAL + 1 })).status, 422);
      const part = await t.request('POST', `/v1/payments/${paymentId}/mark-paid`, { amount: 1000 });
      assert.deepEqual([part.status, part.body.status, part.body.captured], [200, 'partially_captured', 1000]);
      assert.equal((await t.request('GET', `/v1/orders/${manual.id}`)).body.payment_status, 'partially_paid');
      const rest = await t.request('POST', `/v1/payments/${paymentId}/mark-paid`);
      assert.deepEqual([rest.body.status, rest.body.captured], ['captured', ORDER_TOTAL]);
      assert.equal((await t.request('GET', `/v1/orders/${manual.id}`)).body.payment_status, 'paid');
      assert.equal((await t.request('POST', `/v1/payments/${paymentId}/mark-paid`)).status, 409);

      const cod = await paidOrder(t, { provider: 'cash_on_delivery' });
      assert.deepEqual([cod.payment_status, cod.payments[0].status, cod.payments[0].authorized], ['authorized', 'authorized', ORDER_TOTAL]);
      assert.equal((await t.request('POST', `/v1/payments/${cod.payments[0].id}/mark-paid`)).status, 409);

      const prepaid = await paidOrder(t, { provider: 'prepaid' });
      assert.deepEqual([prepaid.payment_status, prepaid.payments[0].status, prepaid.payments[0].captured], ['paid', 'captured', ORDER_TOTAL]);
      assert.deepEqual(await gatewayRecords(ta.db.kysely, t.tenantId), []);
    });

    test('a channel with capture_mode immediate captures right after authorization', async () => {
      const t = await ta.tenant();
      await paymentShop(t);
      const patched = await t.request('PATCH', '/v1/channels/web', { capture_mode: 'immediate' });
      assert.deepEqual([patched.status, patched.body.capture_mode], [200, 'immediate']);
      assert.equal((await t.request('PATCH', '/v1/channels/web', { capture_mode: 'later' })).status, 422);
      const order = await paidOrder(t, { provider: 'test_card', token: 'tok_approve' });
      assert.deepEqual([order.payment_status, order.payments[0].captured], ['paid', ORDER_TOTAL]);
      const records = await gatewayRecords(ta.db.kysely, t.tenantId);
      assert.deepEqual(records.map((r) => r.operation).sort(), ['authorize', 'capture']);
    });

    test('bad payment input is refused with paths and writes nothing', async () => {
      const t = await ta.tenant();
      await paymentShop(t);
      for (const [payment, path] of [[{ provider: 'test_card' }, 'payment.token'], [{ provider: 'bitcoin' }, 'payment.provider'], [{ provider: 'manual', extra: 1 }, 'payment']] as const) {
        const r = await t.request('POST', '/v1/orders', { channel: 'web', currency: 'USD', shipping_address: { line1: '1', city: 'c', postal_code: '1', country: 'US' }, lines: [{ sku: 'MUG', quantity: 1 }], payment });
        assert.equal(r.status, 422, JSON.stringify(r.body));
        assert.ok(r.body.errors.some((e: any) => e.path.startsWith(path)), JSON.stringify(r.body.errors));
      }
      assert.equal((await t.request('GET', '/v1/orders')).body.data.length, 0);
      assert.equal((await levelOf(t, 'MUG', 'WH-1')).available, 20);
      assert.equal((await t.request('PUT', '/v1/settings/payments', { declined_hold_minutes: 0 })).status, 422);
    });
  });
}
