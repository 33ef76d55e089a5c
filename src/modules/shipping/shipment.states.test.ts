import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canTransition, reachableStates } from '../../platform/state-machine.ts';
import { SHIPMENT_STATUSES, SHIPMENT_TRANSITIONS, statusAfterEvent } from './shipment.states.ts';

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute));

test('every carrier status is reachable from shipped; delivered and picked_up are final', () => {
  const reachable = reachableStates(SHIPMENT_TRANSITIONS, 'shipped');
  for (const status of SHIPMENT_STATUSES.filter((s) => s !== 'picked_up')) assert.ok(reachable.has(status), status);
  for (const to of SHIPMENT_STATUSES) {
    assert.equal(canTransition(SHIPMENT_TRANSITIONS, 'delivered', to), false);
    assert.equal(canTransition(SHIPMENT_TRANSITIONS, 'picked_up', to), false);
  }
});

test('status moves forward only; exception can be followed by transit or delivery', () => {
  assert.equal(statusAfterEvent('shipped', 'in_transit', at(1), null), 'in_transit');
  assert.equal(statusAfterEvent('out_for_delivery', 'in_transit', at(2), at(1)), 'out_for_delivery');
  assert.equal(statusAfterEvent('in_transit', 'exception', at(2), at(1)), 'exception');
  assert.equal(statusAfterEvent('exception', 'in_transit', at(3), at(2)), 'in_transit');
  assert.equal(statusAfterEvent('exception', 'delivered', at(3), at(2)), 'delivered');
  assert.equal(statusAfterEvent('delivered', 'exception', at(4), at(3)), 'delivered');
  assert.equal(statusAfterEvent('delivered', 'in_transit', at(4), at(3)), 'delivered');
});

test('an event older than the latest one is kept but does not move the status', () => {
  assert.equal(statusAfterEvent('in_transit', 'delivered', at(1), at(5)), 'in_transit');
  assert.equal(statusAfterEvent('in_transit', 'delivered', at(5), at(5)), 'delivered');
});
