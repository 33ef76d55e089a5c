// Closing a received return issues its refund: the value of the units that came back
// (return-refund.ts) less what an exchange's replacement order already used as credit,
// through the payments module to the order's original payments, exact to the minor unit.
// If an exchange's credit was worth more than what finally came back, nothing is refunded
// and the shortfall is put on the timeline for staff to settle. If goodwill refunds left
// less refundable than the return is owed, what is left is refunded, the rest is the
// refund's `shortfall` (on the return and the timeline), and the return closes.
import type { Kdb } from '../../platform/db/index.ts';
import { Problem } from '../../platform/http/index.ts';
import type { Principal } from '../access/index.ts';
import { refundUpTo } from '../payments/index.ts';
import { assertReturnTransition } from './return.states.ts';
import { getReturnPolicy } from './return-policy.ts';
import { refundFor, toRefundView } from './return-amounts.ts';
import { recordReturnEvent } from './return-events.ts';
import { getReturn, lockedReturn } from './returns.service.ts';
import type { ReturnView } from './return.view.ts';
import * as repo from './returns.repository.ts';

/** Closes a received return and refunds it. */
export async function closeReturn(trx: Kdb, principal: Principal, idOrNumber: string): Promise<ReturnView> {
  const { tenantId } = principal;
  const { ret, order } = await lockedReturn(trx, tenantId, idOrNumber);
  const to = assertReturnTransition(ret.status, 'close');
  const items = (await repo.loadItems(trx, tenantId, [ret.id])).get(ret.id) ?? [];
  const policy = await getReturnPolicy(trx, tenantId);
  const breakdown = await refundFor(trx, tenantId, order, ret.id, new Map(items.map((i) => [i.order_line_id, i.received_quantity])), policy);
  const credit = ret.exchange_credit ?? 0;
  const owed = toRefundView(breakdown, credit, Number.MAX_SAFE_INTEGER).amount;
  // Goodwill refunds may already have given back more than the order has left: refund
  // what can still be refunded, record the rest as the refund's shortfall, and close
  // anyway (the goods are back in stock; the return must not stay open for ever).
  const refund = owed > 0
    ? await refundUpTo(trx, tenantId, principal.actor, order.id, owed, { returnId: ret.id, reason: `return ${ret.number}` })
    : null;
  const refunded = refund?.amount ?? 0;
  const view = toRefundView(breakdown, credit, refunded);
  const refundShortfall = owed - refunded;
  if (!(await repo.transitionReturn(trx, tenantId, ret.id, ret.status, to, {
    closed_at: new Date(), refund_amount: refunded, refund_items: view.items, refund_tax: view.tax,
    refund_shipping: view.shipping, restocking_fee: view.restocking_fee, refund_id: refund?.id || null,
  }))) {
    throw new Problem('invalid_transition', `The return changed while it was being closed; it is no longer ${ret.status}.`, { extra: { from: ret.status, to } });
  }
  const shortfall = credit - breakdown.total;
  await recordReturnEvent(trx, tenantId, principal.actor, ret, 'return.closed', {
    refund: { ...view, refund_id: refund?.id || null }, currency: order.currency,
    ...(shortfall > 0 ? { exchange_shortfall: shortfall } : {}),
    ...(refundShortfall > 0 ? { refund_shortfall: refundShortfall } : {}),
  });
  return getReturn(trx, tenantId, ret.id);
}
