import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canTransition, reachableStates } from '../../platform/state-machine.ts';
import { RETURN_ACTIONS, RETURN_STATUSES, RETURN_TRANSITIONS, assertReturnTransition, unitsHeld, type ReturnAction } from './return.states.ts';

test('every return status is reachable from requested', () => {
  assert.deepEqual([...reachableStates(RETURN_TRANSITIONS, 'requested')].sort(), [...RETURN_STATUSES].sort());
});

test('exactly the moves in the table are allowed; every other action is invalid_transition', () => {
  const allowed = new Set(['requested>approve', 'requested>reject', 'approved>receive', 'approved>reject', 'received>close']);
  for (const from of RETURN_STATUSES) {
    for (const action of Object.keys(RETURN_ACTIONS) as ReturnAction[]) {
      const key = `${from}>${action}`;
      if (allowed.has(key)) assert.equal(assertReturnTransition(from, action), RETURN_ACTIONS[action], key);
      else assert.throws(() => assertReturnTransition(from, action), { code: 'invalid_transition' }, key);
    }
  }
  for (const to of RETURN_STATUSES) {
    assert.equal(canTransition(RETURN_TRANSITIONS, 'closed', to), false);
    assert.equal(canTransition(RETURN_TRANSITIONS, 'rejected', to), false);
  }
});

test('units held: asked-for while open, received once received, none when rejected', () => {
  assert.equal(unitsHeld('requested', 3, 0), 3);
  assert.equal(unitsHeld('approved', 3, 0), 3);
  assert.equal(unitsHeld('received', 3, 2), 2);
  assert.equal(unitsHeld('closed', 3, 1), 1);
  assert.equal(unitsHeld('rejected', 3, 0), 0);
});
