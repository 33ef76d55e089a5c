import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canTransition, reachableStates } from '../../platform/state-machine.ts';
import { PURCHASE_ORDER_STATUSES, PURCHASE_ORDER_TRANSITIONS, assertPurchaseOrderTransition, statusAfterReceipt } from './purchase-order.states.ts';

test('every purchase order status is reachable from draft', () => {
  assert.deepEqual([...reachableStates(PURCHASE_ORDER_TRANSITIONS, 'draft')].sort(), [...PURCHASE_ORDER_STATUSES].sort());
});

test('received and canceled are final; a draft cannot be received', () => {
  for (const to of PURCHASE_ORDER_STATUSES) {
    assert.equal(canTransition(PURCHASE_ORDER_TRANSITIONS, 'received', to), false);
    assert.equal(canTransition(PURCHASE_ORDER_TRANSITIONS, 'canceled', to), false);
  }
  assert.throws(() => assertPurchaseOrderTransition('draft', 'partially_received', 'receive'), { code: 'invalid_transition' });
  assert.throws(() => assertPurchaseOrderTransition('ordered', 'draft', 'reopen'), { code: 'invalid_transition' });
  assert.doesNotThrow(() => assertPurchaseOrderTransition('partially_received', 'canceled', 'cancel'));
});

test('a delivery completes the order only when every line is complete', () => {
  assert.equal(statusAfterReceipt([{ quantity: 5, received: 5 }, { quantity: 3, received: 1 }]), 'partially_received');
  assert.equal(statusAfterReceipt([{ quantity: 5, received: 5 }, { quantity: 3, received: 3 }]), 'received');
});
