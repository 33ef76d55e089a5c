// The short way in for an order: read everything (stock levels included) without locks,
// plan, and write the whole order in one statement with no transaction around it — two
// round trips instead of five. The statement's guarded update re-checks every level it
// reserves, so a stale read can never oversell; when it finds a level changed, the order
// takes the transactional way (intake.service.ts) from locked levels, as it also does
// whenever the short way does not apply:
// - active hold rules (they are evaluated, and holds written, in the order's transaction);
// - a shortage or a backorder (refusals and backorders are decided from locked levels,
//   so an arrival committing meanwhile is never missed);
// - an Idempotency-Key (the key's row commits with the order; the route sends those to
//   the transactional way directly).
import type { Kdb } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { orderNumberSequence, type Principal } from '../access/index.ts';
import { intakePaymentParts } from '../payments/index.ts';
import type { OrderInput } from './order.schemas.ts';
import type { OrderView } from './order.view.ts';
import { loadIntakeSnapshot } from './intake.repository.ts';
import { INTAKE_ABORT, insertWholeOrder } from './intake.fast.repository.ts';
import { duplicateProblem } from './intake.service.ts';
import { availableStock, newOrderRow, newOrderView, orderContents, planIntake, prepareIntake, snapshotQuery } from './intake.steps.ts';

/** Errors after which the transactional way is tried: a level changed, or PostgreSQL chose this statement as a deadlock victim. */
const TAKE_THE_LOCKED_WAY = new Set<string>([INTAKE_ABORT.stockChanged, '40P01', '40001']);

/**
 * Takes the order in one statement when it can; returns null when the caller must use
 * the transactional way (createOrder). Throws Problem for refusals that hold either way
 * (validation, prices, totals, a duplicate external_id); nothing is written then.
 */
export async function createOrderInOneStatement(db: Kdb, principal: Principal, input: OrderInput): Promise<OrderView | null> {
  const tenantId = principal.tenantId;
  const snapshot = await loadIntakeSnapshot(db, tenantId, { ...snapshotQuery(input), withLevels: true });
  if (snapshot.hasHoldRules) return null;
  const prepared = prepareIntake(snapshot, principal, input);
  const plan = planIntake(prepared, snapshot, availableStock(snapshot.levels));
  if (plan.shortages.length > 0) return null;
  const orderId = newId('ord');
  const contents = orderContents(prepared, plan, orderId, principal.actor, tenantId);
  if (contents.backordered.some((units) => units > 0)) return null;
  // The payment row and its first provider call go in the same statement (the call runs after it).
  const payment = input.payment ? intakePaymentParts(tenantId, orderId, input.currency, prepared.totals.total, input.payment) : null;
  try {
    const inserted = await insertWholeOrder(db, tenantId, orderNumberSequence(tenantId), principal.actor, {
      order: newOrderRow(prepared, orderId, null), customer: input.customer ?? null,
      lines: contents.lineRows, parts: contents.reservation.parts, levelCount: contents.reservation.levelCount,
      events: contents.events, outbox: [{ topic: 'order.created', aggregateId: orderId, payload: contents.createdPayload }],
      more: payment ? [payment.ctes] : [],
    });
    const view = newOrderView(prepared, contents, orderId, inserted);
    if (payment) view.payments = [payment.view(inserted.created_at)];
    return view;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === INTAKE_ABORT.duplicate) throw await duplicateProblem(db, tenantId, prepared.channel.id, input.external_id ?? '');
    if (typeof code === 'string' && TAKE_THE_LOCKED_WAY.has(code)) return null;
    throw error;
  }
}
