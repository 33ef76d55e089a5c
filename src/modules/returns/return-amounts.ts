// The refund of a return from the database's facts: the order's lines with what earlier
// closed returns refunded, the shipping already refunded, the policy — fed to the pure
// computeRefund. Used for the preview, the exchange credit (on approval) and the close.
import type { Kdb } from '../../platform/db/index.ts';
import type { ReturnOrder } from './returns.repository.ts';
import { loadLineFacts, priorShippingRefunded } from './returns.repository.ts';
import { computeRefund, type RefundBreakdown } from './return-refund.ts';
import type { ReturnPolicy } from './return-policy.ts';
import type { RefundView } from './return.view.ts';

/** The refund breakdown if `units` (per order line id) of this return were refunded now. */
export async function refundFor(db: Kdb, tenantId: string, order: ReturnOrder, returnId: string, units: ReadonlyMap<string, number>, policy: ReturnPolicy): Promise<RefundBreakdown> {
  // One after the other: `db` may be a transaction, which runs one query at a time.
  const lines = await loadLineFacts(db, tenantId, order.id, returnId);
  const priorShipping = await priorShippingRefunded(db, tenantId, order.id);
  return computeRefund({
    lines: lines.map((l) => ({ lineId: l.id, quantity: l.quantity, canceled: l.canceled, value: l.value, priorUnits: l.refunded, units: units.get(l.id) ?? 0 })),
    taxTotal: order.tax_total, shippingTotal: order.shipping_total, priorShipping,
    rule: policy.shipping_refund, feeBps: policy.restocking_fee_bps,
  });
}

/**
 * The breakdown as the API shows it; the exchange credit comes off what is paid back, and
 * no more than the order's `refundable` money can go back (goodwill refunds may have
 * taken it): the rest is the shortfall.
 */
export function toRefundView(b: RefundBreakdown, exchangeCredit: number, refundable: number): RefundView {
  const owed = Math.max(0, b.total - exchangeCredit);
  const amount = Math.min(owed, Math.max(0, refundable));
  return {
    items: b.items, tax: b.tax, shipping: b.shipping, restocking_fee: b.restocking_fee,
    exchange_credit: exchangeCredit, amount, shortfall: owed - amount,
  };
}
