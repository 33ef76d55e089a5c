// The capture arithmetic: exact per shipment, cumulative, the last shipment takes the
// rest; and a property over random orders, partial shipments and refunds:
// Σ refunds ≤ Σ captures ≤ total, every amount an integer, Σ captures = total at the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addUnits, takeInOrder, valueOfShipped, type CaptureOrder } from './capture.ts';

const order: CaptureOrder = { total: 1000 + 500 + 300 + 77, shippingTotal: 300, taxTotal: 77, lines: [{ id: 'a', total: 1000, discountAllocated: 0, activeQuantity: 3 }, { id: 'b', total: 500, discountAllocated: 0, activeQuantity: 1 }] };

test('shipping and tax come with the first shipment; cumulative floors; the last takes the rest', () => {
  assert.equal(valueOfShipped(order, new Map()), 0);
  assert.equal(valueOfShipped(order, new Map([['a', 1]])), 333 + 300 + 77);
  assert.equal(valueOfShipped(order, new Map([['a', 2]])), 666 + 300 + 77);
  assert.equal(valueOfShipped(order, new Map([['a', 3]])), 1000 + 300 + 77);
  assert.equal(valueOfShipped(order, new Map([['a', 3], ['b', 1]])), order.total);
  // Canceled lines (no active units) do not hold the last shipment back.
  const canceledB = { ...order, total: order.total - 500, lines: [order.lines[0] as CaptureOrder['lines'][number], { id: 'b', total: 0, discountAllocated: 0, activeQuantity: 0 }] };
  assert.equal(valueOfShipped(canceledB, new Map([['a', 3]])), canceledB.total);
});

test('a line is worth its total after its discount share', () => {
  // A 2000 + B 4000, discount 3000 (1000 on A, 2000 on B), shipping 300: shipping A owes 1000 + 300.
  const discounted: CaptureOrder = { total: 3300, shippingTotal: 300, taxTotal: 0, lines: [
    { id: 'a', total: 2000, discountAllocated: 1000, activeQuantity: 1 }, { id: 'b', total: 4000, discountAllocated: 2000, activeQuantity: 1 }] };
  assert.equal(valueOfShipped(discounted, new Map([['a', 1]])), 1300);
  assert.equal(valueOfShipped(discounted, new Map([['a', 1], ['b', 1]])), 3300);
  // TEE ×3 worth 5996 after a 1 discount: 1998, 1999, 1999 cumulatively.
  const tee: CaptureOrder = { total: 5996 + 500, shippingTotal: 500, taxTotal: 0, lines: [{ id: 't', total: 5997, discountAllocated: 1, activeQuantity: 3 }] };
  assert.deepEqual([1, 2].map((n) => valueOfShipped(tee, new Map([['t', n]])) - 500), [1998, 3997]);
});

test('takeInOrder fills parts in order up to their capacity', () => {
  assert.deepEqual(takeInOrder(70, [{ capacity: 50 }, { capacity: 0 }, { capacity: 40 }]).takes.map((t) => t.amount), [50, 20]);
  assert.equal(takeInOrder(100, [{ capacity: 30 }]).left, 70);
});

const orders = fc.array(fc.record({ total: fc.integer({ min: 0, max: 1_000_000 }), discountShare: fc.integer({ min: 0, max: 100 }), quantity: fc.integer({ min: 1, max: 7 }) }), { minLength: 1, maxLength: 5 })
  .chain((lines) => fc.record({
    lines: fc.constant(lines),
    shipping: fc.integer({ min: 0, max: 5000 }),
    tax: fc.integer({ min: 0, max: 5000 }),
    // Each unit goes into one of up to 4 shipments.
    shipmentOf: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: lines.reduce((n, l) => n + l.quantity, 0), maxLength: lines.reduce((n, l) => n + l.quantity, 0) }),
    refunds: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 400_000 })), { maxLength: 6 }),
  }));

const discountOf = (l: { total: number; discountShare: number }) => Math.floor((l.total * l.discountShare) / 100);

test('property: Σ refunds ≤ Σ captures ≤ total, integers, and all shipped captures exactly the total', () => {
  fc.assert(fc.property(orders, ({ lines, shipping, tax, shipmentOf, refunds }) => {
    const model: CaptureOrder = {
      total: lines.reduce((n, l) => n + l.total - discountOf(l), 0) + shipping + tax, shippingTotal: shipping, taxTotal: tax,
      lines: lines.map((l, i) => ({ id: `l${i}`, total: l.total, discountAllocated: discountOf(l), activeQuantity: l.quantity })),
    };
    const units: { orderLineId: string; shipment: number }[] = [];
    let k = 0;
    lines.forEach((l, i) => { for (let u = 0; u < l.quantity; u++) units.push({ orderLineId: `l${i}`, shipment: shipmentOf[k++] ?? 0 }); });
    let shipped = new Map<string, number>();
    let captured = 0;
    let refunded = 0;
    for (let s = 0; s < 4; s++) {
      const items = units.filter((u) => u.shipment === s).map((u) => ({ orderLineId: u.orderLineId, quantity: 1 }));
      if (items.length === 0) continue;
      shipped = addUnits(shipped, items);
      const capture = Math.max(0, valueOfShipped(model, shipped) - captured);
      assert.ok(Number.isSafeInteger(capture) && capture >= 0);
      captured += capture;
      // Refunds asked after this shipment: granted only within captured − refunded.
      for (const [after, amount] of refunds) if (after === s && amount <= captured - refunded) refunded += amount;
      assert.ok(refunded <= captured && captured <= model.total, `${refunded} ≤ ${captured} ≤ ${model.total}`);
    }
    assert.equal(captured, model.total);
  }), { numRuns: 500 });
});
