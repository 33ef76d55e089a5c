// Kysely table types, kept by hand beside the SQL migrations (one place to look, no
// code generator to run). Money columns are bigint in SQL and number here: the type
// parsers in database.ts refuse anything beyond Number.MAX_SAFE_INTEGER.
import type { ColumnType, Generated } from 'kysely';
import type { FulfillmentTables } from './schema-fulfillment.ts';
import type { PickingTables } from './schema-picking.ts';
import type { ShippingTables } from './schema-shipping.ts';
import type { PaymentTables } from './schema-payments.ts';
import type { AfterSalesTables } from './schema-after-sales.ts';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T> = ColumnType<T, string, string>;

export interface Address {
  name?: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postal_code: string;
  country: string;
  latitude?: number;
  longitude?: number;
}

export interface TenantsTable {
  id: string;
  name: string;
  created_at: Timestamp;
}

export interface ApiKeysTable {
  tenant_id: string;
  id: string;
  name: string;
  role: string;
  channel_id: string | null;
  key_hash: string;
  key_prefix: string;
  created_at: Timestamp;
  revoked_at: Date | null;
}

export interface ChannelsTable {
  tenant_id: string;
  id: string;
  code: string;
  name: string;
  kind: string;
  /** When payments are captured: as each shipment leaves (default) or at once (0007). */
  capture_mode: Generated<'on_shipment' | 'immediate'>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProductsTable {
  tenant_id: string;
  id: string;
  sku: string;
  name: string;
  price: number;
  currency: string;
  weight_g: number | null;
  length_mm: number | null;
  width_mm: number | null;
  height_mm: number | null;
  barcode: string | null;
  inventory_policy: 'deny' | 'continue';
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ChannelPricesTable {
  tenant_id: string;
  channel_id: string;
  product_id: string;
  currency: string;
  price: number;
  updated_at: Timestamp;
}

export interface LocationsTable {
  tenant_id: string;
  id: string;
  code: string;
  name: string;
  kind: 'warehouse' | 'store';
  address: Json<Address>;
  latitude: number | null;
  longitude: number | null;
  ships: boolean;
  pickup: boolean;
  priority: Generated<number>;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CustomersTable {
  tenant_id: string;
  id: string;
  email: string;
  name: string | null;
  phone: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InventoryLevelsTable {
  tenant_id: string;
  product_id: string;
  location_id: string;
  on_hand: Generated<number>;
  reserved: Generated<number>;
  /** Where the units sit in the location, e.g. `A-03-2` (aisle-rack-shelf); pick lists sort by it. */
  bin: string | null;
  updated_at: Timestamp;
}

export type MovementReason =
  | 'receipt' | 'count' | 'damage' | 'loss' | 'correction'
  | 'reservation' | 'release' | 'shipment' | 'return' | 'transfer'
  | 'short_pick' | 'write_off';

export interface InventoryMovementsTable {
  tenant_id: string;
  id: Generated<number>;
  product_id: string;
  location_id: string;
  delta_on_hand: number;
  delta_reserved: number;
  reason: MovementReason;
  order_id: string | null;
  note: string | null;
  actor: string;
  created_at: Timestamp;
}

export interface OrdersTable {
  tenant_id: string;
  id: string;
  number: number;
  channel_id: string;
  external_id: string | null;
  status: string;
  currency: string;
  customer_id: string | null;
  email: string | null;
  customer_name: string | null;
  shipping_address: Json<Address | null>;
  billing_address: Json<Address | null>;
  delivery_type: 'ship' | 'pickup';
  pickup_location_id: string | null;
  shipping_method: string | null;
  subtotal: number;
  discount_total: number;
  shipping_total: number;
  tax_total: number;
  total: number;
  note: string | null;
  hold_reason: string | null;
  cancel_reason: string | null;
  /** Bumped by every order edit (order_edits keeps each version's change). */
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderLinesTable {
  tenant_id: string;
  id: string;
  order_id: string;
  position: number;
  product_id: string;
  sku: string;
  name: string;
  quantity: number;
  unit_price: number;
  discount_allocated: number;
  total: number;
  backordered: number;
  /** Units canceled (partial cancel, or removed by an edit); the active quantity is quantity - canceled. */
  canceled: Generated<number>;
}

export type AllocationStatus = 'reserved' | 'released' | 'fulfilled';

export interface OrderAllocationsTable {
  tenant_id: string;
  id: string;
  order_id: string;
  order_line_id: string;
  product_id: string;
  location_id: string;
  quantity: number;
  status: AllocationStatus;
  fulfillment_order_id: string | null;
  /** Units confirmed picked (0..quantity). */
  picked: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderEventsTable {
  tenant_id: string;
  id: Generated<number>;
  order_id: string;
  type: string;
  actor: string;
  data: Json<Record<string, unknown>>;
  at: Timestamp;
}

export interface OutboxTable {
  tenant_id: string;
  id: Generated<number>;
  topic: string;
  aggregate_id: string;
  payload: Json<Record<string, unknown>>;
  created_at: Timestamp;
  published_at: Date | null;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  failed_at: Date | null;
}

export interface IdempotencyKeysTable {
  tenant_id: string;
  key: string;
  request_hash: string;
  status_code: number;
  response_body: Json<unknown>;
  created_at: Timestamp;
}

export interface UsersTable {
  tenant_id: string;
  id: string;
  email: string;
  name: string | null;
  role: string;
  password_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_login_at: Date | null;
  disabled_at: Date | null;
}

export interface UserSessionsTable {
  tenant_id: string;
  id: string;
  user_id: string;
  token_hash: string;
  csrf_hash: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface LoginAttemptsTable {
  tenant_id: string;
  email: string;
  ip: string;
  attempts: number;
  window_started_at: Timestamp;
}

export interface Database {
  tenants: TenantsTable;
  api_keys: ApiKeysTable;
  channels: ChannelsTable;
  products: ProductsTable;
  channel_prices: ChannelPricesTable;
  locations: LocationsTable;
  customers: CustomersTable;
  inventory_levels: InventoryLevelsTable;
  inventory_movements: InventoryMovementsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_allocations: OrderAllocationsTable;
  order_events: OrderEventsTable;
  outbox: OutboxTable;
  idempotency_keys: IdempotencyKeysTable;
  users: UsersTable;
  user_sessions: UserSessionsTable;
  login_attempts: LoginAttemptsTable;
}

// Migration 0003: suppliers, purchase orders, demand history, forecasts and replenishment
// settings. Declared as a second `Database` block (interfaces merge) so each migration's
// tables stay together.

export interface SuppliersTable {
  tenant_id: string;
  id: string;
  code: string;
  name: string;
  currency: string;
  lead_time_days: number | null;
  email: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PurchaseOrderNumbersTable {
  tenant_id: string;
  last_number: number;
}

export type PurchaseOrderStatus = 'draft' | 'ordered' | 'partially_received' | 'received' | 'canceled';

/** A calendar date as PostgreSQL's `date`, read and written as 'YYYY-MM-DD' text. */
type DateText = ColumnType<string, string, string>;

export interface PurchaseOrdersTable {
  tenant_id: string;
  id: string;
  number: number;
  supplier_id: string;
  location_id: string;
  status: PurchaseOrderStatus;
  currency: string;
  expected_date: DateText | null;
  reference: string | null;
  note: string | null;
  cancel_reason: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Date | null;
  received_at: Date | null;
  canceled_at: Date | null;
}

export interface PurchaseOrderLinesTable {
  tenant_id: string;
  id: string;
  purchase_order_id: string;
  position: number;
  product_id: string;
  quantity: number;
  quantity_received: Generated<number>;
  unit_cost: number;
}

export interface ReceiptLine { sku: string; quantity: number }

export interface PurchaseOrderReceiptsTable {
  tenant_id: string;
  id: string;
  purchase_order_id: string;
  location_id: string;
  lines: Json<ReceiptLine[]>;
  note: string | null;
  actor: string;
  created_at: Timestamp;
}

export interface DemandDailyTable {
  tenant_id: string;
  product_id: string;
  location_id: string;
  day: DateText;
  quantity: number;
  orders: number;
}

export interface DemandRefreshStateTable {
  tenant_id: string;
  safe_event_id: Generated<number>;
  latest_event_id: Generated<number>;
  latest_read_at: Date | null;
  refreshed_at: Date | null;
  full_refresh_at: Date | null;
}

export interface StoredQuantiles { level: number; values: number[] }

export interface DemandForecastsTable {
  tenant_id: string;
  product_id: string;
  location_id: string;
  as_of: DateText;
  period_days: number;
  method: string;
  history_periods: number;
  point: Json<number[]>;
  quantiles: Json<StoredQuantiles[]>;
  lead_time_days: number;
  review_period_days: number;
  service_level: number;
  service_kind: 'cycle' | 'fill';
  lead_time_demand: number;
  protection_demand: number;
  safety_stock: number;
  reorder_point: number;
  order_up_to: number;
  computed_at: Timestamp;
}

export interface ReplenishmentSettingsTable {
  tenant_id: string;
  lead_time_days: number;
  review_period_days: number;
  service_level: number;
  service_kind: 'cycle' | 'fill';
  overstock_weeks: number;
  horizon_weeks: number;
  updated_at: Timestamp;
}

export interface ProductReplenishmentTable {
  tenant_id: string;
  product_id: string;
  supplier_id: string | null;
  lead_time_days: number | null;
  review_period_days: number | null;
  service_level: number | null;
  minimum_order: number | null;
  pack_size: number | null;
  unit_cost: number | null;
  updated_at: Timestamp;
}

export interface Database {
  suppliers: SuppliersTable;
  purchase_order_numbers: PurchaseOrderNumbersTable;
  purchase_orders: PurchaseOrdersTable;
  purchase_order_lines: PurchaseOrderLinesTable;
  purchase_order_receipts: PurchaseOrderReceiptsTable;
  demand_daily: DemandDailyTable;
  demand_refresh_state: DemandRefreshStateTable;
  demand_forecasts: DemandForecastsTable;
  replenishment_settings: ReplenishmentSettingsTable;
  product_replenishment: ProductReplenishmentTable;
}

// Migrations 0004-0008 (fulfillment, picking and packing, shipping, payments, after-sales):
// each area's tables are declared in its own file and merged in here.
export interface Database extends FulfillmentTables, PickingTables, ShippingTables, PaymentTables, AfterSalesTables {}
