// Order actions after intake: hold, release, cancel. Each is a conditional status
// update plus its timeline and outbox rows in one transaction.
import type { Kdb } from '../../platform/db/index.ts';
import { Problem } from '../../platform/http/index.ts';
import { releaseOrderReservations } from '../inventory/index.ts';
import type { Principal } from '../access/index.ts';
import { ORDER_ACTIONS, assertTransition, type OrderAction, type OrderStatus } from './order.states.ts';
import { recordEvents, transitionStatus } from './orders.repository.ts';
import { getOrderRecordFor, loadOrderView } from './orders.queries.ts';
import type { OrderView } from './order.view.ts';

/** Applies hold, release or cancel to an order and answers the updated order. */
export async function applyOrderAction(trx: Kdb, principal: Principal, idOrNumber: string, action: OrderAction, reason: string | null): Promise<OrderView> {
  const tenantId = principal.tenantId;
  const order = await getOrderRecordFor(trx, principal, idOrNumber);
  const from = order.status as OrderStatus;
  const to = ORDER_ACTIONS[action];
  assertTransition(from, to, action);

  if (action === 'cancel') {
    const shipped = await trx.selectFrom('order_allocations').select('id')
      .where('tenant_id', '=', tenantId).where('order_id', '=', order.id).where('status', '=', 'fulfilled').limit(1).executeTakeFirst();
    if (shipped) throw new Problem('invalid_transition', 'Cannot cancel an order once anything has shipped.', { extra: { from, to } });
  }
  const fields = action === 'hold' ? { hold_reason: reason } : action === 'release' ? { hold_reason: null } : { cancel_reason: reason };
  if (!(await transitionStatus(trx, tenantId, order.id, from, to, fields))) {
    // Someone else moved the order between our read and our update.
    throw new Problem('invalid_transition', `The order changed while it was being updated; it is no longer ${from}.`, { extra: { from, to } });
  }
  const data: Record<string, unknown> = { from, to, ...(reason ? { reason } : {}) };
  if (action === 'cancel') data.units_released = await releaseOrderReservations(trx, tenantId, principal.actor, order.id, reason ?? undefined);
  const type = action === 'hold' ? 'order.held' : action === 'release' ? 'order.released' : 'order.canceled';
  await recordEvents(trx, tenantId, order.id, principal.actor, [{ type, data }], [{ topic: type, aggregateId: order.id, payload: { id: order.id, number: String(order.number), ...data } }]);
  return loadOrderView(trx, principal, order.id);
}
