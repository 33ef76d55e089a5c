// The capture arithmetic: exact per shipment, cumulative, the last shipment takes the
// rest; and a property over random orders, partial shipments and refunds:
// Σ refunds ≤ Σ captures ≤ total, every amount an integer, Σ captures = total at the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addUnits, takeInOrder, valueOfShipped, type CaptureOrder } from './capture.ts';

const order: CaptureOrder = { total: 1000 + 500 + 300 + 77, shippingTotal: 300, taxTotal: 77, lines: [{ id: 'a', total: 1000, activeQuantity: 3 }, { id: 'b', total: 500, activeQuantity: 1 }] };

test('shipping and tax come with the first shipment; cumulative floors; the last takes the rest', () => {
  assert.equal(valueOfShipped(order, new Map()), 0);
  assert.equal(valueOfShipped(order, new Map([['a', 1]])), 333 + 300 + 77);
  assert.equal(valueOfShipped(order, new Map([['a', 2]])), 666 + 300 + 77);
  assert.equal(valueOfShipped(order, new Map([['a', 3]])), 1000 + 300 + 77);
  assert.equal(valueOfShipped(order, new Map([['a', 3], ['b', 1]])), order.total);
  // Canceled lines (no active units) do not hold the last shipment back.
  const canceledB = { ...order, total: order.total - 500, lines: [order.lines[0] as CaptureOrder['lines'][number], { id: 'b', total: 0, activeQuantity: 0 }] };
  assert.equal(valueOfShipped(canceledB, new Map([['a', 3]])), canceledB.total);
});

test('takeInOrder fills parts in order up to their capacity', () => {
  assert.deepEqual(takeInOrder(70, [{ capacity: 50 }, { capacity: 0 }, { capacity: 40 }]).takes.map((t) => t.amount), [50, 20]);
  assert.equal(takeInOrder(100, [{ capacity: 30 }]).left, 70);
});

const orders = fc.array(fc.record({ total: fc.integer({ min: 0, max: 1_000_000 }), quantity: fc.integer({ min: 1, max: 7 }) }), { minLength: 1, maxLength: 5 })
  .chain((lines) => fc.record({
    lines: fc.constant(lines),
    shipping: fc.integer({ min: 0, max: 5000 }),
    tax: fc.integer({ min: 0, max: 5000 }),
    // Each unit goes into one of up to 4 shipments.
    shipmentOf: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: lines.reduce((n, l) => n + l.quantity, 0), maxLength: lines.reduce((n, l) => n + l.quantity, 0) }),
    refunds: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 400_000 })), { maxLength: 6 }),
  }));

test('property: Σ refunds ≤ Σ captures ≤ total, integers, and all shipped captures exactly the total', () => {
  fc.assert(fc.property(orders, ({ lines, shipping, tax, shipmentOf, refunds }) => {
    const model: CaptureOrder = {
      total: lines.reduce((n, l) => n + l.total, 0) + shipping + tax, shippingTotal: shipping, taxTotal: tax,
      lines: lines.map((l, i) => ({ id: `l${i}`, total: l.total, activeQuantity: l.quantity })),
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
