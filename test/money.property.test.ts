// Property, through the HTTP API on a real database: for random orders (lines, discount,
// tax, shipping, payment provider, capture mode) and random sequences of edits, partial
// shipments, deliveries, returns, goodwill refunds and cancels, after every step every
// amount is an integer, Σ refunds ≤ Σ captures ≤ the order total (net of the refunds that
// are not for returns: an edit that lowers the total after capture refunds the difference),
// no payment moves more than it authorized, the gateway's books agree with ours and the
// inventory ledger balances. When everything shipped and nothing was canceled, the
// captures (net of edit refunds) add up to exactly the order total. A failure prints the
// steps as they ran. ORDO_MONEY_RUNS=n runs more scenarios.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { orderBody } from './helpers/fixtures.ts';
import { assertBooksHold, readBooks, type MoneyBooks } from './helpers/money-books.ts';
import {
  cancelRest, deliverOne, editOrder, goodwillRefund, markManualPaid, MONEY_SKUS, moneyShop, returnSome, shipAll, shipSome, type Step, type StepResult,
} from './helpers/money-steps.ts';

const RUNS = Number(process.env.ORDO_MONEY_RUNS) || 40;

const lineArb = fc.record({
  sku: fc.constantFrom(...MONEY_SKUS),
  quantity: fc.integer({ min: 1, max: 4 }),
  unit_price: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.integer({ min: 1, max: 50_000 }) }),
});

const editArb = fc.record({
  kind: fc.constant('edit' as const),
  op: fc.constantFrom('set_quantity' as const, 'add_line' as const, 'remove_line' as const),
  pick: fc.nat(5), quantity: fc.integer({ min: 1, max: 4 }), sku: fc.constantFrom(...MONEY_SKUS),
  unit_price: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: undefined }),
});
const returnArb = fc.record({ kind: fc.constant('return' as const), pick: fc.nat(5), units: fc.integer({ min: 1, max: 4 }), damaged: fc.boolean() });
const refundArb = fc.record({ kind: fc.constant('refund' as const), share: fc.integer({ min: 1, max: 150 }), nudge: fc.constantFrom(-1, 0, 0, 1) });

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: editArb },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('ship' as const), pick: fc.nat(5), units: fc.integer({ min: 1, max: 4 }), whole: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(5) }) },
  { weight: 4, arbitrary: returnArb },
  { weight: 2, arbitrary: refundArb },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const) }) },
);

const scenarioArb = fc.record({
  lines: fc.uniqueArray(lineArb, { minLength: 1, maxLength: 3, selector: (l) => l.sku }),
  discountShare: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 })),
  tax: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9_999 })),
  shipping: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2_999 })),
  payment: fc.constantFrom('test_card', 'test_card', 'test_card', 'prepaid', 'cash_on_delivery'),
  captureMode: fc.constantFrom('on_shipment' as const, 'immediate' as const),
  returnPolicy: fc.record({ restocking_fee_bps: fc.constantFrom(0, 0, 250), shipping_refund: fc.constantFrom('never', 'always', 'if_all_returned') }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 8 }),
  /** After-sales once the order is finished (everything delivered, or canceled). */
  afterSales: fc.array(fc.oneof({ weight: 3, arbitrary: returnArb }, { weight: 1, arbitrary: refundArb }), { maxLength: 3 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

interface State {
  /** A cancel step canceled the order or its unshipped rest. */
  canceled: boolean;
  /** An edit ran after a goodwill refund: its refund may have been capped by what was left to refund. */
  goodwillBeforeEdit: boolean;
  captureMode: 'on_shipment' | 'immediate';
}

for (const kind of testDatabases()) {
  describe(`money property through the API (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    async function placeOrder(t: TenantClient, s: Scenario) {
      const subtotal = s.lines.reduce((n, l) => n + l.quantity * l.unit_price, 0);
      const payment = s.payment === 'test_card' ? { provider: 'test_card', token: 'tok_approve' } : { provider: s.payment };
      const created = await t.request('POST', '/v1/orders', orderBody(s.lines, {
        discount_total: Math.floor((subtotal * s.discountShare) / 100), tax_total: s.tax, shipping: { method: 'standard', amount: s.shipping }, payment,
      }));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body;
    }

    /** Runs one step on the books as they are. */
    async function runStep(t: TenantClient, books: MoneyBooks, step: Step, state: State): Promise<StepResult> {
      switch (step.kind) {
        case 'edit': {
          const result = await editOrder(t, books, step);
          if (result.startsWith('edited') && books.refundedOutsideReturns > books.refundedForEdits) state.goodwillBeforeEdit = true;
          return result;
        }
        case 'ship': return shipSome(t, books, step);
        case 'deliver': return deliverOne(t, books, step);
        case 'return': return returnSome(t, books, step);
        case 'refund': return goodwillRefund(t, books, step);
        case 'cancel': {
          const result = await cancelRest(t, books);
          if (result.startsWith('canceled')) state.canceled = true;
          return result;
        }
      }
    }

    /** One scenario from order to finish, checking the books after every step; throws with the steps as they ran. */
    async function runScenario(s: Scenario): Promise<{ books: MoneyBooks; log: string[] }> {
      const log: string[] = [];
      try {
        const t = await ta.tenant();
        await moneyShop(t, s.captureMode, s.returnPolicy);
        const order = await placeOrder(t, s);
        log.push(`order ${JSON.stringify(s.lines)} discount ${order.discount_total} tax ${order.tax_total} shipping ${order.shipping_total} total ${order.total}; ${s.payment}, ${s.captureMode}`);
        let books = await readBooks(t, ta.db.kysely, order.id);
        await assertBooksHold(t, ta.db.kysely, books);
        const state: State = { canceled: false, goodwillBeforeEdit: false, captureMode: s.captureMode };
        for (const step of s.steps) {
          log.push(`${JSON.stringify(step)} → ${await runStep(t, books, step, state)}`);
          books = await readBooks(t, ta.db.kysely, order.id);
          await assertBooksHold(t, ta.db.kysely, books);
        }
        if (!state.canceled) {
          // Finish the order: ship and deliver what is left, settle manual payments; then the
          // captures (net of what edits gave back) must be exactly the order total.
          log.push(`finish → ${await shipAll(t, books)}`);
          books = await readBooks(t, ta.db.kysely, order.id);
          log.push(`finish → ${await markManualPaid(t, books)}`);
          books = await readBooks(t, ta.db.kysely, order.id);
          log.push(`books: total ${books.order.total}, captured ${books.captured}, refunded ${books.refunded} (edits ${books.refundedForEdits})`);
          await assertBooksHold(t, ta.db.kysely, books);
          assert.equal(books.order.fulfillment_status, 'delivered');
          // An edit refunds what the total went down by, but never more than is still
          // refundable: after a goodwill refund it may give back less, and then the order
          // keeps less than its total (the goodwill money counts as given back).
          const kept = books.captured - books.refundedForEdits;
          if (state.goodwillBeforeEdit) assert.ok(kept >= books.order.total, `Σ captures ${books.captured} − edit refunds ${books.refundedForEdits} < total ${books.order.total}`);
          else assert.equal(kept, books.order.total, `everything shipped, nothing canceled: Σ captures ${books.captured} − edit refunds ${books.refundedForEdits} ≠ total ${books.order.total}`);
        }
        for (const step of s.afterSales) {
          log.push(`after-sales ${JSON.stringify(step)} → ${await runStep(t, books, step, state)}`);
          books = await readBooks(t, ta.db.kysely, order.id);
          await assertBooksHold(t, ta.db.kysely, books);
        }
        return { books, log };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`${message}\n  steps:\n    ${log.join('\n    ')}`, { cause: error });
      }
    }

    test('Σ refunds ≤ Σ captures ≤ total, integers, balanced ledger; Σ captures = total when all shipped', async () => {
      await fc.assert(fc.asyncProperty(scenarioArb, async (s) => { await runScenario(s); }), { numRuns: RUNS });
    });

    // Canceling the unshipped rest lowers the total; captured money above the new total is
    // refunded (voidOrderPayments → refundExcessCaptured). Tax is captured in full with the
    // first shipment and then scaled down by the cancel; immediate capture (and prepaid)
    // took everything; a discounted order's first shipment captures its units after their
    // discount share (last test).
    test('a cancel refunds captured money above the lowered total', async () => {
      const scenario = (tax: number, payment: Scenario['payment'], captureMode: 'on_shipment' | 'immediate', steps: Step[]): Scenario => ({
        lines: [{ sku: 'A', quantity: 2, unit_price: 1000 }], discountShare: 0, tax, shipping: 300, payment, captureMode,
        returnPolicy: { restocking_fee_bps: 0, shipping_refund: 'never' }, steps, afterSales: [],
      });
      const shipOneThenCancel: Step[] = [{ kind: 'ship', pick: 0, units: 1, whole: false }, { kind: 'cancel' }];
      const discounted: Scenario = { ...scenario(0, 'test_card', 'on_shipment', shipOneThenCancel), lines: [{ sku: 'A', quantity: 1, unit_price: 2000 }, { sku: 'B', quantity: 1, unit_price: 4000 }], discountShare: 50 };
      const cases = [
        discounted, // A (WH-1) ships first and captures 2000 + 300, not 1000 + 300; total 3300 → 1300
        scenario(500, 'test_card', 'on_shipment', shipOneThenCancel), // total 2800 → 1550, captured 1800
        scenario(0, 'test_card', 'immediate', shipOneThenCancel), // total 2300 → 1300, captured 2300
        scenario(0, 'prepaid', 'on_shipment', shipOneThenCancel), // total 2300 → 1300, captured 2300
      ];
      const failures: string[] = [];
      for (const s of cases) await runScenario(s).catch((error: Error) => { failures.push(error.message); });
      // The same for a whole cancel before anything shipped: the total stays on the record,
      // but a canceled order owes nothing, so what was taken at once must go back.
      const { books, log } = await runScenario(scenario(0, 'test_card', 'immediate', [{ kind: 'cancel' }]));
      const kept = books.captured - books.refundedOutsideReturns;
      if (kept !== 0) failures.push(`the ${books.order.status} order keeps ${kept} (captured ${books.captured}, refunded ${books.refunded})\n    ${log.join('\n    ')}`);
      assert.deepEqual(failures, []);
    });

    // An edit that lowers the total first lowers an unpaid manual payment (a prepaid
    // order's earlier raise), then voids live authorizations, and only then refunds
    // captured money (settlePaymentDifference), so what is asked for and what was paid
    // add up to the total.
    test('a lowering edit lowers an unpaid manual payment', async () => {
      const s: Scenario = {
        lines: [{ sku: 'A', quantity: 1, unit_price: 1000 }], discountShare: 0, tax: 0, shipping: 0, payment: 'prepaid', captureMode: 'on_shipment',
        returnPolicy: { restocking_fee_bps: 0, shipping_refund: 'never' }, afterSales: [],
        steps: [
          { kind: 'edit', op: 'set_quantity', pick: 0, quantity: 3, sku: 'A', unit_price: undefined }, // 1000 → 3000: manual payment of 2000
          { kind: 'edit', op: 'set_quantity', pick: 0, quantity: 1, sku: 'A', unit_price: undefined }, // 3000 → 1000: the manual payment is voided, nothing refunded
        ],
      };
      await runScenario(s); // markManualPaid checks that the manual payments ask for no more than is owed
    });

    // valueOfShipped values a line as order_lines.total − discount_allocated (the total is
    // quantity × unit_price before the line's discount share). docs/payments.md says a capture is floor(line value × shipped /
    // active) with the value after the discount ("TEE ×3 (5996 after a 1 discount)").
    test('a partial shipment captures its units after their discount share', async () => {
      const t = await ta.tenant();
      await moneyShop(t, 'on_shipment', {});
      const created = await t.request('POST', '/v1/orders', orderBody([{ sku: 'A', quantity: 1, unit_price: 2000 }, { sku: 'B', quantity: 1, unit_price: 4000 }], {
        discount_total: 3000, shipping: { method: 'standard', amount: 300 }, payment: { provider: 'test_card', token: 'tok_approve' },
      }));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const order = created.body;
      const a = order.lines[0];
      const fo = order.fulfillment_orders.find((f: any) => f.lines.some((l: any) => l.order_line_id === a.id));
      await shipSome(t, await readBooks(t, ta.db.kysely, order.id), { kind: 'ship', pick: order.fulfillment_orders.indexOf(fo), units: 1, whole: true });
      const books = await readBooks(t, ta.db.kysely, order.id);
      assert.equal(books.captured, a.quantity * a.unit_price - a.discount_allocated + 300, `A is worth ${a.total - a.discount_allocated} after its discount share ${a.discount_allocated}`);
    });
  });
}
