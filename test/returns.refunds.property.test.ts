// Property, through the API on a real database: for random orders (discounts, tax,
// shipping), policies (fee, shipping rule) and random sequences of partial returns, every
// refund is a non-negative integer, their sum never exceeds what was captured, and with
// no fee every unit back refunds the order total exactly. Racing closes refund once.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';
import { shipAndDeliver } from './helpers/deliver.ts';
import { markOrderPaid, refundsOf } from './helpers/paid.ts';

const SKUS = ['A', 'B', 'C'];

for (const kind of testDatabases()) {
  describe(`returns refunds property (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    async function shop(): Promise<TenantClient> {
      const t = await ta.tenant();
      await setUpShop(t, { products: SKUS.map((sku) => ({ sku, price: 100 })), stock: Object.fromEntries(SKUS.map((s) => [s, { 'WH-1': 100 }])) });
      return t;
    }

    async function returnAndClose(t: TenantClient, orderId: string, items: { line_id: string; quantity: number }[]) {
      const r = await t.request('POST', '/v1/returns', { order: orderId, items: items.map((i) => ({ ...i, reason: 'other' })), approve: true });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      const received = await t.request('POST', `/v1/returns/${r.body.id}/receive`, { location: 'WH-1', items: items.map((i) => ({ ...i, condition: 'sellable' })) });
      assert.equal(received.status, 200, JSON.stringify(received.body));
      return r.body.id as string;
    }

    const scenario = fc.record({
      lines: fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 4 }), unit_price: fc.integer({ min: 0, max: 99_999 }) }), { minLength: 1, maxLength: 3 }),
      discountShare: fc.integer({ min: 0, max: 100 }),
      tax: fc.integer({ min: 0, max: 9_999 }),
      shipping: fc.integer({ min: 0, max: 2_999 }),
      fee: fc.constantFrom(0, 0, 333, 1_000, 10_000),
      rule: fc.constantFrom('never', 'always', 'if_all_returned'),
      picks: fc.array(fc.nat({ max: 3 }), { minLength: 12, maxLength: 12 }),
    });

    test('Σ refunds ≤ Σ captured, integers; exact order total when everything comes back without a fee', async () => {
      const t = await shop();
      await fc.assert(fc.asyncProperty(scenario, async (s) => {
        await t.request('PUT', '/v1/settings/return-policy', { restocking_fee_bps: s.fee, shipping_refund: s.rule });
        const lines = s.lines.map((l, i) => ({ sku: SKUS[i] as string, ...l }));
        const subtotal = lines.reduce((n, l) => n + l.quantity * l.unit_price, 0);
        const created = await t.request('POST', '/v1/orders', orderBody(lines, {
          discount_total: Math.floor((subtotal * s.discountShare) / 100), tax_total: s.tax, shipping: { method: 'standard', amount: s.shipping },
        }));
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const order = created.body;
        await shipAndDeliver(t, order.id);
        await markOrderPaid(ta.db.kysely, t.tenantId, order.id);
        const left = order.lines.map((l: any) => l.quantity as number);
        let step = 0;
        while (left.some((n: number) => n > 0)) {
          const items = order.lines.map((l: any, i: number) => ({ line_id: l.id as string, quantity: Math.min(left[i], s.picks[(step + i) % s.picks.length] ?? 1) }))
            .filter((i: { quantity: number }) => i.quantity > 0);
          const chosen = items.length > 0 ? items : [{ line_id: order.lines[left.findIndex((n: number) => n > 0)].id, quantity: 1 }];
          const id = await returnAndClose(t, order.id, chosen);
          const closed = await t.request('POST', `/v1/returns/${id}/close`);
          assert.equal(closed.status, 200, JSON.stringify(closed.body));
          assert.ok(Number.isSafeInteger(closed.body.refund.amount) && closed.body.refund.amount >= 0);
          for (const c of chosen) left[order.lines.findIndex((l: any) => l.id === c.line_id)] -= c.quantity;
          step++;
        }
        const refunded = (await refundsOf(ta.db.kysely, t.tenantId, order.id)).reduce((n, r) => n + r.amount, 0);
        assert.ok(refunded <= order.total, `refunded ${refunded} > captured ${order.total}`);
        if (s.fee === 0) assert.equal(refunded, order.total - (s.rule === 'never' ? s.shipping : 0));
      }), { numRuns: kind === 'pglite' ? 6 : 10 });
    });

    test('two closes racing: the same return refunds once; two returns of one order share exactly', async () => {
      const t = await shop();
      await t.request('PUT', '/v1/settings/return-policy', { shipping_refund: 'always' });
      const created = await t.request('POST', '/v1/orders', orderBody([{ sku: 'A', quantity: 3, unit_price: 1000 }], { tax_total: 100, shipping: { method: 'standard', amount: 200 } }));
      const order = created.body;
      await shipAndDeliver(t, order.id);
      await markOrderPaid(ta.db.kysely, t.tenantId, order.id);
      const line = order.lines[0].id;
      const one = await returnAndClose(t, order.id, [{ line_id: line, quantity: 1 }]);
      const two = await returnAndClose(t, order.id, [{ line_id: line, quantity: 2 }]);
      const answers = await Promise.all([one, one, two, two].map((id) => t.request('POST', `/v1/returns/${id}/close`)));
      assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 409, 409]);
      const refunds = await refundsOf(ta.db.kysely, t.tenantId, order.id);
      assert.equal(refunds.length, 2);
      assert.equal(refunds.reduce((n, r) => n + r.amount, 0), 3300, 'whatever order they closed in, the shares add up to the total');
    });
  });
}
