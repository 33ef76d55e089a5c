// Order actions after intake: hold, release (typed holds, holds module), cancel. Each is
// a conditional status update plus its timeline and outbox rows in one transaction.
import type { Kdb } from '../../platform/db/index.ts';
import { Problem } from '../../platform/http/index.ts';
import { cancelUnshippedFulfillment } from '../fulfillment/index.ts';
import type { Principal } from '../access/index.ts';
import type { HoldType } from '../../platform/db/schema-payments.ts';
import { endHoldsOnCancel, placeHolds, releaseHolds } from '../holds/index.ts';
import { voidOrderPayments } from '../payments/index.ts';
import { ORDER_ACTIONS, assertTransition, type OrderAction, type OrderStatus } from './order.states.ts';
import { lockOrderRow, recordEvents, transitionStatus } from './orders.repository.ts';
import { getOrderRecordFor, loadOrderView } from './orders.queries.ts';
import { cancelUnshippedPart, hasShipped } from './partial-cancel.service.ts';
import type { OrderView } from './order.view.ts';

/** Applies hold, release or cancel to an order and answers the updated order. */
export async function applyOrderAction(
  trx: Kdb, principal: Principal, idOrNumber: string, action: OrderAction, reason: string | null,
  hold: { type?: HoldType | undefined; holdId?: string | undefined } = {},
): Promise<OrderView> {
  const tenantId = principal.tenantId;
  const order = await getOrderRecordFor(trx, principal, idOrNumber);
  // Typed holds (holds module): an order is on_hold while any hold is active.
  if (action === 'hold') await placeHolds(trx, tenantId, principal.actor, order.id, [{ type: hold.type ?? 'manual', reason }]);
  if (action === 'release') await releaseHolds(trx, tenantId, principal.actor, order.id, { holdId: hold.holdId, type: hold.type }, { reason });
  if (action !== 'cancel') return loadOrderView(trx, principal, order.id);
  // Lock first: a shipment committing between our check and our update would otherwise
  // let a whole-order cancel pass over units that just shipped.
  await lockOrderRow(trx, tenantId, order.id);
  const from = order.status as OrderStatus;
  const to = ORDER_ACTIONS[action];
  assertTransition(from, to, action);

  // After a partial shipment, cancel cancels only what has not shipped (the order stays open).
  if (await hasShipped(trx, tenantId, order.id)) {
    await cancelUnshippedPart(trx, principal, order, reason);
    await voidOrderPayments(trx, tenantId, principal.actor, order.id); // release the authorization above the lower total
    return loadOrderView(trx, principal, order.id);
  }
  const fields = { cancel_reason: reason };
  if (!(await transitionStatus(trx, tenantId, order.id, from, to, fields))) {
    // Someone else moved the order between our read and our update.
    throw new Problem('invalid_transition', `The order changed while it was being updated; it is no longer ${from}.`, { extra: { from, to } });
  }
  const data: Record<string, unknown> = { from, to, ...(reason ? { reason } : {}) };
  const stock = await cancelUnshippedFulfillment(trx, tenantId, principal.actor, order.id, reason);
  data.units_released = stock.unitsReleased;
  data.fulfillment_orders_canceled = stock.fulfillmentOrdersCanceled;
  // Money and holds: void what will not be captured (the calls run after commit), end the holds.
  await voidOrderPayments(trx, tenantId, principal.actor, order.id);
  await endHoldsOnCancel(trx, tenantId, principal.actor, order.id);
  const type = 'order.canceled';
  await recordEvents(trx, tenantId, order.id, principal.actor, [{ type, data }], [{ topic: type, aggregateId: order.id, payload: { order_id: order.id, id: order.id, number: String(order.number), ...data } }]);
  return loadOrderView(trx, principal, order.id);
}
