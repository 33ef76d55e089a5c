// The order as the API shows it, and the statuses derived from its records.
import type { Address } from '../../platform/db/index.ts';
import { iso } from '../../platform/http/index.ts';
import type { OrderRefundView, PaymentView } from '../payments/index.ts';
import type { HoldView } from '../holds/index.ts';
import type { OrderReturnView } from '../returns/index.ts';

export interface AllocationView { location: string; quantity: number; status: 'reserved' | 'released' | 'fulfilled' }

export interface OrderLineView {
  id: string; sku: string; name: string; quantity: number; unit_price: number;
  discount_allocated: number; total: number; allocations: AllocationView[]; backordered: number;
  /** Units that will not be delivered (canceled after a partial shipment, or removed by an edit). */
  canceled: number;
}

/** A fulfillment order of the order: what one location ships or hands over. */
export interface OrderFulfillmentOrderView {
  id: string; location: string; status: string; delivery_type: 'ship' | 'pickup';
  lines: { order_line_id: string; allocation_id: string; sku: string; quantity: number; picked: number; status: string }[];
}

export type FulfillmentStatus = 'unfulfilled' | 'partially_fulfilled' | 'fulfilled' | 'partially_delivered' | 'delivered';
export type PaymentStatus = 'pending' | 'authorized' | 'partially_paid' | 'paid' | 'partially_refunded' | 'refunded' | 'voided';

export interface OrderView {
  id: string; number: string; channel: string; external_id: string | null;
  status: string; hold_reason: string | null; cancel_reason: string | null;
  payment_status: PaymentStatus; fulfillment_status: FulfillmentStatus;
  currency: string; subtotal: number; discount_total: number; shipping_total: number; tax_total: number; total: number;
  customer: { id: string; email: string; name: string | null } | null;
  shipping_address: Address | null; billing_address: Address | null;
  delivery: { type: 'ship' } | { type: 'pickup'; location: string };
  shipping: { method: string; amount: number } | null;
  note: string | null;
  /** Bumped by every order edit; an edit names the version it was previewed on. */
  version: number;
  lines: OrderLineView[];
  /** Fulfillment orders, oldest first (canceled ones included, with their released lines). */
  fulfillment_orders: OrderFulfillmentOrderView[];
  /** Shipments and counter pickups, oldest first. */
  shipments: OrderShipmentView[];
  /** Payments with their provider calls, refunds, and typed holds (the single-order view; lists leave them out). */
  payments?: PaymentView[];
  refunds?: OrderRefundView[];
  holds?: HoldView[];
  /** Returns (RMA) of the order, oldest first (the single-order view; lists leave them out). */
  returns?: OrderReturnView[];
  created_at: string; updated_at: string;
}

/** A shipment (or a counter pickup) of the order, as the order view lists it. */
export interface OrderShipmentView {
  id: string; fulfillment_order_id: string; carrier: string; service: string | null; tracking_number: string | null;
  status: 'shipped' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception' | 'picked_up';
  shipped_at: string; delivered_at: string | null;
  items: { order_line_id: string; sku: string; quantity: number }[];
}

/** The facts fulfillment status is derived from, beside the lines. */
export type FulfillmentLineFacts = Pick<OrderLineView, 'quantity' | 'allocations'> & { canceled?: number };
export type FulfillmentShipmentFacts = Pick<OrderShipmentView, 'status'> & { items: readonly { quantity: number }[] };

/**
 * Fulfillment status follows from the records, never stored: units move from reserved
 * to fulfilled as they ship, and a shipment's units count as delivered once it is
 * delivered or picked up. Canceled units do not count: an order whose other units are
 * all delivered is delivered. Order of precedence: delivered, partially_delivered,
 * fulfilled, partially_fulfilled, unfulfilled.
 */
export function deriveFulfillmentStatus(lines: readonly FulfillmentLineFacts[], shipments: readonly FulfillmentShipmentFacts[] = []): FulfillmentStatus {
  const active = lines.reduce((n, l) => n + l.quantity - (l.canceled ?? 0), 0);
  const fulfilled = lines.reduce((n, l) => n + l.allocations.filter((a) => a.status === 'fulfilled').reduce((m, a) => m + a.quantity, 0), 0);
  const delivered = shipments.filter((s) => s.status === 'delivered' || s.status === 'picked_up')
    .reduce((n, s) => n + s.items.reduce((m, i) => m + i.quantity, 0), 0);
  if (active <= 0) return delivered > 0 ? 'delivered' : fulfilled > 0 ? 'fulfilled' : 'unfulfilled';
  if (delivered >= active) return 'delivered';
  if (delivered > 0) return 'partially_delivered';
  if (fulfilled >= active) return 'fulfilled';
  return fulfilled > 0 ? 'partially_fulfilled' : 'unfulfilled';
}

/** What payment status is derived from: each payment's status and amounts (minor units). */
export interface PaymentFacts { status: string; authorized: number; captured: number; refunded: number }

/**
 * Payment status follows from the payment records, never stored. Refunds speak first
 * (refunded once everything captured went back), then captures against the order total
 * (paid, partially_paid), then open authorizations, then voided (authorizations released,
 * nothing captured, nothing waiting); otherwise pending (no payment yet, or only
 * declined and waiting ones).
 */
export function derivePaymentStatus(payments: readonly PaymentFacts[] = [], orderTotal = 0): PaymentStatus {
  const captured = payments.reduce((n, p) => n + p.captured, 0);
  const refunded = payments.reduce((n, p) => n + p.refunded, 0);
  if (refunded > 0) return refunded >= captured ? 'refunded' : 'partially_refunded';
  if (captured > 0) return captured >= orderTotal ? 'paid' : 'partially_paid';
  if (payments.some((p) => p.status === 'authorized' && p.authorized > 0)) return 'authorized';
  if (payments.some((p) => p.status === 'voided') && !payments.some((p) => p.status === 'pending')) return 'voided';
  return 'pending';
}

export interface OrderRecord {
  id: string; number: number; channel_code: string; external_id: string | null; status: string;
  hold_reason: string | null; cancel_reason: string | null; currency: string;
  subtotal: number; discount_total: number; shipping_total: number; tax_total: number; total: number;
  customer_id: string | null; email: string | null; customer_name: string | null;
  shipping_address: Address | null; billing_address: Address | null;
  delivery_type: 'ship' | 'pickup'; pickup_location_code: string | null; shipping_method: string | null;
  note: string | null; created_at: Date | string; updated_at: Date | string;
  /** Absent for an order being created (version 1). */
  version?: number;
}

/** Sections of the view that other modules load (each optional: a new order has none). */
export interface OrderViewSections { shipments?: OrderShipmentView[]; fulfillmentOrders?: OrderFulfillmentOrderView[] }

/** Assembles the API view from the order record and its lines. */
export function toOrderView(order: OrderRecord, lines: OrderLineView[], sections: OrderViewSections = {}): OrderView {
  const shipments = sections.shipments ?? [];
  return {
    id: order.id, number: String(order.number), channel: order.channel_code, external_id: order.external_id,
    status: order.status, hold_reason: order.hold_reason, cancel_reason: order.cancel_reason,
    payment_status: derivePaymentStatus(), fulfillment_status: deriveFulfillmentStatus(lines, shipments),
    currency: order.currency, subtotal: order.subtotal, discount_total: order.discount_total,
    shipping_total: order.shipping_total, tax_total: order.tax_total, total: order.total,
    customer: order.customer_id && order.email ? { id: order.customer_id, email: order.email, name: order.customer_name } : null,
    shipping_address: order.shipping_address, billing_address: order.billing_address,
    delivery: order.delivery_type === 'pickup' ? { type: 'pickup', location: order.pickup_location_code ?? '' } : { type: 'ship' },
    shipping: order.shipping_method !== null ? { method: order.shipping_method, amount: order.shipping_total } : null,
    note: order.note, version: order.version ?? 1, lines, shipments, fulfillment_orders: sections.fulfillmentOrders ?? [],
    created_at: iso(order.created_at) ?? '', updated_at: iso(order.updated_at) ?? '',
  };
}
