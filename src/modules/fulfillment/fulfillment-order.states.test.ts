import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canTransition, reachableStates } from '../../platform/state-machine.ts';
import { FULFILLMENT_ORDER_STATUSES, FULFILLMENT_ORDER_TRANSITIONS, assertFulfillmentTransition, statusesLeadingTo, type FulfillmentOrderStatus } from './fulfillment-order.states.ts';

const ALLOWED: [FulfillmentOrderStatus, FulfillmentOrderStatus][] = [
  ['open', 'picking'], ['picking', 'picked'], ['picked', 'packed'], ['packed', 'shipped'],
  ['open', 'shipped'], ['picked', 'shipped'],
  ['open', 'ready_for_pickup'], ['picking', 'ready_for_pickup'], ['picked', 'ready_for_pickup'], ['ready_for_pickup', 'picked_up'],
  ['open', 'canceled'], ['picking', 'canceled'], ['picked', 'canceled'], ['packed', 'canceled'], ['ready_for_pickup', 'canceled'],
  ['picking', 'open'],
  // Packing without a wave; unpacking (a package removed) puts a packed order back to picked.
  ['open', 'packed'], ['packed', 'picked'],
];

test('every fulfillment order status is reachable from open', () => {
  assert.deepEqual([...reachableStates(FULFILLMENT_ORDER_TRANSITIONS, 'open')].sort(), [...FULFILLMENT_ORDER_STATUSES].sort());
});

test('exactly the documented moves are allowed; every other move is refused with invalid_transition', () => {
  const allowed = new Set(ALLOWED.map(([a, b]) => `${a}>${b}`));
  for (const from of FULFILLMENT_ORDER_STATUSES) {
    for (const to of FULFILLMENT_ORDER_STATUSES) {
      const expected = allowed.has(`${from}>${to}`);
      assert.equal(canTransition(FULFILLMENT_ORDER_TRANSITIONS, from, to), expected, `${from} -> ${to}`);
      if (expected) assertFulfillmentTransition(from, to);
      else assert.throws(() => assertFulfillmentTransition(from, to), (e: any) => e.code === 'invalid_transition' && e.extra.from === from && e.extra.to === to);
    }
  }
});

test('shipped, picked_up and canceled are final', () => {
  for (const end of ['shipped', 'picked_up', 'canceled'] as const) assert.deepEqual(FULFILLMENT_ORDER_TRANSITIONS[end], []);
  assert.deepEqual(statusesLeadingTo('shipped').sort(), ['open', 'packed', 'picked']);
  assert.deepEqual(statusesLeadingTo('open'), ['picking']);
});
