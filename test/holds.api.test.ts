// Typed holds through the API (several per order, release one, a type, or all; the old
// hold/release contract still works) and hold rules (CRUD, evaluated at intake, the
// timeline names the rule).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';

for (const kind of testDatabases()) {
  describe(`holds (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    test('an order may carry several typed holds; it opens when the last is released', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 10 } } });
      const order = (await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }]))).body;
      const manual = await t.request('POST', `/v1/orders/${order.id}/hold`, { reason: 'call the customer' });
      assert.deepEqual([manual.status, manual.body.status, manual.body.holds.map((h: any) => h.type)], [200, 'on_hold', ['manual']]);
      const fraud = await t.request('POST', `/v1/orders/${order.id}/hold`, { type: 'fraud_review', reason: 'odd address' });
      assert.deepEqual([fraud.status, fraud.body.hold_reason, fraud.body.holds.filter((h: any) => h.active).length], [200, 'odd address', 2]);
      // The same type twice, an unknown type, payment_declined by hand: refused.
      assert.equal((await t.request('POST', `/v1/orders/${order.id}/hold`, { type: 'fraud_review', reason: 'again' })).body.code, 'invalid_transition');
      assert.equal((await t.request('POST', `/v1/orders/${order.id}/hold`, { type: 'payment_declined', reason: 'x' })).status, 422);
      assert.equal((await t.request('POST', `/v1/orders/${order.id}/hold`, { type: 'manual' })).status, 422);
      assert.equal((await t.request('POST', `/v1/orders/${order.id}/release`, { hold_id: 'hld_nope' })).status, 404);
      const one = await t.request('POST', `/v1/orders/${order.id}/release`, { type: 'manual' });
      assert.deepEqual([one.status, one.body.status, one.body.hold_reason], [200, 'on_hold', 'odd address']);
      const fraudId = fraud.body.holds.find((h: any) => h.type === 'fraud_review').id;
      const last = await t.request('POST', `/v1/orders/${order.id}/release`, { hold_id: fraudId, reason: 'checked' });
      assert.deepEqual([last.body.status, last.body.hold_reason, last.body.holds.every((h: any) => !h.active)], ['open', null, true]);
      assert.equal((await t.request('POST', `/v1/orders/${order.id}/release`)).body.code, 'invalid_transition');
      const events = (await t.request('GET', `/v1/orders/${order.id}/events`)).body.data.map((e: any) => e.type);
      assert.deepEqual(events, ['order.created', 'order.held', 'order.held', 'order.hold_released', 'order.released']);
      // Release with no body releases all.
      await t.request('POST', `/v1/orders/${order.id}/hold`, { reason: 'a' });
      await t.request('POST', `/v1/orders/${order.id}/hold`, { type: 'address_invalid', reason: 'b' });
      const all = await t.request('POST', `/v1/orders/${order.id}/release`);
      assert.deepEqual([all.body.status, all.body.holds.filter((h: any) => h.active).length], ['open', 0]);
      // Cancel ends the holds of a held order.
      await t.request('POST', `/v1/orders/${order.id}/hold`, { reason: 'c' });
      const canceled = await t.request('POST', `/v1/orders/${order.id}/cancel`, { reason: 'gone' });
      assert.deepEqual([canceled.body.status, canceled.body.holds.filter((h: any) => h.active).length], ['canceled', 0]);
    });

    test('20 parallel holds of one type on one order: exactly one lands', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 10 } } });
      const order = (await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }]))).body;
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => t.request('POST', `/v1/orders/${order.id}/hold`, { type: 'fraud_review', reason: `r${i}` })));
      assert.equal(results.filter((r) => r.status === 200).length, 1);
      assert.ok(results.every((r) => r.status === 200 || r.body.code === 'invalid_transition'));
      const view = (await t.request('GET', `/v1/orders/${order.id}`)).body;
      assert.equal(view.holds.length, 1);
    });

    test('hold rules: CRUD with strict params, evaluated at intake, the timeline names the rule', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 100 } } });
      const bad = await t.request('POST', '/v1/settings/hold-rules', { name: 'big', kind: 'total_above', params: { amount: -5, currency: 'usd' } });
      assert.deepEqual([bad.status, bad.body.errors.map((e: any) => e.path)], [422, ['params.amount', 'params.currency']]);
      assert.equal((await t.request('POST', '/v1/settings/hold-rules', { name: 'x', kind: 'nope', params: {} })).status, 422);
      const big = await t.request('POST', '/v1/settings/hold-rules', { name: 'big orders', kind: 'total_above', params: { amount: 5000, currency: 'USD' } });
      assert.deepEqual([big.status, big.body.hold_type, big.body.active], [201, 'fraud_review', true]);
      const geo = await t.request('POST', '/v1/settings/hold-rules', { name: 'domestic only', kind: 'country_not_in', params: { countries: ['US'] }, hold_type: 'address_invalid' });
      const fast = await t.request('POST', '/v1/settings/hold-rules', { name: 'velocity', kind: 'email_velocity', params: { max_orders: 2, window_minutes: 60 }, active: false });
      assert.equal((await t.request('GET', '/v1/settings/hold-rules')).body.data.length, 3);

      const small = (await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }]))).body;
      assert.deepEqual([small.status, small.holds], ['open', undefined]);
      const large = (await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 3 }], { shipping_address: { line1: '1', city: 'Paris', postal_code: '75001', country: 'FR' } }))).body;
      assert.equal(large.status, 'on_hold');
      assert.deepEqual(large.holds.map((h: any) => [h.type, h.rule_id]).sort(), [['address_invalid', geo.body.id], ['fraud_review', big.body.id]]);
      const read = (await t.request('GET', `/v1/orders/${large.id}`)).body;
      assert.deepEqual([read.status, read.holds.length], ['on_hold', 2]);
      const held = (await t.request('GET', `/v1/orders/${large.id}/events`)).body.data.filter((e: any) => e.type === 'order.held');
      assert.deepEqual(held.map((e: any) => e.data.rule.name).sort(), ['big orders', 'domestic only']);
      assert.match(held.find((e: any) => e.data.type === 'fraud_review').data.reason, /5997 USD is above 5000/);

      // Velocity: activate; the third order from one e-mail within the hour is held.
      const patched = await t.request('PATCH', `/v1/settings/hold-rules/${fast.body.id}`, { active: true });
      assert.deepEqual([patched.status, patched.body.active], [200, true]);
      assert.equal((await t.request('PATCH', `/v1/settings/hold-rules/${fast.body.id}`, { params: { countries: ['US'] } })).status, 422);
      assert.equal((await t.request('DELETE', `/v1/settings/hold-rules/${big.body.id}`)).status, 204);
      assert.equal((await t.request('DELETE', `/v1/settings/hold-rules/${big.body.id}`)).status, 404);
      const third = (await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }]))).body;
      assert.deepEqual([third.status, third.holds.map((h: any) => h.type)], ['on_hold', ['fraud_review']]);
      const analyst = t.as(await t.keyFor('analyst'));
      assert.equal((await analyst.request('POST', '/v1/settings/hold-rules', { name: 'n', kind: 'total_above', params: { amount: 1, currency: 'USD' } })).status, 403);
    });
  });
}
