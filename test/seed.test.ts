// The demo seed on a fresh tenant, read back through the API as a merchant would: the books
// balance, orders sit in every fulfillment, payment and hold state the seed means to show,
// returns in every state, every dashboard stage has work, the feedback report has answers,
// the seed's history e-mails nobody — and a second seed of the same tenant does nothing.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { seedDemo, type SeedResult } from '../src/seed/index.ts';
import { verifyInventory } from '../src/modules/inventory/index.ts';
import { STAGES } from '../src/modules/analytics/index.ts';

// Two weeks of history is enough for every state (deliveries inside the return window,
// orders in transit, the last two days in the warehouse) and keeps the test short.
const OPTIONS = { days: 14, ordersPerDay: 6, customers: 40, onlyIfEmpty: true };

interface OrderRow { id: string; number: string; status: string; fulfillment_status: string; payment_status: string }

for (const kind of testDatabases()) {
  describe(`demo seed (${kind})`, () => {
    let ta: TestApp;
    let t: TenantClient;
    let seeded: SeedResult | null;
    let orders: OrderRow[] = [];

    const get = async (url: string) => {
      const r = await t.request('GET', url);
      assert.equal(r.status, 200, `${url}: ${JSON.stringify(r.body)}`);
      return r.body;
    };

    before(async () => {
      ta = await startTestApp(kind);
      t = await ta.tenant();
      seeded = await seedDemo(ta.db.kysely, { ...OPTIONS, tenantId: t.tenantId });
      for (let cursor: string | null = null, first = true; first || cursor; first = false) {
        const page: { data: OrderRow[]; next_cursor: string | null } = await get(`/v1/orders?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
        orders.push(...page.data);
        cursor = page.next_cursor;
      }
    });
    after(async () => { await ta?.close(); });

    test('seeds the shop and its history, and the books balance', async () => {
      assert.ok(seeded);
      assert.equal(seeded.products, 50);
      // Besides the history: the replacement order of the exchange.
      assert.equal(orders.length, seeded.orders + 1);
      assert.ok(seeded.shipments > 20 && seeded.delivered > 20 && seeded.surveys > 0, JSON.stringify(seeded));
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
    });

    test('orders sit in every order, fulfillment and payment status the demo shows', () => {
      const statuses = (key: keyof OrderRow) => new Set(orders.map((o) => o[key]));
      for (const s of ['open', 'on_hold', 'canceled', 'completed']) assert.ok(statuses('status').has(s), `order status ${s}`);
      for (const s of ['unfulfilled', 'fulfilled', 'partially_delivered', 'delivered']) assert.ok(statuses('fulfillment_status').has(s), `fulfillment status ${s}`);
      for (const s of ['pending', 'authorized', 'paid', 'voided']) assert.ok(statuses('payment_status').has(s), `payment status ${s}`);
      assert.ok(statuses('payment_status').has('refunded') || statuses('payment_status').has('partially_refunded'), 'a refunded order');
    });

    test('fulfillment orders in every status, shipments delivered, in transit and picked up', async () => {
      for (const status of ['open', 'picking', 'picked', 'packed', 'shipped', 'ready_for_pickup', 'picked_up', 'canceled']) {
        const page = await get(`/v1/fulfillment-orders?status=${status}&limit=1`);
        assert.equal(page.data.length, 1, `a fulfillment order ${status}`);
      }
      for (const status of ['delivered', 'in_transit', 'picked_up']) {
        const page = await get(`/v1/shipments?status=${status}&limit=1`);
        assert.equal(page.data.length, 1, `a shipment ${status}`);
      }
      // A delivered parcel carries its carrier's scans, dated after the order and not in the future.
      const [delivered] = (await get('/v1/shipments?status=delivered&limit=1')).data;
      const statuses = delivered.events.map((e: { status: string }) => e.status);
      assert.ok(statuses.includes('in_transit') && statuses.includes('delivered'), JSON.stringify(statuses));
      assert.ok(new Date(delivered.delivered_at).getTime() <= Date.now());
      const waves = await get('/v1/pick-waves?status=open');
      assert.ok(waves.data.length > 0, 'a wave being picked');
    });

    test('holds: fraud review by rule, declined cards, an address outside the shipping area', async () => {
      const types = new Set<string>();
      for (const o of orders.filter((x) => x.status === 'on_hold')) {
        for (const h of (await get(`/v1/orders/${o.id}`)).holds) if (h.active) types.add(h.type);
      }
      for (const type of ['fraud_review', 'payment_declined', 'address_invalid']) assert.ok(types.has(type), `a ${type} hold (${[...types]})`);
    });

    test('returns in every state, closed ones refunded, and an exchange with its replacement', async () => {
      const all = (await get('/v1/returns?limit=200')).data as { status: string; refund: { amount: number } | null; exchange: { order: { id: string } | null } | null }[];
      for (const s of ['requested', 'approved', 'rejected', 'received', 'closed']) assert.ok(all.some((r) => r.status === s), `a return ${s}`);
      assert.ok(all.some((r) => r.status === 'closed' && (r.refund?.amount ?? 0) > 0), 'a closed return with a refund');
      assert.ok(all.some((r) => r.exchange?.order), 'an exchange with its replacement order');
    });

    test('every dashboard stage has work, and the feedback report has answers', async () => {
      const report = await get('/v1/reports/stages');
      for (const stage of STAGES) {
        const row = report.stages.find((s: { stage: string }) => s.stage === stage);
        assert.ok(row && row.orders > 0, `stage ${stage}: ${JSON.stringify(row)}`);
      }
      const feedback = await get('/v1/reports/feedback?by=channel');
      assert.equal(feedback.overall.count, seeded?.surveys);
      const ratings = new Set<number>();
      for (const group of feedback.data) for (const [rating, n] of Object.entries(group.distribution)) if (Number(n) > 0) ratings.add(Number(rating));
      assert.ok(ratings.size >= 3, `ratings spread: ${[...ratings]}`);
    });

    test('the history e-mails nobody and queues no webhook: its events are relayed to nobody', async () => {
      const count = async (table: 'notifications' | 'webhook_deliveries') =>
        Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where tenant_id = ${t.tenantId}`.execute(ta.db.kysely)).rows[0]?.n);
      assert.equal(await count('notifications'), 0);
      assert.equal(await count('webhook_deliveries'), 0);
      const open = await sql<{ n: string }>`select count(*) as n from outbox where tenant_id = ${t.tenantId} and published_at is null`.execute(ta.db.kysely);
      assert.equal(Number(open.rows[0]?.n), 0);
      assert.ok((seeded?.quiet_events ?? 0) > 0);
    });

    test('seeding the same tenant again does nothing', async () => {
      assert.equal(await seedDemo(ta.db.kysely, { ...OPTIONS, tenantId: t.tenantId }), null);
      const again = (await get('/v1/orders?limit=1')).data[0];
      assert.equal(again.id, orders[0]?.id);
      const { rows } = await sql<{ n: string }>`select count(*) as n from orders where tenant_id = ${t.tenantId}`.execute(ta.db.kysely);
      assert.equal(Number(rows[0]?.n), orders.length);
    });
  });
}
