// Exchanges: on approval a linked replacement order (same channel, customer, address)
// carries the returned items' value as its discount. Dearer: the customer owes exactly
// the difference on the replacement. Cheaper: the rest is refunded on close, exactly.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { ADDRESS, orderBody, setUpShop } from './helpers/fixtures.ts';
import { shipAndDeliver } from './helpers/deliver.ts';
import { markOrderPaid, refundsOf } from './helpers/paid.ts';
import { verifyInventory } from '../src/modules/inventory/index.ts';

for (const kind of testDatabases()) {
  describe(`returns exchange (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    async function shop(): Promise<TenantClient> {
      const t = await ta.tenant();
      await setUpShop(t, {
        products: [{ sku: 'TEE', price: 2000 }, { sku: 'BIG', price: 3500 }, { sku: 'SOCK', price: 333 }],
        stock: { TEE: { 'WH-1': 10 }, BIG: { 'WH-1': 10 }, SOCK: { 'WH-1': 10 } },
      });
      return t;
    }

    /** TEE×3 with a 1 minor-unit discount: line value 5999, so one unit is worth 1999 (floored). */
    async function deliveredOrder(t: TenantClient) {
      const created = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE', quantity: 3 }], { discount_total: 1 }));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      await shipAndDeliver(t, created.body.id);
      await markOrderPaid(ta.db.kysely, t.tenantId, created.body.id);
      return created.body;
    }

    async function receiveAndClose(t: TenantClient, ret: any, lineId: string) {
      const received = await t.request('POST', `/v1/returns/${ret.id}/receive`, { location: 'WH-1', items: [{ line_id: lineId, quantity: 1, condition: 'sellable' }] });
      assert.equal(received.status, 200, JSON.stringify(received.body));
      const closed = await t.request('POST', `/v1/returns/${ret.id}/close`);
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      return closed.body;
    }

    test('a dearer replacement: the credit is its discount and the customer owes exactly the difference; nothing is refunded', async () => {
      const t = await shop();
      const order = await deliveredOrder(t);
      const asked = await t.request('POST', '/v1/returns', { order: order.id, items: [{ sku: 'TEE', quantity: 1, reason: 'too_small' }], exchange: { lines: [{ sku: 'BIG', quantity: 1 }] } });
      assert.equal(asked.status, 201, JSON.stringify(asked.body));
      assert.equal(asked.body.exchange.order, null, 'no replacement before approval');
      const approved = await t.request('POST', `/v1/returns/${asked.body.id}/approve`);
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      const { exchange } = approved.body;
      assert.equal(exchange.credit, 1999);
      const replacement = (await t.request('GET', `/v1/orders/${exchange.order.id}`)).body;
      assert.deepEqual([replacement.channel, replacement.customer.email, replacement.shipping_address, replacement.external_id],
        ['web', 'ana@example.com', ADDRESS, `return-${asked.body.id}`]);
      assert.deepEqual(replacement.lines.map((l: any) => [l.sku, l.quantity, l.unit_price]), [['BIG', 1, 3500]]);
      assert.deepEqual([replacement.subtotal, replacement.discount_total, replacement.total], [3500, 1999, 1501]);
      assert.equal(replacement.lines[0].allocations[0].status, 'reserved', 'the replacement reserves stock like any order');
      const closed = await receiveAndClose(t, asked.body, order.lines[0].id);
      assert.deepEqual([closed.refund.items, closed.refund.exchange_credit, closed.refund.amount, closed.refund.refund_id], [1999, 1999, 0, null]);
      assert.deepEqual(await refundsOf(ta.db.kysely, t.tenantId, order.id), []);
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
    });

    test('a cheaper replacement: total 0, and the unused credit is refunded on close, exactly', async () => {
      const t = await shop();
      const order = await deliveredOrder(t);
      const approved = await t.request('POST', '/v1/returns', { order: order.number, items: [{ sku: 'TEE', quantity: 1, reason: 'too_large' }], exchange: { lines: [{ sku: 'SOCK', quantity: 2 }] }, approve: true });
      assert.equal(approved.status, 201, JSON.stringify(approved.body));
      assert.equal(approved.body.exchange.credit, 666);
      const replacement = (await t.request('GET', `/v1/orders/${approved.body.exchange.order.number}`)).body;
      assert.deepEqual([replacement.subtotal, replacement.discount_total, replacement.total], [666, 666, 0]);
      assert.equal(approved.body.refund_preview.amount, 1999 - 666);
      const closed = await receiveAndClose(t, approved.body, order.lines[0].id);
      assert.deepEqual([closed.refund.items, closed.refund.exchange_credit, closed.refund.amount], [1999, 666, 1333]);
      const refunds = await refundsOf(ta.db.kysely, t.tenantId, order.id);
      assert.deepEqual(refunds.map((r) => [r.amount, r.return_id]), [[1333, approved.body.id]]);
    });

    test('rejecting an approved exchange cancels its replacement; unknown exchange SKUs are refused up front', async () => {
      const t = await shop();
      const order = await deliveredOrder(t);
      const bad = await t.request('POST', '/v1/returns', { order: order.id, items: [{ sku: 'TEE', quantity: 1, reason: 'other' }], exchange: { lines: [{ sku: 'NOPE', quantity: 1 }] } });
      assert.deepEqual([bad.status, bad.body.errors[0].path], [422, 'exchange.lines[0].sku']);
      const approved = (await t.request('POST', '/v1/returns', { order: order.id, items: [{ sku: 'TEE', quantity: 1, reason: 'other' }], exchange: { lines: [{ sku: 'BIG', quantity: 1 }] }, approve: true })).body;
      const rejected = await t.request('POST', `/v1/returns/${approved.id}/reject`, { reason: 'customer changed their mind' });
      assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
      const replacement = (await t.request('GET', `/v1/orders/${approved.exchange.order.id}`)).body;
      assert.equal(replacement.status, 'canceled');
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
      // Once the replacement has shipped, the exchange can no longer be rejected.
      const shippedOne = (await t.request('POST', '/v1/returns', { order: order.id, items: [{ sku: 'TEE', quantity: 1, reason: 'other' }], exchange: { lines: [{ sku: 'SOCK', quantity: 1 }] }, approve: true })).body;
      await shipAndDeliver(t, shippedOne.exchange.order.id, { deliveredAt: null });
      const late = await t.request('POST', `/v1/returns/${shippedOne.id}/reject`, { reason: 'too late' });
      assert.deepEqual([late.status, late.body.code], [409, 'invalid_transition']);
      assert.equal((await t.request('GET', `/v1/returns/${shippedOne.id}`)).body.status, 'approved');
      // Out of stock for the replacement: approval is refused and nothing is written.
      await t.request('POST', '/v1/inventory/adjustments', { sku: 'BIG', location: 'WH-1', delta: -10, reason: 'loss' });
      const asked = (await t.request('POST', '/v1/returns', { order: order.id, items: [{ sku: 'TEE', quantity: 1, reason: 'other' }], exchange: { lines: [{ sku: 'BIG', quantity: 1 }] } })).body;
      const refused = await t.request('POST', `/v1/returns/${asked.id}/approve`);
      assert.deepEqual([refused.status, refused.body.code], [422, 'insufficient_inventory']);
      assert.equal((await t.request('GET', `/v1/returns/${asked.id}`)).body.status, 'requested');
    });
  });
}
