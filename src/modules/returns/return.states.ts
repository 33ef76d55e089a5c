// The return (RMA) status machine, as data. A return is asked for, then approved or
// rejected; an approved return is received (restocked or written off) and closed with
// its refund. An approved return may still be rejected while nothing has been received
// (the parcel never came, or staff approved by mistake): its replacement order, if any,
// is canceled with it. Received, rejected and closed are never undone.
import { canTransition, type TransitionTable } from '../../platform/state-machine.ts';
import { Problem } from '../../platform/http/index.ts';
import type { ReturnStatus } from '../../platform/db/schema-after-sales.ts';

export type { ReturnStatus };

export const RETURN_STATUSES = ['requested', 'approved', 'rejected', 'received', 'closed'] as const satisfies readonly ReturnStatus[];

export const RETURN_TRANSITIONS = {
  requested: ['approved', 'rejected'],
  approved: ['received', 'rejected'],
  received: ['closed'],
  rejected: [],
  closed: [],
} as const satisfies TransitionTable<ReturnStatus>;

/** The action that moves a return into each status, for error messages and the timeline. */
export const RETURN_ACTIONS = { approve: 'approved', reject: 'rejected', receive: 'received', close: 'closed' } as const satisfies Record<string, ReturnStatus>;
export type ReturnAction = keyof typeof RETURN_ACTIONS;

/** Throws invalid_transition (409) unless the action is allowed from `from`. */
export function assertReturnTransition(from: ReturnStatus, action: ReturnAction): ReturnStatus {
  const to = RETURN_ACTIONS[action];
  if (!canTransition<ReturnStatus>(RETURN_TRANSITIONS, from, to)) {
    throw new Problem('invalid_transition', `Cannot ${action} a return that is ${from}.`, { extra: { from, to } });
  }
  return to;
}

/**
 * Units of a return item that still count against what the line may return: all asked-for
 * units while the return is open, only the units that came back once it is received or
 * closed, none once rejected.
 */
export function unitsHeld(status: ReturnStatus, quantity: number, received: number): number {
  if (status === 'rejected') return 0;
  return status === 'received' || status === 'closed' ? received : quantity;
}
