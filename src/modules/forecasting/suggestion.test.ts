import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareUrgency, suggest, type SuggestionInput } from './suggestion.ts';

const base: SuggestionInput = {
  today: '2024-05-01', periodDays: 7, point: [70, 70, 70, 70],
  policy: { leadTimeDemand: 140, protectionDemand: 210, safetyStock: 20, reorderPoint: 160, orderUpTo: 230 },
  stock: { onHand: 100, reserved: 10, backordered: 0, onOrder: 0 }, receipts: [], leadTimeDays: 14, overstockWeeks: 26, rules: {},
};

test('at or below the reorder point, order up to the order-up-to level; on order and backorders count', () => {
  const s = suggest(base);
  assert.equal(s.position, 90);
  assert.equal(s.suggestedQuantity, 140);
  assert.equal(suggest({ ...base, stock: { ...base.stock, onOrder: 50 } }).suggestedQuantity, 90);
  assert.equal(suggest({ ...base, stock: { ...base.stock, onOrder: 80 } }).suggestedQuantity, 0, 'position 170 is above the reorder point');
  assert.equal(suggest({ ...base, stock: { ...base.stock, backordered: 30 } }).suggestedQuantity, 170);
  assert.equal(suggest({ ...base, rules: { packSize: 12 } }).suggestedQuantity, 144);
});

test('urgency: a stockout before an order could arrive, else reorder, overstock or ok', () => {
  const s = suggest(base); // 90 available at 10 a day: short on day 9, before day 14
  assert.equal(s.projectedStockout, '2024-05-10');
  assert.equal(s.urgency, 'stockout');
  assert.equal(suggest({ ...base, leadTimeDays: 5 }).urgency, 'reorder');
  const plenty = suggest({ ...base, stock: { onHand: 3000, reserved: 0, backordered: 0, onOrder: 0 } });
  assert.equal(plenty.urgency, 'overstock');
  assert.ok(Math.abs((plenty.weeksOfCover ?? 0) - 3000 / 70) < 1e-9);
  const none = suggest({ ...base, point: [0, 0], policy: { leadTimeDemand: 0, protectionDemand: 0, safetyStock: 0, reorderPoint: 0, orderUpTo: 0 }, stock: { onHand: 0, reserved: 0, backordered: 0, onOrder: 0 } });
  assert.deepEqual([none.urgency, none.suggestedQuantity, none.weeksOfCover], ['ok', 0, 0]);
  const idle = suggest({ ...base, point: [0, 0], stock: { onHand: 5, reserved: 0, backordered: 0, onOrder: 500 } });
  assert.deepEqual([idle.urgency, idle.weeksOfCover], ['overstock', null], 'stock without demand is endless cover');
});

test('sorting puts the soonest stockout first', () => {
  const row = (sku: string, urgency: 'stockout' | 'reorder' | 'ok' | 'overstock', projectedStockout: string | null, position = 0) =>
    ({ sku, location: 'WH', urgency, projectedStockout, position, reorderPoint: 10 });
  const sorted = [row('A', 'ok', null), row('B', 'stockout', '2024-05-09'), row('C', 'reorder', null, 5), row('D', 'stockout', '2024-05-03'), row('E', 'reorder', null, -5)]
    .sort(compareUrgency).map((r) => r.sku);
  assert.deepEqual(sorted, ['D', 'B', 'E', 'C', 'A']);
});
