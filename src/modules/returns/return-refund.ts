// What a return gives back, in integer minor units. Pure: the caller loads the order's
// lines, what earlier closed returns refunded, and the policy.
//
// Items: each line's value after discount (total - discount_allocated, the value of its
// n active units) is handed out per unit *cumulatively* (orders' valueOfLineUnits, the
// one definition captures use too): after k of n units came back the line has refunded
// floor(value * k / n). A return refunds the difference between before and after, so
// partial returns of a line add up to exactly the line's value once every unit is back,
// and never more.
// Tax: the order's tax_total is shared over the lines in proportion to their value
// (largest remainder) and refunded with the units in the same cumulative way.
// Shipping, by the policy: `never`; `always` = the share of shipping_total matching the
// share of the order's item value returned so far (cumulative again); `if_all_returned`
// = all of shipping_total with the return that brings back the last unit. Never more than
// what earlier returns left of shipping_total.
// Restocking fee: restocking_fee_bps of this return's item value (before tax), rounded
// half up to the minor unit; it cannot exceed the item value (bps <= 10000).
import { splitMinor, sumMinor } from '../../platform/money.ts';
import { valueOfLineUnits } from '../orders/index.ts';

export type ShippingRefundRule = 'never' | 'always' | 'if_all_returned';

export interface RefundLine {
  lineId: string;
  /** Units ordered. */
  quantity: number;
  /** Units canceled before shipping: they can never come back. */
  canceled: number;
  /** The value of the line's active units after their share of the order discount. */
  value: number;
  /** Units refunded by earlier closed returns. */
  priorUnits: number;
  /** Units this return refunds. */
  units: number;
}

export interface RefundInput {
  lines: readonly RefundLine[];
  taxTotal: number;
  shippingTotal: number;
  /** Shipping already refunded by earlier returns of the order. */
  priorShipping: number;
  rule: ShippingRefundRule;
  feeBps: number;
}

export interface RefundLineShare { lineId: string; units: number; items: number; tax: number }

export interface RefundBreakdown {
  items: number; tax: number; shipping: number; restocking_fee: number;
  /** items + tax + shipping - restocking_fee. */
  total: number;
  lines: RefundLineShare[];
}

/** floor(amount * k / n) in exact integer arithmetic. */
export function cumulativeShare(amount: number, k: number, n: number): number {
  if (n === 0) return 0;
  return Number((BigInt(amount) * BigInt(k)) / BigInt(n));
}

/** amount * bps / 10000, rounded half up. */
export function basisPoints(amount: number, bps: number): number {
  return Number((BigInt(amount) * BigInt(bps) + 5_000n) / 10_000n);
}

function shippingShare(input: RefundInput, valueBefore: number, valueAfter: number): number {
  const { lines, shippingTotal } = input;
  const unitsBefore = sumMinor(lines.map((l) => l.priorUnits));
  const unitsAfter = unitsBefore + sumMinor(lines.map((l) => l.units));
  const returnable = sumMinor(lines.map((l) => l.quantity - l.canceled));
  if (input.rule === 'never' || unitsAfter === unitsBefore) return 0;
  if (input.rule === 'if_all_returned') return unitsAfter >= returnable ? shippingTotal : 0;
  const valueTotal = sumMinor(lines.map((l) => l.value));
  // Free items only: fall back to units so shipping still comes back with them.
  if (valueTotal === 0) return cumulativeShare(shippingTotal, unitsAfter, returnable) - cumulativeShare(shippingTotal, unitsBefore, returnable);
  return cumulativeShare(shippingTotal, valueAfter, valueTotal) - cumulativeShare(shippingTotal, valueBefore, valueTotal);
}

/** The refund of one return. */
export function computeRefund(input: RefundInput): RefundBreakdown {
  const taxShares = splitMinor(input.taxTotal, input.lines.map((l) => l.value));
  let valueBefore = 0;
  let valueAfter = 0;
  const lines: RefundLineShare[] = input.lines.map((l, i) => {
    const tax = taxShares[i] ?? 0;
    // The value and tax belong to the line's active units: canceled units never come back.
    const active = l.quantity - l.canceled;
    const valued = { total: l.value, discountAllocated: 0, activeQuantity: active };
    const before = valueOfLineUnits(valued, l.priorUnits);
    const after = valueOfLineUnits(valued, l.priorUnits + l.units);
    valueBefore += before;
    valueAfter += after;
    return {
      lineId: l.lineId, units: l.units, items: after - before,
      tax: cumulativeShare(tax, Math.min(l.priorUnits + l.units, active), active) - cumulativeShare(tax, Math.min(l.priorUnits, active), active),
    };
  }).filter((l) => l.units > 0);
  const items = sumMinor(lines.map((l) => l.items));
  const tax = sumMinor(lines.map((l) => l.tax));
  const shipping = Math.max(0, Math.min(shippingShare(input, valueBefore, valueAfter), input.shippingTotal - input.priorShipping));
  const fee = basisPoints(items, input.feeBps);
  return { items, tax, shipping, restocking_fee: fee, total: items + tax + shipping - fee, lines };
}
