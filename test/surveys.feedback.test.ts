// Feedback surveys: offered per order with a random token stored hashed, shown with the
// order number and item names only, answered once (a second answer, even racing, is
// 409), and reported by channel and by product.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';
import { offerSurvey } from '../src/modules/surveys/index.ts';
import { hashSurveyToken } from '../src/modules/surveys/survey-token.ts';

for (const kind of testDatabases()) {
  describe(`surveys (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    async function shop(): Promise<TenantClient> {
      const t = await ta.tenant();
      await setUpShop(t, { products: [{ sku: 'TEE', price: 2000 }, { sku: 'MUG', price: 1000 }], stock: { TEE: { 'WH-1': 50 }, MUG: { 'WH-1': 50 } } });
      return t;
    }

    async function order(t: TenantClient, lines = [{ sku: 'TEE', quantity: 1 }, { sku: 'MUG', quantity: 2 }]) {
      const created = await t.request('POST', '/v1/orders', orderBody(lines));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body;
    }

    const offer = (t: TenantClient, orderId: string) => ta.db.kysely.transaction().execute((trx) => offerSurvey(trx, t.tenantId, orderId));
    const anonymous = { authorization: '' };

    test('offer: a random token stored hashed, one survey per order; a re-offer replaces the link', async () => {
      const t = await shop();
      const o = await order(t);
      const first = await offer(t, o.id);
      assert.match(first.token, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(first.url_path, `/survey/${first.token}`);
      const rows = await ta.db.kysely.selectFrom('surveys').select(['token_hash', 'order_id']).where('tenant_id', '=', t.tenantId).execute();
      assert.deepEqual(rows, [{ token_hash: hashSurveyToken(first.token), order_id: o.id }], 'only the hash is stored');
      const second = await offer(t, o.id);
      assert.notEqual(second.token, first.token);
      assert.equal((await ta.db.kysely.selectFrom('surveys').select('id').where('tenant_id', '=', t.tenantId).execute()).length, 1);
      assert.equal((await t.request('GET', `/v1/public/surveys/${first.token}`, undefined, anonymous)).status, 404, 'the older link stops working');
      const shown = await t.request('GET', `/v1/public/surveys/${second.token}`, undefined, anonymous);
      assert.equal(shown.status, 200);
      assert.deepEqual(shown.body, { order_number: o.number, items: ['Product TEE', 'Product MUG'], answered: false });
    });

    test('answer once: bad input is 422 with paths, a second answer (even 10 racing) is 409', async () => {
      const t = await shop();
      const o = await order(t);
      const { token } = await offer(t, o.id);
      const bad = await t.request('POST', `/v1/public/surveys/${token}`, { rating: 6, comment: 'x'.repeat(2001), extra: true }, anonymous);
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.errors.map((e: any) => e.path).sort(), ['comment', 'extra', 'rating']);
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => t.request('POST', `/v1/public/surveys/${token}`, { rating: 1 + (i % 5), comment: `try ${i}` }, anonymous)));
      assert.equal(answers.filter((a) => a.status === 200).length, 1, JSON.stringify(answers.map((a) => a.status)));
      assert.ok(answers.filter((a) => a.status !== 200).every((a) => a.status === 409 && a.body.code === 'survey_already_answered'));
      assert.equal((await t.request('GET', `/v1/public/surveys/${token}`, undefined, anonymous)).body.answered, true);
      const events = (await t.request('GET', `/v1/orders/${o.id}/events`)).body.data.filter((e: any) => e.type === 'survey.answered');
      assert.equal(events.length, 1);
      assert.equal((await t.request('GET', '/v1/public/surveys/unknown-token-unknown-token-unknown-token', undefined, anonymous)).status, 404);
    });

    test('feedback report by channel and by product: count, average, distribution', async () => {
      const t = await shop();
      await t.request('POST', '/v1/channels', { code: 'pos', name: 'Store till', kind: 'pos' });
      const answer = async (channel: string, lines: { sku: string; quantity: number }[], rating: number) => {
        const created = await t.request('POST', '/v1/orders', orderBody(lines, { channel }));
        const { token } = await offer(t, created.body.id);
        assert.equal((await t.request('POST', `/v1/public/surveys/${token}`, { rating }, anonymous)).status, 200);
      };
      await answer('web', [{ sku: 'TEE', quantity: 1 }, { sku: 'MUG', quantity: 1 }], 5);
      await answer('web', [{ sku: 'TEE', quantity: 1 }], 2);
      await answer('pos', [{ sku: 'MUG', quantity: 1 }, { sku: 'MUG', quantity: 2 }], 4);
      await offer(t, (await order(t)).id); // offered, never answered: not counted

      const byChannel = await t.request('GET', '/v1/reports/feedback?by=channel');
      assert.equal(byChannel.status, 200, JSON.stringify(byChannel.body));
      assert.deepEqual(byChannel.body.overall, { count: 3, average: 3.67 });
      assert.deepEqual(byChannel.body.data.map((g: any) => [g.channel, g.count, g.average, g.distribution]), [
        ['pos', 1, 4, { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 }],
        ['web', 2, 3.5, { 1: 0, 2: 1, 3: 0, 4: 0, 5: 1 }],
      ]);
      const byProduct = await t.request('GET', '/v1/reports/feedback?by=product');
      assert.deepEqual(byProduct.body.data.map((g: any) => [g.sku, g.count, g.average]), [['MUG', 2, 4.5], ['TEE', 2, 3.5]], 'MUG twice on one order counts once');
      assert.equal((await t.request('GET', '/v1/reports/feedback?by=day')).status, 422);
      const future = await t.request('GET', '/v1/reports/feedback?by=channel&from=2099-01-01T00:00:00Z');
      assert.deepEqual(future.body.overall, { count: 0, average: null });
      const channelKey = t.as(await t.keyFor('channel', 'web'));
      assert.equal((await channelKey.request('GET', '/v1/reports/feedback?by=channel')).status, 403);
    });
  });
}
