// The order status machine, as data. Payment and fulfillment statuses are separate
// fields derived from their own records; this table governs `status` only.
import { canTransition, type TransitionTable } from '../../platform/state-machine.ts';
import { Problem } from '../../platform/http/index.ts';

export const ORDER_STATUSES = ['open', 'on_hold', 'canceled', 'completed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_TRANSITIONS = {
  open: ['on_hold', 'canceled', 'completed'],
  on_hold: ['open', 'canceled'],
  canceled: [],
  completed: [],
} as const satisfies TransitionTable<OrderStatus>;

/** The actions of the API and the status each one moves to. */
export const ORDER_ACTIONS = { hold: 'on_hold', release: 'open', cancel: 'canceled' } as const satisfies Record<string, OrderStatus>;
export type OrderAction = keyof typeof ORDER_ACTIONS;

/** Throws invalid_transition unless the move is allowed. */
export function assertTransition(from: OrderStatus, to: OrderStatus, action: string): void {
  if (!canTransition<OrderStatus>(ORDER_TRANSITIONS, from, to)) {
    throw new Problem('invalid_transition', `Cannot ${action} an order that is ${from}.`, { extra: { from, to } });
  }
}
