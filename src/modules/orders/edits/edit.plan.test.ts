import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Problem } from '../../../platform/http/index.ts';
import { planEdit, type CurrentLine, type EditableOrder, type EditPlan, type ResolvedProduct } from './edit.plan.ts';
import type { EditChange } from './edit.schemas.ts';

function line(id: string, position: number, quantity: number, unitPrice: number, extra: Partial<CurrentLine> = {}): CurrentLine {
  return { id, position, productId: `prd_${id}`, sku: `SKU-${id}`, name: id, quantity, canceled: 0, unitPrice, backordered: 0, lockedUnits: 0, ...extra };
}

function orderOf(lines: readonly CurrentLine[], money: { discount?: number; shipping?: number; tax?: number } = {}): EditableOrder {
  const subtotal = lines.reduce((n, l) => n + (l.quantity - l.canceled) * l.unitPrice, 0);
  const discountTotal = money.discount ?? 0;
  const shippingTotal = money.shipping ?? 0;
  const taxTotal = money.tax ?? 0;
  return {
    subtotal, discountTotal, shippingTotal, taxTotal, total: subtotal - discountTotal + shippingTotal + taxTotal,
    shippingMethod: shippingTotal > 0 ? 'standard' : null, shippingAddress: null, anyShipped: false,
  };
}

let counter = 0;
const ids = () => `oln_new${counter++}`;
const none = new Map<number, ResolvedProduct>();

function refusal(fn: () => unknown): Problem {
  try { fn(); } catch (error) { if (error instanceof Problem) return error; throw error; }
  assert.fail('expected a refusal');
}

describe('planEdit', () => {
  test('a quantity change reprices the line and re-splits the discount by largest remainder', () => {
    const lines = [line('a', 0, 2, 1000), line('b', 1, 1, 333)];
    const plan = planEdit(orderOf(lines, { discount: 100, shipping: 500, tax: 70 }), lines, [{ op: 'set_quantity', line_id: 'a', quantity: 3 }], none, ids);
    const [a, b] = plan.lines;
    assert.deepEqual([a?.quantity, a?.total, a?.delta, b?.total, b?.delta], [3, 3000, 1, 333, 0]);
    // 100 over weights 3000 and 333: 90.0 and 9.99 -> 90 and 10.
    assert.deepEqual([a?.discountAllocated, b?.discountAllocated], [90, 10]);
    assert.deepEqual(plan.proposed, { subtotal: 3333, discount_total: 100, shipping_total: 500, tax_total: 70, total: 3803 });
    assert.deepEqual(plan.current, { subtotal: 2333, discount_total: 100, shipping_total: 500, tax_total: 70, total: 2803 });
    assert.equal(plan.paymentDifference, 1000);
  });

  test('removing a line cancels all its units and takes it out of the totals', () => {
    const lines = [line('a', 0, 2, 1000), line('b', 1, 4, 250)];
    const plan = planEdit(orderOf(lines), lines, [{ op: 'remove_line', line_id: 'b' }], none, ids);
    const b = plan.lines[1];
    assert.deepEqual([b?.quantity, b?.canceled, b?.total, b?.discountAllocated, b?.delta, b?.changeIndex], [4, 4, 0, 0, -4, 0]);
    assert.equal(plan.proposed.total, 2000);
    assert.equal(plan.paymentDifference, -1000);
  });

  test('an added line gets the next position and the resolved price; shipping follows set_shipping', () => {
    const lines = [line('a', 0, 1, 1000), line('b', 3, 1, 500)];
    const added = new Map([[0, { productId: 'prd_c', sku: 'C', name: 'C', unitPrice: 1250 }]]);
    const changes: EditChange[] = [{ op: 'add_line', sku: 'C', quantity: 2 }, { op: 'set_shipping', method: 'express', amount: 900 }];
    const plan = planEdit(orderOf(lines, { shipping: 500 }), lines, changes, added, ids);
    const c = plan.lines[2];
    assert.deepEqual([c?.position, c?.isNew, c?.total, c?.delta], [4, true, 2500, 2]);
    assert.deepEqual(plan.shipping, { method: 'express', amount: 900 });
    assert.equal(plan.paymentDifference, 2500 + 400);
  });

  test('a partly canceled line keeps its canceled units when its quantity is set', () => {
    const lines = [line('a', 0, 5, 100, { canceled: 2 })];
    const plan = planEdit(orderOf(lines), lines, [{ op: 'set_quantity', line_id: 'a', quantity: 4 }], none, ids);
    assert.deepEqual([plan.lines[0]?.quantity, plan.lines[0]?.canceled, plan.lines[0]?.total, plan.lines[0]?.delta], [6, 2, 400, 1]);
  });

  test('picked or shipped units cannot be edited away (409 order_not_editable with the path)', () => {
    const lines = [line('a', 0, 5, 100, { lockedUnits: 3 }), line('b', 1, 1, 100)];
    const order = orderOf(lines);
    const below = refusal(() => planEdit(order, lines, [{ op: 'set_quantity', line_id: 'a', quantity: 2 }], none, ids));
    assert.deepEqual([below.code, below.status, below.errors?.[0]?.path], ['order_not_editable', 409, 'changes[0].quantity']);
    const removed = refusal(() => planEdit(order, lines, [{ op: 'set_shipping', method: 'x', amount: 0 }, { op: 'remove_line', line_id: 'a' }], none, ids));
    assert.deepEqual([removed.code, removed.errors?.[0]?.path], ['order_not_editable', 'changes[1].line_id']);
    assert.equal(planEdit(order, lines, [{ op: 'set_quantity', line_id: 'a', quantity: 3 }], none, ids).lines[0]?.quantity, 3);
    const shipped = refusal(() => planEdit({ ...order, anyShipped: true }, lines, [{ op: 'set_shipping_address', address: { line1: 'x', city: 'y', postal_code: '1', country: 'US' } }], none, ids));
    assert.deepEqual([shipped.code, shipped.errors?.[0]?.path], ['order_not_editable', 'changes[0]']);
  });

  test('bad references, removing every line and a discount above the new subtotal are 422', () => {
    const lines = [line('a', 0, 2, 1000), line('b', 1, 1, 100)];
    const unknown = refusal(() => planEdit(orderOf(lines), lines, [{ op: 'set_quantity', line_id: 'nope', quantity: 1 }], none, ids));
    assert.deepEqual([unknown.code, unknown.errors?.[0]?.path], ['validation_failed', 'changes[0].line_id']);
    const twice = refusal(() => planEdit(orderOf(lines), lines, [{ op: 'remove_line', line_id: 'b' }, { op: 'set_quantity', line_id: 'b', quantity: 1 }], none, ids));
    assert.deepEqual([twice.code, twice.errors?.[0]?.path], ['validation_failed', 'changes[1].line_id']);
    const all = refusal(() => planEdit(orderOf(lines), lines, [{ op: 'remove_line', line_id: 'a' }, { op: 'remove_line', line_id: 'b' }], none, ids));
    assert.deepEqual([all.code, all.errors?.[0]?.path], ['validation_failed', 'changes']);
    const discount = refusal(() => planEdit(orderOf(lines, { discount: 1500 }), lines, [{ op: 'remove_line', line_id: 'a' }], none, ids));
    assert.deepEqual([discount.code, discount.status, discount.errors?.[0]?.path], ['validation_failed', 422, 'discount_total']);
  });

  test('property: any edit keeps totals equal to the sum of the lines, the discount whole, the difference exact', () => {
    const change = (lineCount: number) => fc.oneof(
      fc.record({ op: fc.constant('set_quantity' as const), line: fc.nat(lineCount - 1), quantity: fc.integer({ min: 1, max: 50 }) }),
      fc.record({ op: fc.constant('remove_line' as const), line: fc.nat(lineCount - 1) }),
      fc.record({ op: fc.constant('add_line' as const), quantity: fc.integer({ min: 1, max: 50 }), price: fc.integer({ min: 0, max: 100_000 }) }),
      fc.record({ op: fc.constant('set_shipping' as const), amount: fc.integer({ min: 0, max: 5_000 }) }),
    );
    const scenario = fc.integer({ min: 1, max: 6 }).chain((n) => fc.record({
      lines: fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 20 }), price: fc.integer({ min: 0, max: 100_000 }) }), { minLength: n, maxLength: n }),
      changes: fc.array(change(n), { minLength: 1, maxLength: 8 }),
      discount: fc.integer({ min: 0, max: 20_000 }), shipping: fc.integer({ min: 0, max: 2_000 }), tax: fc.integer({ min: 0, max: 2_000 }),
    }));
    fc.assert(fc.property(scenario, (s) => {
      const lines = s.lines.map((l, i) => line(`l${i}`, i, l.quantity, l.price));
      const order = orderOf(lines, { discount: Math.min(s.discount, lines.reduce((n, l) => n + l.quantity * l.unitPrice, 0)), shipping: s.shipping, tax: s.tax });
      const added = new Map<number, ResolvedProduct>();
      const changes: EditChange[] = s.changes.map((c, i) => {
        if (c.op === 'add_line') { added.set(i, { productId: `prd_n${i}`, sku: `N${i}`, name: 'n', unitPrice: c.price }); return { op: 'add_line', sku: `N${i}`, quantity: c.quantity }; }
        if (c.op === 'set_shipping') return { op: 'set_shipping', method: 'm', amount: c.amount };
        return c.op === 'remove_line' ? { op: 'remove_line', line_id: `l${c.line}` } : { op: 'set_quantity', line_id: `l${c.line}`, quantity: c.quantity };
      });
      let plan: EditPlan;
      try { plan = planEdit(order, lines, changes, added, ids); } catch (error) {
        if (error instanceof Problem && error.status === 422) return;
        throw error;
      }
      const subtotal = plan.lines.reduce((n, l) => n + l.total, 0);
      assert.equal(plan.proposed.subtotal, subtotal);
      assert.equal(plan.lines.reduce((n, l) => n + l.discountAllocated, 0), order.discountTotal);
      assert.ok(plan.lines.every((l) => l.discountAllocated >= 0 && l.discountAllocated <= l.total));
      assert.equal(plan.proposed.total, subtotal - order.discountTotal + plan.proposed.shipping_total + order.taxTotal);
      assert.equal(plan.paymentDifference, plan.proposed.total - order.total);
      for (const l of plan.lines) assert.equal(l.total, (l.quantity - l.canceled) * l.unitPrice);
      const before = new Map(lines.map((l) => [l.id, l.quantity - l.canceled]));
      for (const l of plan.lines) assert.equal(l.delta, l.quantity - l.canceled - (before.get(l.id) ?? 0));
    }), { numRuns: 500 });
  });
});
