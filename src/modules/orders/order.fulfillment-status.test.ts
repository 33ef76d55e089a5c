import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveFulfillmentStatus, type FulfillmentLineFacts, type FulfillmentShipmentFacts } from './order.view.ts';

const reserved = (quantity: number) => ({ location: 'WH-1', quantity, status: 'reserved' as const });
const fulfilled = (quantity: number) => ({ location: 'WH-1', quantity, status: 'fulfilled' as const });
const line = (quantity: number, allocations: FulfillmentLineFacts['allocations'], canceled = 0): FulfillmentLineFacts => ({ quantity, allocations, canceled });
const shipment = (status: FulfillmentShipmentFacts['status'], ...quantities: number[]): FulfillmentShipmentFacts => ({ status, items: quantities.map((quantity) => ({ quantity })) });

test('unfulfilled: nothing shipped (reserved, backordered or no lines)', () => {
  assert.equal(deriveFulfillmentStatus([line(3, [reserved(3)])]), 'unfulfilled');
  assert.equal(deriveFulfillmentStatus([line(3, [])]), 'unfulfilled');
  assert.equal(deriveFulfillmentStatus([]), 'unfulfilled');
});

test('partially_fulfilled and fulfilled follow the fulfilled allocations', () => {
  assert.equal(deriveFulfillmentStatus([line(3, [fulfilled(1), reserved(2)])], [shipment('shipped', 1)]), 'partially_fulfilled');
  assert.equal(deriveFulfillmentStatus([line(2, [fulfilled(2)]), line(1, [reserved(1)])], [shipment('in_transit', 2)]), 'partially_fulfilled');
  assert.equal(deriveFulfillmentStatus([line(2, [fulfilled(2)]), line(1, [fulfilled(1)])], [shipment('in_transit', 2), shipment('shipped', 1)]), 'fulfilled');
  assert.equal(deriveFulfillmentStatus([line(3, [fulfilled(3)])], [shipment('exception', 3)]), 'fulfilled');
});

test('partially_delivered and delivered follow delivered (or picked up) shipments', () => {
  const lines = [line(2, [fulfilled(2)]), line(1, [fulfilled(1)])];
  assert.equal(deriveFulfillmentStatus(lines, [shipment('delivered', 2), shipment('in_transit', 1)]), 'partially_delivered');
  assert.equal(deriveFulfillmentStatus(lines, [shipment('delivered', 2), shipment('delivered', 1)]), 'delivered');
  assert.equal(deriveFulfillmentStatus(lines, [shipment('picked_up', 2, 1)]), 'delivered');
  // Delivered before the rest shipped: still partly delivered, not fulfilled.
  assert.equal(deriveFulfillmentStatus([line(3, [fulfilled(1), reserved(2)])], [shipment('delivered', 1)]), 'partially_delivered');
});

test('canceled units do not count', () => {
  // 3 ordered, 1 canceled, 2 shipped: fulfilled; once delivered: delivered.
  assert.equal(deriveFulfillmentStatus([line(3, [fulfilled(2)], 1)], [shipment('shipped', 2)]), 'fulfilled');
  assert.equal(deriveFulfillmentStatus([line(3, [fulfilled(2)], 1)], [shipment('delivered', 2)]), 'delivered');
  assert.equal(deriveFulfillmentStatus([line(3, [fulfilled(1), reserved(1)], 1)], [shipment('shipped', 1)]), 'partially_fulfilled');
  // A whole line canceled: the other line decides.
  assert.equal(deriveFulfillmentStatus([line(2, [], 2), line(1, [fulfilled(1)])], [shipment('delivered', 1)]), 'delivered');
  // Everything canceled and nothing shipped.
  assert.equal(deriveFulfillmentStatus([line(2, [], 2)]), 'unfulfilled');
});
