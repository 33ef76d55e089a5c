import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reachableStates } from '../../platform/state-machine.ts';
import { ORDER_STATUSES, ORDER_TRANSITIONS, assertTransition } from './order.states.ts';
import { Problem } from '../../platform/http/index.ts';

test('every order status is reachable from open', () => {
  assert.deepEqual([...reachableStates(ORDER_TRANSITIONS, 'open')].sort(), [...ORDER_STATUSES].sort());
});

test('every move outside the table is refused with invalid_transition', () => {
  for (const from of ORDER_STATUSES) {
    for (const to of ORDER_STATUSES) {
      const allowed = (ORDER_TRANSITIONS[from] as readonly string[]).includes(to);
      if (allowed) assert.doesNotThrow(() => assertTransition(from, to, 'move'));
      else assert.throws(() => assertTransition(from, to, 'move'), (e: unknown) => e instanceof Problem && e.code === 'invalid_transition' && e.status === 409);
    }
  }
});

test('terminal states have no way out', () => {
  assert.deepEqual(ORDER_TRANSITIONS.canceled, []);
  assert.deepEqual(ORDER_TRANSITIONS.completed, []);
});
