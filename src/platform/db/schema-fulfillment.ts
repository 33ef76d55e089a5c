// Kysely types for migration 0004: routing rules, postal-code centroids, fulfillment orders.
import type { Timestamp } from './schema.ts';

export interface RoutingSettingsTable {
  tenant_id: string;
  use_distance: boolean;
  max_splits: number;
  min_split_order_value: number;
  updated_at: Timestamp;
}

export interface PostalCodeCentroidsTable {
  country: string;
  postal_code: string;
  latitude: number;
  longitude: number;
}

export type FulfillmentOrderStatus =
  | 'open' | 'picking' | 'picked' | 'packed' | 'shipped' | 'ready_for_pickup' | 'picked_up' | 'canceled';

export interface FulfillmentOrdersTable {
  tenant_id: string;
  id: string;
  order_id: string;
  location_id: string;
  delivery_type: 'ship' | 'pickup';
  status: FulfillmentOrderStatus;
  wave_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FulfillmentTables {
  routing_settings: RoutingSettingsTable;
  postal_code_centroids: PostalCodeCentroidsTable;
  fulfillment_orders: FulfillmentOrdersTable;
}
