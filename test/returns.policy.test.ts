// Return policy and eligibility: the window counted from delivery (last day in, the day
// after out), non-returnable SKUs, quantities, delivery first, wrong e-mail = unknown
// order, staff override on the timeline, refusals with codes and paths that write nothing.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';
import { setDeliveredAt, shipAndDeliver } from './helpers/deliver.ts';

const DAY_MS = 86_400_000;

for (const kind of testDatabases()) {
  describe(`returns policy (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    async function shop(): Promise<TenantClient> {
      const t = await ta.tenant();
      await setUpShop(t, { products: [{ sku: 'TEE', price: 2000 }, { sku: 'MUG', price: 1000 }, { sku: 'GIFT', price: 500 }], stock: { TEE: { 'WH-1': 50 }, MUG: { 'WH-1': 50 }, GIFT: { 'WH-1': 50 } } });
      return t;
    }

    async function deliveredOrder(t: TenantClient, deliveredAt = new Date()) {
      const created = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE', quantity: 3 }, { sku: 'MUG', quantity: 2 }, { sku: 'GIFT', quantity: 1 }]));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      await shipAndDeliver(t, created.body.id, { deliveredAt });
      return created.body;
    }

    const publicUrl = (t: TenantClient, path: string) => `${path}${path.includes('?') ? '&' : '?'}tenant=${t.tenantId}`;

    test('policy: defaults, replace, refuse bad input with paths', async () => {
      const t = await shop();
      const initial = await t.request('GET', '/v1/settings/return-policy');
      assert.equal(initial.status, 200);
      assert.deepEqual([initial.body.window_days, initial.body.restocking_fee_bps, initial.body.shipping_refund, initial.body.updated_at], [30, 0, 'if_all_returned', null]);
      const put = await t.request('PUT', '/v1/settings/return-policy', { window_days: 14, non_returnable_skus: ['GIFT', 'GIFT'], reasons: ['damaged', 'other'], restocking_fee_bps: 500, shipping_refund: 'never' });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      assert.deepEqual([put.body.window_days, put.body.non_returnable_skus, put.body.reasons, put.body.restocking_fee_bps, put.body.shipping_refund], [14, ['GIFT'], ['damaged', 'other'], 500, 'never']);
      const bad = await t.request('PUT', '/v1/settings/return-policy', { window_days: -1, restocking_fee_bps: 10_001, shipping_refund: 'sometimes', reasons: [], extra: 1 });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ['extra', 'reasons', 'restocking_fee_bps', 'shipping_refund', 'window_days']);
      assert.equal((await t.request('GET', '/v1/settings/return-policy')).body.window_days, 14, 'unchanged by the refusal');
      const operator = t.as(await t.keyFor('operator'));
      assert.equal((await operator.request('PUT', '/v1/settings/return-policy', { window_days: 1 })).status, 403);
      assert.equal((await operator.request('GET', '/v1/settings/return-policy')).status, 200);
    });

    test('eligibility: delivered lines with returnable units and the window end; a wrong e-mail is an unknown order', async () => {
      const t = await shop();
      const delivered = new Date('2030-01-01T12:00:00Z');
      const order = await deliveredOrder(t);
      await setDeliveredAt(ta.db.kysely, t.tenantId, order.id, delivered);
      await t.request('PUT', '/v1/settings/return-policy', { window_days: 3650, non_returnable_skus: ['GIFT'] });
      const ok = await t.request('GET', publicUrl(t, `/v1/public/returns/eligibility?order=${order.number}&email=ANA@example.com`), undefined, { authorization: '' });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.order, order.number);
      assert.deepEqual(ok.body.lines.map((l: any) => [l.sku, l.delivered, l.returnable, l.refused]), [['TEE', 3, 3, null], ['MUG', 2, 2, null], ['GIFT', 1, 0, 'not_returnable']]);
      assert.deepEqual([ok.body.window_days, ok.body.lines[0].last_day, ok.body.lines[0].window_ends_at], [3650, '2039-12-30', '2039-12-30T23:59:59.999Z']);
      const wrong = await t.request('GET', publicUrl(t, `/v1/public/returns/eligibility?order=${order.number}&email=eve@example.com`), undefined, { authorization: '' });
      const unknown = await t.request('GET', publicUrl(t, `/v1/public/returns/eligibility?order=999999&email=ana@example.com`), undefined, { authorization: '' });
      assert.deepEqual([wrong.status, unknown.status], [404, 404]);
      assert.equal(wrong.body.code, unknown.body.code);
      const post = await t.request('POST', publicUrl(t, '/v1/public/returns'), { order: order.number, email: 'eve@example.com', items: [{ sku: 'TEE', quantity: 1, reason: 'other' }] }, { authorization: '' });
      assert.equal(post.status, 404);
      assert.deepEqual((await t.request('GET', '/v1/returns')).body.data, [], 'nothing written');
    });

    test('window: exactly the last day is in, the day after is out; staff may override, on the timeline', async () => {
      const t = await shop();
      await t.request('PUT', '/v1/settings/return-policy', { window_days: 30 });
      const lastDay = await deliveredOrder(t, new Date(Date.now() - 30 * DAY_MS));
      const dayAfter = await deliveredOrder(t, new Date(Date.now() - 31 * DAY_MS));
      const item = [{ sku: 'TEE', quantity: 1, reason: 'changed_mind' }];
      const inside = await t.request('POST', publicUrl(t, '/v1/public/returns'), { order: lastDay.number, email: 'ana@example.com', items: item }, { authorization: '' });
      assert.equal(inside.status, 201, JSON.stringify(inside.body));
      assert.equal(inside.body.status, 'requested');
      const outside = await t.request('POST', publicUrl(t, '/v1/public/returns'), { order: dayAfter.number, email: 'ana@example.com', items: item }, { authorization: '' });
      assert.equal(outside.status, 422);
      assert.equal(outside.body.code, 'return_window_closed');
      assert.equal(outside.body.errors[0].path, 'items[0]');
      const staffNoOverride = await t.request('POST', '/v1/returns', { order: dayAfter.number, items: item });
      assert.equal(staffNoOverride.body.code, 'return_window_closed');
      const overridden = await t.request('POST', '/v1/returns', { order: dayAfter.number, items: item, override_policy: true });
      assert.equal(overridden.status, 201, JSON.stringify(overridden.body));
      assert.equal(overridden.body.override_policy, true);
      const timeline = await t.request('GET', `/v1/orders/${dayAfter.id}/events`);
      const requested = timeline.body.data.find((e: any) => e.type === 'return.requested');
      assert.deepEqual([requested.data.override_policy, requested.data.overridden], [true, ['return_window_closed']]);
      // The customer route has no override.
      const sneaky = await t.request('POST', publicUrl(t, '/v1/public/returns'), { order: dayAfter.number, email: 'ana@example.com', items: item, override_policy: true }, { authorization: '' });
      assert.equal(sneaky.status, 422);
      assert.equal(sneaky.body.errors[0].path, 'override_policy');
    });

    test('non-returnable SKU, too many units, unknown lines and reasons, not yet delivered: codes with paths, nothing written', async () => {
      const t = await shop();
      await t.request('PUT', '/v1/settings/return-policy', { non_returnable_skus: ['GIFT'] });
      const order = await deliveredOrder(t);
      const gift = await t.request('POST', '/v1/returns', { order: order.id, items: [{ sku: 'TEE', quantity: 1, reason: 'other' }, { sku: 'GIFT', quantity: 1, reason: 'other' }] });
      assert.equal(gift.status, 422);
      assert.equal(gift.body.code, 'not_returnable');
      assert.deepEqual(gift.body.errors.map((e: any) => [e.path, e.code]), [['items[1].sku', 'not_returnable']]);
      const many = await t.request('POST', '/v1/returns', { order: order.id, items: [{ sku: 'TEE', quantity: 4, reason: 'other' }] });
      assert.equal(many.body.code, 'exceeds_returnable_quantity');
      assert.deepEqual([many.body.errors[0].path, many.body.errors[0].returnable, many.body.errors[0].requested], ['items[0].quantity', 3, 4]);
      const invalid = await t.request('POST', '/v1/returns', { order: order.id, items: [{ sku: 'NOPE', quantity: 1, reason: 'other' }, { sku: 'TEE', quantity: 1, reason: 'bored' }, { quantity: 1, reason: 'other' }] });
      assert.equal(invalid.body.code, 'validation_failed');
      assert.deepEqual(invalid.body.errors.map((e: any) => e.path), ['items[0].sku', 'items[1].reason', 'items[2].line_id']);
      const twice = await t.request('POST', '/v1/returns', { order: order.id, items: [{ sku: 'TEE', quantity: 1, reason: 'other' }, { line_id: order.lines[0].id, quantity: 1, reason: 'other' }] });
      assert.equal(twice.body.errors[0].path, 'items[1]');

      // Three units: 2 in one return leaves 1; the rejected return frees its units again.
      const first = await t.request('POST', '/v1/returns', { order: order.id, items: [{ sku: 'TEE', quantity: 2, reason: 'other' }] });
      assert.equal(first.status, 201);
      assert.equal((await t.request('POST', '/v1/returns', { order: order.id, items: [{ sku: 'TEE', quantity: 2, reason: 'other' }] })).body.code, 'exceeds_returnable_quantity');
      assert.equal((await t.request('POST', `/v1/returns/${first.body.id}/reject`, { reason: 'no' })).status, 200);
      assert.equal((await t.request('POST', '/v1/returns', { order: order.id, items: [{ sku: 'TEE', quantity: 3, reason: 'other' }] })).status, 201);

      const undelivered = await t.request('POST', '/v1/orders', orderBody([{ sku: 'MUG', quantity: 1 }]));
      const notShipped = await t.request('POST', '/v1/returns', { order: undelivered.body.number, items: [{ sku: 'MUG', quantity: 1, reason: 'other' }] });
      assert.deepEqual([notShipped.status, notShipped.body.code, notShipped.body.errors[0].path], [422, 'not_delivered', 'items[0].quantity']);
      await shipAndDeliver(t, undelivered.body.id, { deliveredAt: null });
      const inTransit = await t.request('POST', '/v1/returns', { order: undelivered.body.number, items: [{ sku: 'MUG', quantity: 1, reason: 'other' }], override_policy: true });
      assert.equal(inTransit.body.code, 'not_delivered', 'override never skips delivery');
      assert.match(inTransit.body.errors[0].message, /not delivered yet/);
      assert.equal((await t.request('GET', `/v1/returns?order=${undelivered.body.number}`)).body.data.length, 0);
    });

    test('20 customers racing for the same 3 units: exactly 3 one-unit returns are accepted', async () => {
      const t = await shop();
      const order = await deliveredOrder(t);
      const answers = await Promise.all(Array.from({ length: 20 }, () =>
        t.request('POST', publicUrl(t, '/v1/public/returns'), { order: order.number, email: 'ana@example.com', items: [{ sku: 'TEE', quantity: 1, reason: 'other' }] }, { authorization: '' })));
      assert.equal(answers.filter((a) => a.status === 201).length, 3, JSON.stringify(answers.map((a) => a.status)));
      assert.ok(answers.filter((a) => a.status !== 201).every((a) => a.body.code === 'exceeds_returnable_quantity'));
      assert.equal((await t.request('GET', `/v1/returns?order=${order.id}`)).body.data.length, 3);
    });
  });
}
