// Order intake: validate, price, total, de-duplicate, route and reserve, record — all in
// the caller's transaction, so an order either exists with its reservations, its first
// timeline event and its outbox row, or not at all. This is the way every order can take:
// routing plans from locked stock levels. Most orders take the shorter way in
// intake.fast.ts first (one statement, no transaction) and come here only when that way
// does not apply or something raced it; both share intake.steps.ts.
import type { Kdb } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { Problem } from '../../platform/http/index.ts';
import { orderNumberSequence, type Principal } from '../access/index.ts';
import { holdAndChargeAtIntake } from '../payments/index.ts';
import { stockChangedProblem } from '../inventory/index.ts';
import type { OrderInput } from './order.schemas.ts';
import type { OrderView } from './order.view.ts';
import { insertOrderContents, insertOrderLockingLevels, loadIntakeSnapshot } from './intake.repository.ts';
import { availableStock, createdOutboxEvent, newOrderRow, newOrderView, orderContents, planIntake, prepareIntake, shortageProblem, snapshotQuery } from './intake.steps.ts';

export interface IntakeOptions {
  /** When the order was placed; only the demo seeder back-dates history with it. */
  placedAt?: Date | undefined;
}

/** Takes an order in. Throws Problem for every refusal; writes nothing in that case. */
export async function createOrder(trx: Kdb, principal: Principal, input: OrderInput, options: IntakeOptions = {}): Promise<OrderView> {
  const tenantId = principal.tenantId;
  // Everything the checks need, read in one round trip.
  const snapshot = await loadIntakeSnapshot(trx, tenantId, snapshotQuery(input));
  const prepared = prepareIntake(snapshot, principal, input);

  // Lock order matters: customer row, then the new order row (which also settles a
  // duplicate external_id before any stock is touched), then stock rows by key. One
  // statement takes all three, in that order (see insertOrderLockingLevels).
  const placedAt = options.placedAt;
  const orderId = newId('ord', placedAt?.getTime());
  const inserted = await insertOrderLockingLevels(trx, tenantId, orderNumberSequence(tenantId), input.customer ?? null,
    newOrderRow(prepared, orderId, placedAt ?? null), prepared.demands.map((d) => d.productId).sort());
  if (!inserted) throw await duplicateProblem(trx, tenantId, prepared.channel.id, input.external_id ?? '');

  const plan = planIntake(prepared, snapshot, availableStock(inserted.levels));
  if (plan.shortages.length > 0) throw shortageProblem(plan, input, prepared.products);
  const contents = orderContents(prepared, plan, orderId, principal.actor, tenantId);
  const view = newOrderView(prepared, contents, orderId, inserted);

  // Lines, reservations (guarded update, allocations, ledger), timeline and outbox go in
  // one statement; a level that lost its stock makes the whole transaction roll back.
  const reserved = await insertOrderContents(trx, tenantId, orderId, principal.actor, {
    lines: contents.lineRows,
    parts: contents.reservation.parts,
    events: contents.events,
    outbox: [createdOutboxEvent(contents, orderId, view.number)],
    at: placedAt,
  });
  if (reserved !== contents.reservation.levelCount) throw stockChangedProblem();
  // Payment and hold rules: nothing at all for an order without a payment in a tenant without rules.
  if (input.payment || snapshot.hasHoldRules) await holdAndChargeAtIntake(trx, tenantId, principal.actor, view, input.payment, snapshot.hasHoldRules);
  return view;
}

/** The refusal for a second order with the same (channel, external_id), naming the first. */
export async function duplicateProblem(db: Kdb, tenantId: string, channelId: string, externalId: string): Promise<Problem> {
  const existing = await db.selectFrom('orders').select(['id', 'number'])
    .where('tenant_id', '=', tenantId).where('channel_id', '=', channelId).where('external_id', '=', externalId).executeTakeFirst();
  return new Problem('duplicate_order', `An order with external_id ${JSON.stringify(externalId)} already exists on this channel.`, {
    extra: { id: existing?.id ?? null, number: existing ? String(existing.number) : null },
  });
}
