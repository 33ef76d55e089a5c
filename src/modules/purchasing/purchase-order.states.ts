// The purchase order status machine, as data. A draft is edited and submitted; an
// ordered purchase order is received in one or more deliveries. Canceling a partially
// received order closes it short: what arrived stays, the rest is no longer expected.
import { canTransition, type TransitionTable } from '../../platform/state-machine.ts';
import { Problem } from '../../platform/http/index.ts';
import type { PurchaseOrderStatus } from '../../platform/db/index.ts';

export const PURCHASE_ORDER_STATUSES = ['draft', 'ordered', 'partially_received', 'received', 'canceled'] as const satisfies readonly PurchaseOrderStatus[];

export const PURCHASE_ORDER_TRANSITIONS = {
  draft: ['ordered', 'canceled'],
  ordered: ['partially_received', 'received', 'canceled'],
  partially_received: ['partially_received', 'received', 'canceled'],
  received: [],
  canceled: [],
} as const satisfies TransitionTable<PurchaseOrderStatus>;

/** Statuses whose unreceived quantities are on order (expected at the destination). */
export const OPEN_STATUSES = ['ordered', 'partially_received'] as const satisfies readonly PurchaseOrderStatus[];

/** Throws invalid_transition unless the move is allowed. */
export function assertPurchaseOrderTransition(from: PurchaseOrderStatus, to: PurchaseOrderStatus, action: string): void {
  if (!canTransition<PurchaseOrderStatus>(PURCHASE_ORDER_TRANSITIONS, from, to)) {
    throw new Problem('invalid_transition', `Cannot ${action} a purchase order that is ${from}.`, { extra: { from, to } });
  }
}

/** The status after a delivery: received once every line is complete. */
export function statusAfterReceipt(lines: readonly { quantity: number; received: number }[]): 'partially_received' | 'received' {
  return lines.every((l) => l.received >= l.quantity) ? 'received' : 'partially_received';
}
