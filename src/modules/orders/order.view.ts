// The order as the API shows it, and the statuses derived from its records.
import type { Address } from '../../platform/db/index.ts';
import { iso } from '../../platform/http/index.ts';

export interface AllocationView { location: string; quantity: number; status: 'reserved' | 'released' | 'fulfilled' }

export interface OrderLineView {
  id: string; sku: string; name: string; quantity: number; unit_price: number;
  discount_allocated: number; total: number; allocations: AllocationView[]; backordered: number;
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
  lines: OrderLineView[];
  created_at: string; updated_at: string;
}

/**
 * Fulfillment status follows from the allocations: units move from reserved to
 * fulfilled as they ship. (Delivery states join once shipments record them.)
 */
export function deriveFulfillmentStatus(lines: readonly Pick<OrderLineView, 'quantity' | 'allocations'>[]): FulfillmentStatus {
  const ordered = lines.reduce((n, l) => n + l.quantity, 0);
  const fulfilled = lines.reduce((n, l) => n + l.allocations.filter((a) => a.status === 'fulfilled').reduce((m, a) => m + a.quantity, 0), 0);
  if (fulfilled === 0) return 'unfulfilled';
  return fulfilled >= ordered ? 'fulfilled' : 'partially_fulfilled';
}

/** Payment status follows from payment records; until a payment exists it is pending. */
export function derivePaymentStatus(): PaymentStatus {
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
}

/** Assembles the API view from the order record and its lines. */
export function toOrderView(order: OrderRecord, lines: OrderLineView[]): OrderView {
  return {
    id: order.id, number: String(order.number), channel: order.channel_code, external_id: order.external_id,
    status: order.status, hold_reason: order.hold_reason, cancel_reason: order.cancel_reason,
    payment_status: derivePaymentStatus(), fulfillment_status: deriveFulfillmentStatus(lines),
    currency: order.currency, subtotal: order.subtotal, discount_total: order.discount_total,
    shipping_total: order.shipping_total, tax_total: order.tax_total, total: order.total,
    customer: order.customer_id && order.email ? { id: order.customer_id, email: order.email, name: order.customer_name } : null,
    shipping_address: order.shipping_address, billing_address: order.billing_address,
    delivery: order.delivery_type === 'pickup' ? { type: 'pickup', location: order.pickup_location_code ?? '' } : { type: 'ship' },
    shipping: order.shipping_method !== null ? { method: order.shipping_method, amount: order.shipping_total } : null,
    note: order.note, lines,
    created_at: iso(order.created_at) ?? '', updated_at: iso(order.updated_at) ?? '',
  };
}
