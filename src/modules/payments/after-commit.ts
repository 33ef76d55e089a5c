// Runs an order's pending provider calls right after the command that queued them
// committed, while the reply is on its way (a Fastify preSerialization hook), and answers
// the fresh record: the caller usually sees the outcome (authorized, declined and held,
// voided) instead of "pending". Whatever this leaves pending, the worker retries.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kdb } from '../../platform/db/index.ts';
import { principalOf } from '../access/index.ts';
import { loadOrderView, refreshNewOrderPayments, type OrderView } from '../orders/index.ts';
import { processPendingPaymentTransactions } from './transactions.runner.ts';

type Reload<T> = (payload: T, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** A preSerialization hook for answers that carry an order id (`order_id`, or `id` of an order view). */
export function settleAfterCommit<T extends object>(db: Kdb, orderIdOf: (payload: T) => string | null, reload: Reload<T>) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.statusCode >= 300 || payload === null || typeof payload !== 'object') return payload;
    const orderId = orderIdOf(payload as T);
    if (!orderId) return payload;
    try {
      await processPendingPaymentTransactions(db, { orderId });
    } catch (error) {
      request.log.warn({ err: error }, 'payment calls after commit failed; the worker retries them');
      return payload;
    }
    return reload(payload as T, request, reply);
  };
}

/** For order views: only orders with payments have calls to run. */
export function settleOrderAfterCommit(db: Kdb) {
  return settleAfterCommit<{ id: string; payments?: unknown[] }>(db,
    (order) => (order.payments && order.payments.length > 0 ? order.id : null),
    (order, request) => loadOrderView(db, principalOf(request), order.id));
}

/**
 * For order intake: the new order's calls, then only what they can change re-read
 * (refreshNewOrderPayments) rather than the whole order. A replayed answer (same
 * Idempotency-Key) may be old, so it is read again whole, as before.
 */
export function settleNewOrderAfterCommit(db: Kdb) {
  return settleAfterCommit<OrderView>(db,
    (order) => (order.payments && order.payments.length > 0 ? order.id : null),
    (order, request, reply) => (reply.getHeader('idempotent-replayed') === 'true'
      ? loadOrderView(db, principalOf(request), order.id)
      : refreshNewOrderPayments(db, principalOf(request), order)));
}

/** For answers that are not order views (a shipment, a return): run the order's calls, answer as is. */
export function runPaymentsAfterCommit<T extends object>(db: Kdb, orderIdOf: (payload: T) => string | null) {
  return settleAfterCommit<T>(db, orderIdOf, async (payload) => payload);
}
