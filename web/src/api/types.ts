// The shapes of the API answers the pages read (see /docs for the full contract).

export interface Page<T> { data: T[]; next_cursor: string | null }
export interface Money { currency: string; amount: number }

export type Permission =
  | 'catalog:read' | 'catalog:write' | 'settings:read' | 'settings:write' | 'keys:manage' | 'users:manage'
  | 'account:read' | 'reports:read' | 'inventory:read' | 'inventory:write' | 'customers:read' | 'customers:write'
  | 'orders:read' | 'orders:create' | 'orders:manage'
  | 'forecasts:read' | 'purchasing:read' | 'purchasing:write'
  | 'fulfillment:read' | 'fulfillment:write'
  | 'routing:manage' | 'payments:read' | 'payments:manage' | 'returns:read' | 'returns:manage' | 'returns:receive'
  | 'webhooks:manage';

export interface User { id: string; email: string; name: string | null; role: string; disabled: boolean; created_at: string | null; last_login_at: string | null }

export interface Me { kind: 'user' | 'api_key'; user: User | null; role: string; tenant: { id: string }; permissions: Permission[] }

export interface Allocation { location: string; quantity: number; status: 'reserved' | 'released' | 'fulfilled' }
export interface OrderLine { id: string; sku: string; name: string; quantity: number; unit_price: number; discount_allocated: number; total: number; allocations: Allocation[]; backordered: number; canceled?: number }
export interface Address { name?: string; line1: string; line2?: string; city: string; region?: string; postal_code: string; country: string }

export interface Order {
  id: string; number: string; channel: string; external_id: string | null;
  status: 'open' | 'on_hold' | 'canceled' | 'completed'; hold_reason: string | null; cancel_reason: string | null;
  payment_status: string; fulfillment_status: string;
  currency: string; subtotal: number; discount_total: number; shipping_total: number; tax_total: number; total: number;
  customer: { id: string; email: string; name: string | null } | null;
  shipping_address: Address | null; billing_address: Address | null;
  delivery: { type: 'ship' } | { type: 'pickup'; location: string };
  shipping: { method: string; amount: number } | null;
  note: string | null; lines: OrderLine[]; created_at: string; updated_at: string;
  /** The single-order view's sections (lists leave the last four out). */
  fulfillment_orders?: OrderFulfillmentOrder[]; shipments?: OrderShipment[];
  payments?: Payment[]; refunds?: Refund[]; holds?: Hold[]; returns?: OrderReturn[];
}

export interface OrderEvent { type: string; at: string; actor: string; data: Record<string, unknown> }

export interface Channel { id: string; code: string; name: string; kind: string; capture_mode?: 'on_shipment' | 'immediate'; created_at?: string }
export interface Location {
  id: string; code: string; name: string; kind: 'warehouse' | 'store'; address: Address;
  ships: boolean; pickup: boolean; priority: number; active: boolean; latitude?: number | null; longitude?: number | null;
}
export interface Product {
  id: string; sku: string; name: string; price: number; currency: string; weight_g: number | null;
  barcode: string | null; inventory_policy: 'deny' | 'continue'; active: boolean;
  length_mm?: number | null; width_mm?: number | null; height_mm?: number | null;
}
export interface Level { sku: string; location: string; on_hand: number; reserved: number; available: number }
export interface Movement {
  id: number; sku: string; location: string; delta_on_hand: number; delta_reserved: number;
  reason: string; order: string | null; note: string | null; actor: string; created_at: string;
}
export interface Customer { id: string; email: string; name: string | null; phone: string | null; created_at: string | null }
export interface CustomerDetail extends Customer {
  orders_count: number; total_spent: Money[];
  recent_orders: { id: string; number: string; status: string; currency: string; total: number; created_at: string | null }[];
}
export interface ApiKey { id: string; name: string; role: string; prefix: string; created_at: string | null; revoked_at: string | null }

export interface Summary {
  from: string; to: string; tz: string; orders: number; canceled: number; revenue: Money[];
  by_channel: { channel: string; name: string; orders: number; revenue: Money[] }[];
  by_status: { status: string; orders: number }[];
  daily: { day: string; orders: number; revenue: Money[] }[];
  low_stock: { threshold: number; total: number; items: (Level & { name: string })[] };
}

// Fulfillment: fulfillment orders, pick waves, packing, shipments.
export type FulfillmentOrderStatus = 'open' | 'picking' | 'picked' | 'packed' | 'shipped' | 'ready_for_pickup' | 'picked_up' | 'canceled';
export interface FulfillmentLine { allocation_id: string; order_line_id: string; sku: string; name: string; quantity: number; picked: number; status: string; bin: string | null }
export interface FulfillmentOrder {
  id: string; order: { id: string; number: string }; location: string; delivery_type: 'ship' | 'pickup';
  status: FulfillmentOrderStatus; wave_id: string | null; lines: FulfillmentLine[]; created_at: string; updated_at: string;
}
export interface PickWaveSummary {
  id: string; number: string; location: string; status: 'open' | 'completed' | 'canceled'; criteria: Record<string, unknown>;
  lines_count: number; units: number; units_picked: number; created_by: string; created_at: string; completed_at: string | null;
}
export interface PickLine {
  id: string; position: number; sku: string; name: string; barcode: string | null; bin: string | null;
  quantity: number; picked: number; confirmed: boolean; confirmed_at: string | null; confirmed_by: string | null;
  orders: { order_id: string; order_number: string; fulfillment_order_id: string; allocation_id: string; quantity: number; picked: number }[];
}
export interface PickWave extends PickWaveSummary {
  fulfillment_orders: { id: string; order_id: string; order_number: string; status: FulfillmentOrderStatus; delivery_type: 'ship' | 'pickup' }[];
  lines: PickLine[];
}
export interface ScanResult { wave_id: string; line: PickLine; line_confirmed: boolean; lines_open: number }
export interface Box {
  code: string; name: string; length_mm: number; width_mm: number; height_mm: number;
  max_weight_g: number; tare_weight_g: number; active: boolean; volume_cm3: number; created_at: string;
}
export interface BoxSuggestion {
  fulfillment_order_id: string; box: Box | null; basis: 'dimensions_and_weight' | 'weight_only';
  missing_dimensions: string[]; missing_weights: string[]; reason: string;
  items: { units: number; weight_g: number; volume_mm3: number | null; longest_edge_mm: number | null };
}
export interface Package {
  id: string; fulfillment_order_id: string; box: string | null;
  dimensions: { length_mm: number; width_mm: number; height_mm: number };
  weight_g: number; weight_source: 'computed' | 'scale'; shipment_id: string | null;
  items: { allocation_id: string; order_line_id: string; sku: string; name: string; quantity: number }[];
  created_at: string; updated_at: string;
}
export interface Rate { service: string; name: string; carrier: string; price: number; currency: string; transit_days: number | null; zone: string | null; cheapest: boolean; fastest: boolean }
export interface Rates {
  fulfillment_order_id: string; shipping_method: string | null; weight_g: number; weight_source: 'packages' | 'products';
  destination: { country: string; postal_code: string }; rates: Rate[];
  unavailable: { service: string; name: string; carrier: string; reason: string }[];
}
export type ShipmentStatus = 'shipped' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception' | 'picked_up';
export interface TrackingEvent { status: ShipmentStatus; occurred_at: string; description: string | null; place: string | null }
export interface Shipment {
  id: string; order: { id: string; number: string }; fulfillment_order_id: string; location: string;
  carrier: string; service: string | null; service_name: string | null; tracking_number: string | null; status: ShipmentStatus;
  cost: number | null; currency: string | null; label_url: string | null;
  items: { order_line_id: string; sku: string; quantity: number }[]; packages: string[]; events: TrackingEvent[];
  shipped_at: string; delivered_at: string | null; updated_at: string;
}

// Order detail sections and after-sales: payments, refunds, holds, edits, returns.
export interface OrderFulfillmentOrder {
  id: string; location: string; status: string; delivery_type: 'ship' | 'pickup';
  lines: { order_line_id: string; allocation_id: string; sku: string; quantity: number; picked: number; status: string }[];
}
export interface OrderShipment {
  id: string; fulfillment_order_id: string; carrier: string; service: string | null; tracking_number: string | null;
  status: ShipmentStatus; shipped_at: string; delivered_at: string | null; items: { order_line_id: string; sku: string; quantity: number }[];
}
export interface PaymentTransaction { id: string; kind: string; amount: number; status: string; error_code: string | null; shipment_id: string | null; refund_id: string | null; created_at: string | null; completed_at: string | null }
export interface Payment {
  id: string; order_id: string; provider: string; method: string | null; status: string; currency: string;
  amount: number; authorized: number; captured: number; refunded: number; authorization_expires_at: string | null;
  transactions: PaymentTransaction[]; created_at: string | null;
}
export interface Refund { id: string; return_id: string | null; amount: number; currency: string; reason: string | null; status: 'pending' | 'succeeded' | 'failed'; created_at: string | null }
export type HoldType = 'payment_declined' | 'fraud_review' | 'address_invalid' | 'manual';
export interface Hold {
  id: string; type: HoldType; reason: string | null; rule_id: string | null; active: boolean;
  created_at: string | null; created_by: string; expires_at: string | null; expired_at: string | null; released_at: string | null; released_by: string | null;
}
export type ReturnStatus = 'requested' | 'approved' | 'rejected' | 'received' | 'closed';
export interface OrderReturn {
  id: string; number: string; status: ReturnStatus;
  items: { line_id: string; sku: string; quantity: number; received_quantity: number }[];
  refund_amount: number | null; exchange_order: { id: string; number: string } | null; created_at: string;
}
export interface ReturnItem { line_id: string; sku: string; name: string; quantity: number; reason: string; received_quantity: number; sellable_quantity: number; damaged_quantity: number }
export interface ReturnRefund { items: number; tax: number; shipping: number; restocking_fee: number; exchange_credit: number; amount: number; refund_id?: string | null }
export interface Return {
  id: string; number: string; status: ReturnStatus; source: 'customer' | 'staff'; order: { id: string; number: string };
  note: string | null; reject_reason: string | null; override_policy: boolean; items: ReturnItem[]; restock_location: string | null;
  exchange: { lines: { sku: string; quantity: number }[]; order: { id: string; number: string } | null; credit: number | null } | null;
  refund: ReturnRefund | null; refund_preview?: ReturnRefund;
  received_at: string | null; closed_at: string | null; created_at: string; updated_at: string;
}
export interface ReturnPolicy { window_days: number; non_returnable_skus: string[]; reasons: string[]; restocking_fee_bps: number; shipping_refund: string }

export type EditChange =
  | { op: 'set_quantity'; line_id: string; quantity: number }
  | { op: 'add_line'; sku: string; quantity: number; unit_price?: number }
  | { op: 'remove_line'; line_id: string }
  | { op: 'set_shipping_address'; address: Address }
  | { op: 'set_shipping'; method: string; amount: number };
export interface EditTotals { subtotal: number; discount_total: number; shipping_total: number; tax_total: number; total: number }
export interface EditPreview {
  order_id: string; version: number; current: EditTotals; proposed: EditTotals;
  lines: { id: string; sku: string; name: string; quantity: number; canceled: number; unit_price: number; discount_allocated: number; total: number; backordered: number; change: 'added' | 'changed' | 'removed' | null }[];
  shipping: { method: string | null; amount: number }; shipping_address: Address | null;
  payment_difference: number; payment_action: 'authorize' | 'void' | 'refund' | 'none';
  stock: { sku: string; location: string | null; delta: number }[];
}
export interface OrderEdit { id: string; order_id: string; version: number; payment_difference: number; payment_action: string; order?: Order }

// Settings: routing, hold rules, payments, webhooks, carrier services; the stages report.
export interface RoutingSettings { use_distance: boolean; max_splits: number; min_split_order_value: number; updated_at: string | null }
export type HoldRuleKind = 'total_above' | 'country_not_in' | 'email_velocity';
export interface HoldRule {
  id: string; name: string; kind: HoldRuleKind; params: Record<string, unknown>;
  hold_type: Exclude<HoldType, 'payment_declined'>; active: boolean; created_at: string | null; updated_at: string | null;
}
export interface PaymentSettings { declined_hold_minutes: number; updated_at: string | null }
export interface Webhook { id: string; url: string; topics: string[]; active: boolean; created_at: string; secret?: string }
export interface WebhookDelivery {
  id: string; event_id: string; topic: string; status: 'pending' | 'delivered' | 'failed'; attempts: number;
  next_attempt_at: string | null; last_status: number | null; last_error: string | null; delivered_at: string | null; created_at: string | null;
}
export interface CarrierService {
  id: string; code: string; name: string; carrier: 'manual' | 'rate_table'; methods: string[]; transit_days: number | null;
  currency: string | null; config: Record<string, unknown>; active: boolean; webhook_path: string; webhook_secret?: string;
  created_at: string; updated_at: string;
}
export type Stage = 'to_route' | 'to_pick' | 'picking' | 'to_pack' | 'to_ship' | 'ready_for_pickup' | 'on_hold' | 'backordered' | 'late';
export interface StageCount { stage: Stage; orders: number; fulfillment_orders: number | null; units?: number }
export interface Stages { as_of: string; late_after_hours: number; stages: StageCount[] }
export interface StageOrder {
  id: string; number: string; status: string; channel: string; created_at: string; waiting_hours: number;
  fulfillment_orders: { id: string; location: string; status: string; delivery_type: 'ship' | 'pickup' }[];
}
export interface StageOrders extends Page<StageOrder> { stage: Stage; late_after_hours: number }
