// The relay handing a batch of events over at once (real orders, the real notification and
// webhook subscribers, real databases): a failing row among many rolls back only itself
// and is retried, a batch over several tenants keeps them apart, and a batch leaves
// exactly what relaying the same rows one by one leaves.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';
import { shipAndDeliver } from './helpers/deliver.ts';
import type { Kdb } from '../src/platform/db/index.ts';
import { enqueueOutbox } from '../src/platform/outbox.ts';
import {
  anyTopicMatches, OUTBOX_BACKOFF, registeredOutboxSubscribers, runOutboxRelayOnce, type OutboxMessage, type OutboxSubscriber, type RelayOptions,
} from '../src/platform/outbox/index.ts';
import { notificationSubscriber } from '../src/modules/notifications/index.ts';
import { webhookSubscriber } from '../src/modules/webhooks/index.ts';

/** Everything relaying wrote for the tenant, without what differs between two equal runs (generated ids, survey tokens, times). */
async function effectsOf(db: Kdb, tenantId: string) {
  const outbox = await db.selectFrom('outbox').select(['id', 'topic', 'published_at', 'attempts', 'last_error', 'failed_at'])
    .where('tenant_id', '=', tenantId).orderBy('id').execute();
  const notifications = await db.selectFrom('notifications')
    .select(['outbox_id', 'template', 'order_id', 'recipient', 'subject', 'body_text', 'body_html', 'status', 'attempts'])
    .where('tenant_id', '=', tenantId).orderBy('outbox_id').orderBy('template').execute();
  const deliveries = await db.selectFrom('webhook_deliveries').select(['endpoint_id', 'outbox_id', 'topic', 'payload', 'status', 'attempts'])
    .where('tenant_id', '=', tenantId).orderBy('outbox_id').orderBy('endpoint_id').execute();
  const surveys = await db.selectFrom('surveys').select('order_id').where('tenant_id', '=', tenantId).orderBy('order_id').execute();
  const token = (text: string | null) => text?.replace(/\/survey\/[A-Za-z0-9_-]+/g, '/survey/<token>') ?? null;
  return {
    outbox: outbox.map((r) => ({ ...r, published_at: r.published_at !== null, failed_at: r.failed_at !== null })),
    notifications: notifications.map((n) => ({ ...n, body_text: token(n.body_text), body_html: token(n.body_html) })),
    deliveries,
    surveys,
  };
}

/** Undoes the relaying of the tenant's rows, so they can be relayed again another way. */
async function unrelay(db: Kdb, tenantId: string): Promise<void> {
  await db.deleteFrom('notifications').where('tenant_id', '=', tenantId).execute();
  await db.deleteFrom('webhook_deliveries').where('tenant_id', '=', tenantId).execute();
  await db.deleteFrom('surveys').where('tenant_id', '=', tenantId).execute();
  await db.updateTable('outbox').set({ published_at: null, attempts: 0, last_error: null, failed_at: null, next_attempt_at: sql<Date>`now()` })
    .where('tenant_id', '=', tenantId).execute();
}

/** Fails the events it is told to while `refuse` is on; writes nothing itself. */
function refusingSubscriber(refused: Set<number>): OutboxSubscriber & { refuse: boolean } {
  const subscriber = {
    name: 'test-refuser', topics: ['*'], refuse: true,
    async handle(_trx: Kdb, message: OutboxMessage) {
      if (subscriber.refuse && refused.has(message.id)) throw new Error(`refused ${message.id}`);
    },
  };
  return subscriber;
}

for (const kind of testDatabases()) {
  describe(`outbox relay, a batch at once (${kind})`, () => {
    let app: TestApp;
    let db: Kdb;
    const relay = (options: RelayOptions = {}) => runOutboxRelayOnce(db, { config: app.config, batchSize: 100, ...options });
    const drain = async (options: RelayOptions = {}) => { while ((await relay(options)).claimed > 0); };

    before(async () => {
      app = await startTestApp(kind);
      db = app.db.kysely;
    });
    after(async () => { await app.close(); });

    async function shop(t: TenantClient): Promise<void> {
      await setUpShop(t, {
        products: [{ sku: 'TEE-M', price: 1999 }, { sku: 'MUG', price: 900 }],
        locations: [{ code: 'WH-1' }, { code: 'STORE-1', kind: 'store', pickup: true }],
        stock: { 'TEE-M': { 'WH-1': 100, 'STORE-1': 10 }, MUG: { 'WH-1': 100 } },
      });
    }

    async function placeOrder(t: TenantClient, email: string | null, lines = [{ sku: 'TEE-M', quantity: 1 }]): Promise<{ id: string; number: string }> {
      const body = orderBody(lines, email ? { customer: { email, name: `Buyer ${email}` } } : {});
      const placed = await t.request('POST', '/v1/orders', email ? body : { ...body, customer: undefined });
      assert.equal(placed.status, 201, JSON.stringify(placed.body));
      return placed.body;
    }

    async function webhook(t: TenantClient, topics: string[]): Promise<string> {
      const created = await t.request('POST', '/v1/webhooks', { url: 'https://hooks.example.com/ordo', topics });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body.id;
    }

    async function outboxIdsOf(tenantId: string, topic: string): Promise<number[]> {
      const rows = await db.selectFrom('outbox').select('id').where('tenant_id', '=', tenantId).where('topic', '=', topic).orderBy('id').execute();
      return rows.map((r) => r.id);
    }

    test('a batch leaves exactly what relaying the same rows one by one leaves', async () => {
      await drain(); // earlier tests' rows out of the way
      const t = await app.tenant();
      await shop(t);
      await webhook(t, ['order.*']);
      await webhook(t, ['*']);
      await webhook(t, ['shipment.created', 'refund.issued']);
      const deleted = await webhook(t, ['*']);
      assert.equal((await t.request('DELETE', `/v1/webhooks/${deleted}`)).status, 204);
      const orders = [];
      for (let i = 0; i < 6; i++) orders.push(await placeOrder(t, `buyer${i}@batch.example.com`, [{ sku: 'TEE-M', quantity: 1 + i }, { sku: 'MUG', quantity: 1 }]));
      const anonymous = await placeOrder(t, null);
      const [shipped, delivered, canceled, returned, pickup] = orders as [typeof orders[number], typeof orders[number], typeof orders[number], typeof orders[number], typeof orders[number]];
      await shipAndDeliver(t, shipped.id, { deliveredAt: null });
      await shipAndDeliver(t, delivered.id);
      assert.equal((await t.request('POST', `/v1/orders/${canceled.id}/cancel`, { reason: 'customer asked' })).status, 200);
      await enqueueOutbox(db, t.tenantId, [
        { topic: 'order.ready_for_pickup', aggregateId: pickup.id, payload: { order_id: pickup.id, fulfillment_order_id: 'ful_x', location: 'STORE-1' } },
        { topic: 'return.approved', aggregateId: returned.id, payload: { order_id: returned.id, return_id: 'ret_x', number: 7 } },
        { topic: 'refund.issued', aggregateId: returned.id, payload: { order_id: returned.id, refund_id: 'ref_x', amount: 1250, currency: 'USD' } },
        // The same order delivered twice: the second mail's survey link replaces the first.
        { topic: 'order.delivered', aggregateId: delivered.id, payload: { order_id: delivered.id } },
        { topic: 'order.delivered', aggregateId: anonymous.id, payload: { order_id: anonymous.id } },
        { topic: 'order.canceled', aggregateId: 'ord_missing', payload: { order_id: 'ord_01jzzzzzzzzzzzzzzzzzzzzzzz' } },
        { topic: 'order.canceled', aggregateId: 'ord_odd', payload: { order_id: 'ord_"odd", {braces} \\ back\'slash' } },
        // An order named by its number is found by it, as the orders module does.
        { topic: 'order.canceled', aggregateId: canceled.id, payload: { order_id: String(canceled.number) } },
        { topic: 'refund.issued', aggregateId: 'x', payload: { refund_id: 'ref_without_order', amount: 5 } },
        { topic: 'test.nobody_listens', aggregateId: 'x', payload: { n: 1 } },
      ]);
      const pending = (await effectsOf(db, t.tenantId)).outbox.length;
      assert.ok(pending >= 20, `only ${pending} events`);

      const atOnce = await relay();
      assert.deepEqual(atOnce, { claimed: pending, published: pending, retrying: 0, failed: 0, rowByRow: false });
      const batchEffects = await effectsOf(db, t.tenantId);

      await unrelay(db, t.tenantId);
      const oneByOne = await relay({ rowByRow: true });
      assert.deepEqual(oneByOne, { claimed: pending, published: pending, retrying: 0, failed: 0, rowByRow: true });
      const rowEffects = await effectsOf(db, t.tenantId);

      assert.deepEqual(batchEffects, rowEffects);
      // And the comparison compared something: every kind of mail, deliveries for the live endpoints only.
      assert.deepEqual([...new Set(batchEffects.notifications.map((n) => n.template))].sort(),
        ['order_canceled', 'order_confirmed', 'order_delivered', 'order_shipped', 'ready_for_pickup', 'refund_issued', 'return_approved']);
      assert.equal(batchEffects.notifications.filter((n) => n.template === 'order_confirmed').length, 6, 'no mail for the order without an e-mail');
      assert.equal(batchEffects.notifications.filter((n) => n.template === 'order_delivered').length, 2);
      assert.ok(batchEffects.deliveries.length > 2 * pending - 10);
      assert.ok(!batchEffects.deliveries.some((d) => d.endpoint_id === deleted));
    });

    test('one failing row among many: the others are published with their mails and deliveries once; it is retried, then published once', async () => {
      await drain();
      const t = await app.tenant();
      await shop(t);
      const endpoint = await webhook(t, ['order.created']);
      for (let i = 0; i < 12; i++) await placeOrder(t, `first${i}@batch.example.com`);
      const created = await outboxIdsOf(t.tenantId, 'order.created');
      const flaky = created[5]!;
      const refuser = refusingSubscriber(new Set([flaky]));
      const subscribers = [...registeredOutboxSubscribers(), refuser];
      // A minute ahead: the orders placed below are due by then, the refused row (due 5 s later) is not.
      const now = new Date(Date.now() + 60_000);

      const first = await relay({ subscribers, now });
      assert.deepEqual(first, { claimed: 12, published: 11, retrying: 1, failed: 0, rowByRow: true });
      let effects = await effectsOf(db, t.tenantId);
      const flakyRow = effects.outbox.find((r) => r.id === flaky)!;
      assert.deepEqual([flakyRow.published_at, flakyRow.attempts], [false, 1]);
      assert.match(flakyRow.last_error ?? '', /refused/);
      assert.ok(effects.outbox.filter((r) => r.id !== flaky).every((r) => r.published_at && r.attempts === 1 && r.last_error === null));
      assert.deepEqual(effects.notifications.map((n) => n.outbox_id), created.filter((id) => id !== flaky), 'one mail per published event, none for the failed one');
      assert.deepEqual(effects.deliveries.map((d) => [d.outbox_id, d.endpoint_id]), created.filter((id) => id !== flaky).map((id) => [id, endpoint]));

      // Not due again yet: the next orders go through without it, at once.
      for (let i = 0; i < 4; i++) await placeOrder(t, `second${i}@batch.example.com`);
      const meanwhile = await relay({ subscribers, now });
      assert.deepEqual(meanwhile, { claimed: 4, published: 4, retrying: 0, failed: 0, rowByRow: false });

      // Due again and no longer refused: published once, in a batch with newer rows.
      refuser.refuse = false;
      for (let i = 0; i < 3; i++) await placeOrder(t, `third${i}@batch.example.com`);
      const retried = await relay({ subscribers, now: new Date(now.getTime() + OUTBOX_BACKOFF.maxMs * 2) });
      assert.deepEqual(retried, { claimed: 4, published: 4, retrying: 0, failed: 0, rowByRow: false });
      effects = await effectsOf(db, t.tenantId);
      const all = await outboxIdsOf(t.tenantId, 'order.created');
      assert.equal(all.length, 19);
      assert.ok(effects.outbox.every((r) => r.published_at));
      assert.deepEqual(effects.outbox.find((r) => r.id === flaky)!.attempts, 2);
      assert.deepEqual(effects.notifications.map((n) => n.outbox_id), all, 'every order confirmed exactly once');
      assert.deepEqual(effects.deliveries.map((d) => d.outbox_id), all, 'every event queued exactly once for the endpoint');
    });

    test('a batch form that throws (a mail that cannot be rendered) fails only its own row', async () => {
      await drain();
      const t = await app.tenant();
      await shop(t);
      await webhook(t, ['*']);
      const order = await placeOrder(t, 'refund@batch.example.com');
      await enqueueOutbox(db, t.tenantId, [
        { topic: 'refund.issued', aggregateId: order.id, payload: { order_id: order.id, refund_id: 'ref_bad', amount: 'a lot' } },
      ]);
      await placeOrder(t, 'after@batch.example.com');
      const result = await relay();
      assert.deepEqual(result, { claimed: 3, published: 2, retrying: 1, failed: 0, rowByRow: true });
      const effects = await effectsOf(db, t.tenantId);
      const bad = effects.outbox.find((r) => r.topic === 'refund.issued')!;
      assert.equal(bad.published_at, false);
      assert.match(bad.last_error ?? '', /integer amount/);
      assert.deepEqual(effects.notifications.map((n) => n.template), ['order_confirmed', 'order_confirmed']);
      assert.deepEqual(effects.deliveries.map((d) => d.topic), ['order.created', 'order.created'], 'no delivery of the failed event either');
    });

    test('a batch over several tenants keeps each tenant\'s endpoints, orders and mails apart', async () => {
      await drain();
      const tenants = [await app.tenant(), await app.tenant(), await app.tenant()] as [TenantClient, TenantClient, TenantClient];
      for (const t of tenants) await shop(t);
      const [a, b, c] = tenants;
      const aOrders = await webhook(a, ['order.*']);
      const aAll = await webhook(a, ['*']);
      await webhook(b, ['shipment.created']); // nothing it wants in this batch
      // c has no endpoint at all.
      const placed = new Map<string, { id: string; email: string }[]>(tenants.map((t) => [t.tenantId, []]));
      for (let i = 0; i < 5; i++) {
        for (const t of tenants) {
          const email = `${t.tenantId}.${i}@tenants.example.com`;
          placed.get(t.tenantId)!.push({ id: (await placeOrder(t, email)).id, email });
        }
      }
      let pending = 0;
      for (const t of tenants) pending += (await effectsOf(db, t.tenantId)).outbox.length;
      const result = await relay();
      assert.deepEqual(result, { claimed: pending, published: pending, retrying: 0, failed: 0, rowByRow: false });
      const aEndpoints = [{ id: aOrders, topics: ['order.*'] }, { id: aAll, topics: ['*'] }].sort((x, y) => x.id.localeCompare(y.id));
      for (const t of tenants) {
        const effects = await effectsOf(db, t.tenantId);
        assert.ok(effects.outbox.every((r) => r.published_at));
        const mine = placed.get(t.tenantId)!;
        assert.deepEqual(effects.notifications.map((n) => [n.order_id, n.recipient]), mine.map((o) => [o.id, o.email]), t.tenantId);
        const expected = t !== a ? [] : effects.outbox.flatMap((r) => aEndpoints.filter((e) => anyTopicMatches(e.topics, r.topic)).map((e) => [r.id, e.id]));
        assert.deepEqual(effects.deliveries.map((d) => [d.outbox_id, d.endpoint_id]), expected, t.tenantId);
        for (const d of effects.deliveries) assert.ok(mine.some((o) => o.id === (d.payload as any).data.order_id));
      }
      assert.equal((await effectsOf(db, b.tenantId)).deliveries.length + (await effectsOf(db, c.tenantId)).deliveries.length, 0);
    });

    test('a subscriber whose handler was replaced by a wrapper is called event by event, not through the old batch form', async () => {
      await drain();
      const t = await app.tenant();
      await shop(t);
      await webhook(t, ['*']);
      for (let i = 0; i < 3; i++) await placeOrder(t, `wrapped${i}@batch.example.com`);
      const passedOver: number[] = [];
      // As the seed does for its own history: the same subscribers, told to let these events pass.
      const quiet = [notificationSubscriber, webhookSubscriber].map((s): OutboxSubscriber => ({
        ...s, handle: async (_trx, message) => { passedOver.push(message.id); },
      }));
      const result = await relay({ subscribers: quiet });
      assert.deepEqual(result, { claimed: 3, published: 3, retrying: 0, failed: 0, rowByRow: false });
      assert.equal(passedOver.length, 6);
      const effects = await effectsOf(db, t.tenantId);
      assert.deepEqual([effects.notifications.length, effects.deliveries.length], [0, 0]);
    });
  });
}
