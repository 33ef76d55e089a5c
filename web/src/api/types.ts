// The shapes of the API answers the pages read (see /docs for the full contract).

export interface Page<T> { data: T[]; next_cursor: string | null }
export interface Money { currency: string; amount: number }

export type Permission =
  | 'catalog:read' | 'catalog:write' | 'settings:read' | 'settings:write' | 'keys:manage' | 'users:manage'
  | 'account:read' | 'reports:read' | 'inventory:read' | 'inventory:write' | 'customers:read' | 'customers:write'
  | 'orders:read' | 'orders:create' | 'orders:manage'
  | 'forecasts:read' | 'purchasing:read' | 'purchasing:write';

export interface User { id: string; email: string; name: string | null; role: string; disabled: boolean; created_at: string | null; last_login_at: string | null }

export interface Me { kind: 'user' | 'api_key'; user: User | null; role: string; tenant: { id: string }; permissions: Permission[] }

export interface Allocation { location: string; quantity: number; status: 'reserved' | 'released' | 'fulfilled' }
export interface OrderLine { id: string; sku: string; name: string; quantity: number; unit_price: number; discount_allocated: number; total: number; allocations: Allocation[]; backordered: number }
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
}

export interface OrderEvent { type: string; at: string; actor: string; data: Record<string, unknown> }

export interface Channel { id: string; code: string; name: string; kind: string; created_at?: string }
export interface Location {
  id: string; code: string; name: string; kind: 'warehouse' | 'store'; address: Address;
  ships: boolean; pickup: boolean; priority: number; active: boolean;
}
export interface Product {
  id: string; sku: string; name: string; price: number; currency: string; weight_g: number | null;
  barcode: string | null; inventory_policy: 'deny' | 'continue'; active: boolean;
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
