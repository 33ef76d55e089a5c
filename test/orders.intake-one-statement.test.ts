// The short way in (src/modules/orders/intake.fast.ts): an order without a payment is
// written in one statement from unlocked reads. It must write exactly what the
// transactional way writes, undo itself completely when its external_id existed or a
// level lost its units after the read, and leave those cases to the transactional way.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { levelOf, orderBody, setUpShop } from './helpers/fixtures.ts';
import { transaction } from '../src/platform/http/index.ts';
import { newId } from '../src/platform/ids.ts';
import { orderNumberSequence, type Principal } from '../src/modules/access/index.ts';
import { verifyInventory } from '../src/modules/inventory/index.ts';
import { createOrder } from '../src/modules/orders/index.ts';
import type { OrderInput } from '../src/modules/orders/order.schemas.ts';
import { createOrderInOneStatement } from '../src/modules/orders/intake.fast.ts';
import { INTAKE_ABORT, insertWholeOrder } from '../src/modules/orders/intake.fast.repository.ts';
import { loadIntakeSnapshot } from '../src/modules/orders/intake.repository.ts';
import { availableStock, newOrderRow, orderContents, planIntake, prepareIntake, snapshotQuery } from '../src/modules/orders/intake.steps.ts';
import type { Kdb } from '../src/platform/db/index.ts';

const SHOP = {
  products: [{ sku: 'A', price: 1000 }, { sku: 'B', price: 2500 }],
  locations: [{ code: 'WH-1', priority: 1 }, { code: 'WH-2', priority: 2 }],
  stock: { A: { 'WH-1': 5, 'WH-2': 5 }, B: { 'WH-2': 4 } },
};

function principalOf(t: TenantClient): Principal {
  return { tenantId: t.tenantId, keyId: 'key_test', role: 'admin', channelId: null, actor: 'key:key_test' } as Principal;
}

function input(externalId: string, extra: Record<string, unknown> = {}): OrderInput {
  return orderBody([{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }], { external_id: externalId, shipping: { method: 'standard', amount: 500 }, ...extra }) as unknown as OrderInput;
}

/** Every row an order wrote, without ids and times, so two orders can be compared. */
async function rowsOf(db: Kdb, tenantId: string, orderId: string) {
  const q = async (text: ReturnType<typeof sql>) => (await text.execute(db)).rows;
  return {
    lines: await q(sql`select position, sku, quantity, unit_price, discount_allocated, total, backordered from order_lines where tenant_id = ${tenantId} and order_id = ${orderId} order by position`),
    allocations: await q(sql`select a.product_id, l.code, a.quantity, a.status from order_allocations a join locations l on l.tenant_id = a.tenant_id and l.id = a.location_id
      where a.tenant_id = ${tenantId} and a.order_id = ${orderId} order by a.product_id, l.code`),
    fulfillment: await q(sql`select l.code, f.status, f.delivery_type from fulfillment_orders f join locations l on l.tenant_id = f.tenant_id and l.id = f.location_id
      where f.tenant_id = ${tenantId} and f.order_id = ${orderId} order by l.code`),
    ledger: await q(sql`select product_id, location_id, delta_on_hand, delta_reserved, reason from inventory_movements where tenant_id = ${tenantId} and order_id = ${orderId} order by product_id, location_id`),
    events: await q(sql`select type, actor, data - 'routing' as data, data ? 'routing' as explained from order_events where tenant_id = ${tenantId} and order_id = ${orderId}`),
    outbox: await q(sql`select topic, payload - 'id' - 'order_id' - 'number' as payload, payload ? 'number' as numbered from outbox where tenant_id = ${tenantId} and aggregate_id = ${orderId}`),
  };
}

async function count(db: Kdb, table: string, tenantId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where tenant_id = ${tenantId}`.execute(db);
  return rows[0]?.n ?? -1;
}

for (const kind of testDatabases()) {
  describe(`order intake in one statement (${kind})`, () => {
    let ta: TestApp;
    let db: Kdb;
    before(async () => { ta = await startTestApp(kind); db = ta.db.kysely; });
    after(async () => { await ta?.close(); });

    test('writes the same order, rows and answer as the transactional way', async () => {
      const t = await ta.tenant();
      await setUpShop(t, SHOP);
      const short = await createOrderInOneStatement(db, principalOf(t), input('S-1'));
      assert.ok(short, 'an order without payment, hold rules or shortage takes the short way');
      const locked = await transaction(db, (trx) => createOrder(trx, principalOf(t), input('S-2')));
      const comparable = (view: typeof locked) => ({
        ...view, id: undefined, number: undefined, external_id: undefined, created_at: undefined, updated_at: undefined,
        lines: view.lines.map((l) => ({ ...l, id: undefined })),
        fulfillment_orders: view.fulfillment_orders.map((f) => ({ ...f, id: undefined, lines: f.lines.map((l) => ({ ...l, order_line_id: undefined, allocation_id: undefined })) })),
      });
      assert.deepEqual(comparable(short), comparable(locked));
      assert.equal(Number(locked.number), Number(short.number) + 1, 'numbers come from the same sequence');
      assert.deepEqual(await rowsOf(db, t.tenantId, short.id), await rowsOf(db, t.tenantId, locked.id));
      const stored = await t.request('GET', `/v1/orders/${short.id}`);
      const answered = JSON.parse(JSON.stringify(short)) as Record<string, unknown>;
      const read = Object.fromEntries(Object.keys(answered).map((k) => [k, stored.body[k]]));
      assert.deepEqual(read, answered, 'the answer is what a read shows');
      const { rows } = await sql<{ number: string }>`select payload->>'number' as number from outbox where tenant_id = ${t.tenantId} and aggregate_id = ${short.id}`.execute(db);
      assert.equal(rows[0]?.number, short.number, 'the outbox payload carries the order number');
      assert.deepEqual(await verifyInventory(db, t.tenantId), []);
    });

    test('a level that lost its units after the read: the statement undoes everything, the route then takes the locked way', async () => {
      const t = await ta.tenant();
      await setUpShop(t, SHOP);
      const principal = principalOf(t);
      const order = input('S-RACE', { customer: { email: 'new@example.com', name: 'New Customer' } });
      const snapshot = await loadIntakeSnapshot(db, t.tenantId, { ...snapshotQuery(order), withLevels: true });
      const prepared = prepareIntake(snapshot, principal, order);
      const plan = planIntake(prepared, snapshot, availableStock(snapshot.levels));
      const orderId = newId('ord');
      const contents = orderContents(prepared, plan, orderId, principal.actor, t.tenantId);
      // Another order takes B at WH-2 between the read and the write.
      assert.equal((await t.request('POST', '/v1/inventory/adjustments', { sku: 'B', location: 'WH-2', delta: -4, reason: 'damage' })).status < 300, true);
      const before = await Promise.all(['customers', 'orders', 'order_lines', 'order_allocations', 'fulfillment_orders', 'inventory_movements', 'order_events', 'outbox'].map((table) => count(db, table, t.tenantId)));
      await assert.rejects(insertWholeOrder(db, t.tenantId, orderNumberSequence(t.tenantId), principal.actor, {
        order: newOrderRow(prepared, orderId, null), customer: order.customer ?? null, lines: contents.lineRows, parts: contents.reservation.parts,
        levelCount: contents.reservation.levelCount, events: contents.events, outbox: [{ topic: 'order.created', aggregateId: orderId, payload: contents.createdPayload }], more: [],
      }), (error: { code?: string }) => error.code === INTAKE_ABORT.stockChanged);
      const afterwards = await Promise.all(['customers', 'orders', 'order_lines', 'order_allocations', 'fulfillment_orders', 'inventory_movements', 'order_events', 'outbox'].map((table) => count(db, table, t.tenantId)));
      assert.deepEqual(afterwards, before, 'nothing of the order stayed, not even the new customer');
      assert.equal((await levelOf(t, 'A', 'WH-1')).reserved, 0);

      const r = await t.request('POST', '/v1/orders', order);
      assert.equal(r.status, 422, 'the locked way refuses from the levels as they are now');
      assert.equal(r.body.code, 'insufficient_inventory');
      assert.deepEqual(await verifyInventory(db, t.tenantId), []);
    });

    test('a duplicate external_id is refused with the first order named, and the customer upsert is undone', async () => {
      const t = await ta.tenant();
      await setUpShop(t, SHOP);
      const first = await t.request('POST', '/v1/orders', input('S-DUP'));
      assert.equal(first.status, 201);
      const again = await t.request('POST', '/v1/orders', input('S-DUP', { customer: { email: 'ana@example.com', name: 'Someone Else', phone: '+15550100' } }));
      assert.equal(again.status, 409, JSON.stringify(again.body));
      assert.equal(again.body.code, 'duplicate_order');
      assert.equal(again.body.id, first.body.id);
      const { rows } = await sql<{ name: string; phone: string | null }>`select name, phone from customers where tenant_id = ${t.tenantId}`.execute(db);
      assert.deepEqual(rows, [{ name: 'Ana Lima', phone: null }]);
      assert.equal((await levelOf(t, 'A', 'WH-2')).reserved, 2, 'only the first order holds stock (WH-2 has both SKUs)');
      assert.equal((await levelOf(t, 'A', 'WH-1')).reserved, 0);
    });

    test('an order with a payment writes the same payment and provider call as the transactional way', async () => {
      const t = await ta.tenant();
      await setUpShop(t, SHOP);
      const principal = principalOf(t);
      const card = { payment: { provider: 'test_card', token: 'tok_approve', method: 'visa' } };
      const short = await createOrderInOneStatement(db, principal, input('S-CARD-1', card));
      assert.ok(short, 'an order with a payment takes the short way');
      const locked = await transaction(db, (trx) => createOrder(trx, principal, input('S-CARD-2', card)));
      const strip = (payments: typeof locked.payments) => (payments ?? []).map((p) => ({
        ...p, id: undefined, order_id: undefined, created_at: undefined, transactions: p.transactions.map((c) => ({ ...c, id: undefined, created_at: undefined })),
      }));
      assert.equal(short.payments?.length, 1);
      assert.deepEqual(strip(short.payments), strip(locked.payments));
      const rowsFor = async (orderId: string) => (await sql<Record<string, unknown>>`
        select p.provider, p.method, p.token, p.currency, p.amount, p.status, p.authorized_amount, p.captured_amount, t.kind, t.amount as call_amount,
          t.status as call_status, t.idempotency_key = p.id || '/' || t.kind as keyed_by_payment, t.attempts
        from payments p join payment_transactions t on t.tenant_id = p.tenant_id and t.payment_id = p.id
        where p.tenant_id = ${t.tenantId} and p.order_id = ${orderId}`.execute(db)).rows;
      assert.deepEqual(await rowsFor(short.id), await rowsFor(locked.id));
      assert.equal((await rowsFor(short.id)).length, 1);

      const before = await count(db, 'orders', t.tenantId);
      await assert.rejects(createOrderInOneStatement(db, principal, input('S-CARD-3', { payment: { provider: 'test_card' } })),
        (error: { code?: string }) => error.code === 'validation_failed');
      assert.equal(await count(db, 'orders', t.tenantId), before, 'a card without a token writes nothing');
      const answered = await t.request('POST', '/v1/orders', input('S-CARD-4', card));
      assert.equal(answered.status, 201);
      assert.equal(answered.body.payment_status, 'authorized', 'the provider call ran right after the statement');
    });

    test('orders it does not take (shortage, backorder, hold rules) go the transactional way', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { ...SHOP, products: [...SHOP.products, { sku: 'C', price: 100, policy: 'continue' }] });
      const principal = principalOf(t);
      assert.equal(await createOrderInOneStatement(db, principal, orderBody([{ sku: 'B', quantity: 5 }]) as unknown as OrderInput), null);
      assert.equal(await createOrderInOneStatement(db, principal, orderBody([{ sku: 'C', quantity: 1 }]) as unknown as OrderInput), null);
      assert.equal((await count(db, 'orders', t.tenantId)), 0);
      const backorder = await t.request('POST', '/v1/orders', orderBody([{ sku: 'C', quantity: 1 }]));
      assert.equal(backorder.status, 201);
      assert.equal(backorder.body.lines[0].backordered, 1);
      assert.equal((await t.request('POST', '/v1/settings/hold-rules', { name: 'big', kind: 'total_above', params: { amount: 1_000_000, currency: 'USD' } })).status < 300, true);
      assert.equal(await createOrderInOneStatement(db, principal, input('S-RULES')), null);
    });
  });
}

test('the generic-plan connections plan generically; the others keep PostgreSQL\'s choice', {
  skip: process.env.ORDO_TEST_DATABASE_URL ? false : 'needs ORDO_TEST_DATABASE_URL (PostgreSQL)',
}, async () => {
  const ta = await startTestApp('postgres');
  try {
    const mode = async (db: Kdb) => (await sql<{ mode: string }>`select current_setting('plan_cache_mode') as mode`.execute(db)).rows[0]?.mode;
    assert.equal(await mode(ta.db.genericPlans), 'force_generic_plan');
    assert.equal(await mode(ta.db.kysely), 'auto');
  } finally {
    await ta.close();
  }
});
