// Order arithmetic in integer minor units. BigInt inside so an oversized order is
// refused with a clear error instead of losing precision.
import { splitMinor } from '../../platform/money.ts';
import { Problem } from '../../platform/http/index.ts';

/** The largest order total accepted: 10^13 minor units (100 billion in major units). */
export const ORDER_AMOUNT_MAX = 10_000_000_000_000;

export interface PricedLine { quantity: number; unitPrice: number }
export interface Totals {
  lineTotals: number[];
  lineDiscounts: number[];
  subtotal: number; discountTotal: number; shippingTotal: number; taxTotal: number; total: number;
}

function checked(value: bigint, path: string): number {
  if (value > BigInt(ORDER_AMOUNT_MAX)) {
    throw new Problem('amount_out_of_range', `${path} exceeds ${ORDER_AMOUNT_MAX} minor units.`, { errors: [{ path, message: `must not exceed ${ORDER_AMOUNT_MAX}` }] });
  }
  return Number(value);
}

/**
 * total = subtotal - discount + shipping + tax. The order discount is shared out over
 * the lines by the largest-remainder method, so refunds later add up exactly.
 */
export function computeTotals(lines: readonly PricedLine[], amounts: { discount: number; shipping: number; tax: number }): Totals {
  const lineTotals = lines.map((l, i) => checked(BigInt(l.quantity) * BigInt(l.unitPrice), `lines[${i}].total`));
  const subtotal = checked(lineTotals.reduce((a, b) => a + BigInt(b), 0n), 'subtotal');
  if (amounts.discount > subtotal) {
    throw new Problem('validation_failed', 'discount_total exceeds the subtotal', { errors: [{ path: 'discount_total', message: `must not exceed the subtotal ${subtotal}` }] });
  }
  const total = checked(BigInt(subtotal) - BigInt(amounts.discount) + BigInt(amounts.shipping) + BigInt(amounts.tax), 'total');
  return {
    lineTotals,
    lineDiscounts: splitMinor(amounts.discount, lineTotals),
    subtotal, discountTotal: amounts.discount, shippingTotal: amounts.shipping, taxTotal: amounts.tax, total,
  };
}
