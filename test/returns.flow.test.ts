// A return's life: requested → approved → received (restocked or written off through the
// ledger) → closed with its refund; every illegal move is 409 and changes nothing;
// refunds of several partial returns add up to the order total exactly.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { levelOf, orderBody, setUpShop } from './helpers/fixtures.ts';
import { shipAndDeliver } from './helpers/deliver.ts';
import { markOrderPaid, refundsOf } from './helpers/paid.ts';
import { verifyInventory } from '../src/modules/inventory/index.ts';

for (const kind of testDatabases()) {
  describe(`returns flow (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    async function shop(): Promise<TenantClient> {
      const t = await ta.tenant();
      await setUpShop(t, {
        locations: [{ code: 'WH-1' }, { code: 'RET-1' }],
        products: [{ sku: 'TEE', price: 2000 }, { sku: 'MUG', price: 1000 }],
        stock: { TEE: { 'WH-1': 50 }, MUG: { 'WH-1': 50 } },
      });
      return t;
    }

    /** TEE×3 and MUG×2, discount 700, shipping 500, tax 330: total 8130. */
    async function deliveredOrder(t: TenantClient) {
      const created = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE', quantity: 3 }, { sku: 'MUG', quantity: 2 }], {
        discount_total: 700, tax_total: 330, shipping: { method: 'standard', amount: 500 },
      }));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.total, 8130);
      await shipAndDeliver(t, created.body.id);
      await markOrderPaid(ta.db.kysely, t.tenantId, created.body.id);
      return created.body;
    }

    const lineOf = (order: any, sku: string): string => order.lines.find((l: any) => l.sku === sku).id;

    test('every illegal move is 409 invalid_transition and changes nothing', async () => {
      const t = await shop();
      const order = await deliveredOrder(t);
      const teeLine = lineOf(order, 'TEE');
      const receipt = { location: 'RET-1', items: [{ line_id: teeLine, quantity: 1, condition: 'sellable' }] };
      const act = (id: string, action: string, body: unknown = {}) => t.request('POST', `/v1/returns/${id}/${action}`, body);
      const expect409 = async (id: string, action: string, body?: unknown) => {
        const r = await act(id, action, body);
        assert.equal(r.status, 409, `${action}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.code, 'invalid_transition');
      };
      const r = (await t.request('POST', '/v1/returns', { order: order.id, items: [{ sku: 'TEE', quantity: 1, reason: 'other' }] })).body;
      assert.equal(r.status, 'requested');
      await expect409(r.id, 'receive', receipt);
      await expect409(r.id, 'close');
      assert.equal((await act(r.id, 'approve')).body.status, 'approved');
      await expect409(r.id, 'approve');
      await expect409(r.id, 'close');
      assert.equal((await act(r.number, 'receive', receipt)).body.status, 'received');
      await expect409(r.id, 'approve');
      await expect409(r.id, 'reject', { reason: 'late' });
      await expect409(r.id, 'receive', receipt);
      assert.equal((await act(r.id, 'close')).body.status, 'closed');
      for (const action of ['approve', 'receive', 'close']) await expect409(r.id, action, action === 'receive' ? receipt : {});
      await expect409(r.id, 'reject', { reason: 'x' });

      const other = (await t.request('POST', '/v1/returns', { order: order.id, items: [{ sku: 'MUG', quantity: 1, reason: 'other' }], approve: true })).body;
      assert.equal(other.status, 'approved', 'staff may approve at once');
      assert.equal((await act(other.id, 'reject', { reason: 'parcel never came' })).body.status, 'rejected', 'approved → rejected is allowed');
      for (const action of ['approve', 'receive', 'close']) await expect409(other.id, action, action === 'receive' ? { ...receipt, items: [{ ...receipt.items[0], line_id: lineOf(order, 'MUG') }] } : {});
      const final = await t.request('GET', `/v1/returns/${other.id}`);
      assert.deepEqual([final.body.status, final.body.reject_reason], ['rejected', 'parcel never came']);
      assert.equal((await t.request('GET', '/v1/returns/ret_00000000000000000000000000')).status, 404);
      const view = (await t.request('GET', `/v1/orders/${order.number}`)).body;
      assert.deepEqual(view.returns.map((x: any) => [x.number, x.status, x.items[0].sku, x.items[0].received_quantity]), [[r.number, 'closed', 'TEE', 1], [other.number, 'rejected', 'MUG', 0]]);
      assert.equal(view.returns[0].refund_amount, 1907);
      const events = (await t.request('GET', `/v1/orders/${order.id}/events`)).body.data.map((e: any) => e.type).filter((x: string) => x.startsWith('return.'));
      assert.deepEqual(events, ['return.requested', 'return.approved', 'return.received', 'return.closed', 'return.requested', 'return.approved', 'return.rejected']);
      const outbox = await ta.db.kysely.selectFrom('outbox').select(['topic', 'payload']).where('tenant_id', '=', t.tenantId).where('topic', 'like', 'return.%').orderBy('id').execute();
      assert.equal(outbox.length, 7);
      assert.deepEqual(Object.keys(outbox[0]?.payload ?? {}).sort().slice(0, 3), ['items', 'number', 'order_id']);
      assert.deepEqual([outbox[0]?.payload.order_id, outbox[0]?.payload.return_id, outbox[0]?.payload.number], [order.id, r.id, r.number]);
    });

    test('receipt: sellable units restocked, damaged written off, both on the ledger; verify stays clean', async () => {
      const t = await shop();
      const order = await deliveredOrder(t);
      const r = (await t.request('POST', '/v1/returns', { order: order.number, items: [{ sku: 'TEE', quantity: 3, reason: 'damaged' }, { sku: 'MUG', quantity: 1, reason: 'other' }], approve: true })).body;
      const bad = await t.request('POST', `/v1/returns/${r.id}/receive`, { location: 'NOPE', items: [
        { line_id: lineOf(order, 'TEE'), quantity: 2, condition: 'sellable' }, { line_id: lineOf(order, 'TEE'), quantity: 2, condition: 'damaged' },
        { line_id: 'oln_00000000000000000000000000', quantity: 1, condition: 'sellable' },
      ] });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.errors.map((e: any) => e.path), ['location', 'items[1].quantity', 'items[2].line_id']);
      assert.equal((await levelOf(t, 'TEE', 'RET-1')).on_hand, 0, 'nothing written');

      // Warehouse staff receive parcels but neither approve nor close returns; analysts only look.
      const warehouse = t.as(await t.keyFor('warehouse'));
      const analyst = t.as(await t.keyFor('analyst'));
      assert.equal((await warehouse.request('POST', `/v1/returns/${r.id}/close`)).status, 403);
      assert.equal((await analyst.request('POST', '/v1/returns', { order: order.id, items: [{ sku: 'MUG', quantity: 1, reason: 'other' }] })).status, 403);
      assert.equal((await analyst.request('GET', `/v1/returns/${r.id}`)).status, 200);
      const received = await warehouse.request('POST', `/v1/returns/${r.id}/receive`, { location: 'RET-1', items: [
        { line_id: lineOf(order, 'TEE'), quantity: 2, condition: 'sellable' }, { line_id: lineOf(order, 'TEE'), quantity: 1, condition: 'damaged' },
      ] });
      assert.equal(received.status, 200, JSON.stringify(received.body));
      assert.equal(received.body.restock_location, 'RET-1');
      assert.deepEqual(received.body.items.map((i: any) => [i.sku, i.quantity, i.received_quantity, i.sellable_quantity, i.damaged_quantity]), [['TEE', 3, 3, 2, 1], ['MUG', 1, 0, 0, 0]]);
      const level = await levelOf(t, 'TEE', 'RET-1');
      assert.deepEqual([level.on_hand, level.reserved, level.available], [2, 0, 2]);
      const ledger = (await t.request('GET', '/v1/inventory/movements?sku=TEE&location=RET-1')).body.data;
      assert.deepEqual(ledger.map((m: any) => [m.reason, m.delta_on_hand, m.order]).reverse(), [['return', 3, order.number], ['write_off', -1, order.number]]);
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
      // The MUG never came back: the preview refunds only the TEE units.
      assert.equal(received.body.refund_preview.items, 5475);
    });

    test('a restocked unit fills a waiting backorder at the receiving location', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { products: [{ sku: 'RARE', price: 900, policy: 'continue' }], stock: { RARE: { 'WH-1': 1 } } });
      const sold = await t.request('POST', '/v1/orders', orderBody([{ sku: 'RARE', quantity: 1 }]));
      await shipAndDeliver(t, sold.body.id);
      const waiting = await t.request('POST', '/v1/orders', orderBody([{ sku: 'RARE', quantity: 1 }]));
      assert.equal(waiting.body.lines[0].backordered, 1);
      const r = (await t.request('POST', '/v1/returns', { order: sold.body.id, items: [{ sku: 'RARE', quantity: 1, reason: 'other' }], approve: true })).body;
      const received = await t.request('POST', `/v1/returns/${r.id}/receive`, { location: 'WH-1', items: [{ line_id: sold.body.lines[0].id, quantity: 1, condition: 'sellable' }] });
      assert.equal(received.status, 200, JSON.stringify(received.body));
      const after = (await t.request('GET', `/v1/orders/${waiting.body.id}`)).body;
      assert.deepEqual([after.lines[0].backordered, after.lines[0].allocations.map((a: any) => [a.location, a.quantity, a.status])], [0, [['WH-1', 1, 'reserved']]]);
      const level = await levelOf(t, 'RARE', 'WH-1');
      assert.deepEqual([level.on_hand, level.reserved], [1, 1]);
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
    });

    test('refunds of three partial returns add up to the order total exactly (tax proportional, shipping with the last unit)', async () => {
      const t = await shop();
      const order = await deliveredOrder(t);
      const tee = lineOf(order, 'TEE');
      const mug = lineOf(order, 'MUG');
      const closeWith = async (items: { line_id: string; quantity: number }[]) => {
        const r = (await t.request('POST', '/v1/returns', { order: order.id, items: items.map((i) => ({ ...i, reason: 'other' })), approve: true })).body;
        const received = await t.request('POST', `/v1/returns/${r.id}/receive`, { location: 'RET-1', items: items.map((i) => ({ ...i, condition: 'sellable' })) });
        const preview = received.body.refund_preview;
        const closed = await t.request('POST', `/v1/returns/${r.id}/close`);
        assert.equal(closed.status, 200, JSON.stringify(closed.body));
        assert.deepEqual({ ...closed.body.refund, refund_id: undefined }, { ...preview, refund_id: undefined }, 'the preview is what close refunds');
        return closed.body.refund;
      };
      // Line values after discount: TEE 6000-525 = 5475, MUG 2000-175 = 1825; tax 330 -> 248 + 82.
      const first = await closeWith([{ line_id: tee, quantity: 1 }]);
      assert.deepEqual([first.items, first.tax, first.shipping, first.restocking_fee, first.amount], [1825, 82, 0, 0, 1907]);
      const second = await closeWith([{ line_id: tee, quantity: 1 }, { line_id: mug, quantity: 1 }]);
      assert.deepEqual([second.items, second.tax, second.shipping, second.amount], [1825 + 912, 83 + 41, 0, 2861]);
      const third = await closeWith([{ line_id: tee, quantity: 1 }, { line_id: mug, quantity: 1 }]);
      assert.deepEqual([third.items, third.tax, third.shipping, third.amount], [1825 + 913, 83 + 41, 500, 3362]);
      assert.equal(first.amount + second.amount + third.amount, order.total);
      const refunds = await refundsOf(ta.db.kysely, t.tenantId, order.id);
      assert.deepEqual(refunds.map((r) => r.amount), [1907, 2861, 3362], 'issued to the payments, exact');
      assert.deepEqual(refunds.map((r) => r.id), [first.refund_id, second.refund_id, third.refund_id]);
      assert.ok(refunds.every((r) => r.return_id?.startsWith('ret_')));
      const list = await t.request('GET', `/v1/returns?order=${order.number}&status=closed`);
      assert.equal(list.body.data.length, 3);
      assert.deepEqual(await verifyInventory(ta.db.kysely, t.tenantId), []);
    });

    test('restocking fee (bps of the items, half up) and shipping `always`; a damaged unit is still refunded', async () => {
      const t = await shop();
      await t.request('PUT', '/v1/settings/return-policy', { restocking_fee_bps: 1250, shipping_refund: 'always' });
      const order = await deliveredOrder(t);
      const r = (await t.request('POST', '/v1/returns', { order: order.id, items: [{ sku: 'MUG', quantity: 1, reason: 'damaged' }], approve: true })).body;
      await t.request('POST', `/v1/returns/${r.id}/receive`, { location: 'RET-1', items: [{ line_id: lineOf(order, 'MUG'), quantity: 1, condition: 'damaged' }] });
      const closed = (await t.request('POST', `/v1/returns/${r.id}/close`)).body;
      // Items 912, tax 41; shipping 500 * 912 / 7300 = 62.46 -> 62; fee 12.5% of 912 = 114.
      assert.deepEqual([closed.refund.items, closed.refund.tax, closed.refund.shipping, closed.refund.restocking_fee, closed.refund.amount], [912, 41, 62, 114, 901]);
    });
  });
}
