// What the API answers for a return: its items with what came back, the replacement
// order of an exchange, and the refund (issued on close, or a preview before).
import type { ExchangeLine } from '../../platform/db/schema-after-sales.ts';
import { iso } from '../../platform/http/index.ts';
import type { ReturnItemRecord, ReturnRecord } from './returns.repository.ts';
import type { ReturnStatus } from './return.states.ts';

export interface ReturnItemView {
  line_id: string; sku: string; name: string; quantity: number; reason: string;
  received_quantity: number; sellable_quantity: number; damaged_quantity: number;
}

export interface RefundView {
  items: number; tax: number; shipping: number; restocking_fee: number;
  /** Of the value, what paid for the replacement order of an exchange. */
  exchange_credit: number;
  /** What goes (or went) back to the payments: items + tax + shipping - fee - credit, at least 0, less the shortfall. */
  amount: number;
  /**
   * Closed returns: what the return was owed but could not be refunded, because refunds
   * outside returns (goodwill) had already given the order's captured money back.
   */
  shortfall?: number;
  refund_id?: string | null;
}

export interface ReturnView {
  id: string; number: string; status: ReturnStatus; source: 'customer' | 'staff';
  order: { id: string; number: string };
  /** The order's currency: every amount of the return is in it. */
  currency: string;
  note: string | null; reject_reason: string | null; override_policy: boolean;
  items: ReturnItemView[];
  restock_location: string | null;
  exchange: { lines: ExchangeLine[]; order: { id: string; number: string } | null; credit: number | null } | null;
  /** The refund issued on close. */
  refund: RefundView | null;
  /** Before close: what closing now would refund (from the units received, or asked for until then). */
  refund_preview?: RefundView;
  received_at: string | null; closed_at: string | null; created_at: string; updated_at: string;
}

/** The refund of a closed return; its shortfall is what the breakdown owed beyond what was refunded. */
function closedRefund(r: ReturnRecord): RefundView {
  const [items, tax, shipping, fee, credit] = [r.refund_items ?? 0, r.refund_tax ?? 0, r.refund_shipping ?? 0, r.restocking_fee ?? 0, r.exchange_credit ?? 0];
  const amount = r.refund_amount ?? 0;
  return {
    items, tax, shipping, restocking_fee: fee, exchange_credit: credit, amount,
    shortfall: Math.max(0, Math.max(0, items + tax + shipping - fee - credit) - amount), refund_id: r.refund_id,
  };
}

export function toReturnView(r: ReturnRecord, items: readonly ReturnItemRecord[], preview?: RefundView): ReturnView {
  return {
    id: r.id, number: String(r.number), status: r.status, source: r.source,
    order: { id: r.order_id, number: String(r.order_number) }, currency: r.currency,
    note: r.note, reject_reason: r.reject_reason, override_policy: r.override_policy,
    items: items.map((i) => ({
      line_id: i.order_line_id, sku: i.sku, name: i.name, quantity: i.quantity, reason: i.reason,
      received_quantity: i.received_quantity, sellable_quantity: i.received_quantity - i.damaged_quantity, damaged_quantity: i.damaged_quantity,
    })),
    restock_location: r.restock_location_code,
    exchange: r.exchange_lines ? {
      lines: r.exchange_lines,
      order: r.exchange_order_id ? { id: r.exchange_order_id, number: String(r.exchange_order_number) } : null,
      credit: r.exchange_credit,
    } : null,
    refund: r.status === 'closed' ? closedRefund(r) : null,
    ...(preview ? { refund_preview: preview } : {}),
    received_at: iso(r.received_at), closed_at: iso(r.closed_at), created_at: iso(r.created_at) ?? '', updated_at: iso(r.updated_at) ?? '',
  };
}

/** A return as the order view lists it: enough to see what is coming back and what was refunded. */
export interface OrderReturnView {
  id: string; number: string; status: ReturnStatus;
  items: { line_id: string; sku: string; quantity: number; received_quantity: number }[];
  refund_amount: number | null;
  exchange_order: { id: string; number: string } | null;
  created_at: string;
}

export function toOrderReturnView(r: ReturnRecord, items: readonly ReturnItemRecord[]): OrderReturnView {
  return {
    id: r.id, number: String(r.number), status: r.status,
    items: items.map((i) => ({ line_id: i.order_line_id, sku: i.sku, quantity: i.quantity, received_quantity: i.received_quantity })),
    refund_amount: r.refund_amount,
    exchange_order: r.exchange_order_id ? { id: r.exchange_order_id, number: String(r.exchange_order_number) } : null,
    created_at: iso(r.created_at) ?? '',
  };
}
