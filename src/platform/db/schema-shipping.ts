// Kysely types for migration 0006: carrier services, shipments, their items and tracking events.
import type { Generated } from 'kysely';
import type { Json, Timestamp } from './schema.ts';

export type ShipmentStatus = 'shipped' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception' | 'picked_up';

export interface CarrierServicesTable {
  tenant_id: string;
  id: string;
  code: string;
  name: string;
  carrier: 'manual' | 'rate_table';
  methods: string[];
  transit_days: number | null;
  currency: string | null;
  config: Json<Record<string, unknown>>;
  webhook_secret: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ShipmentsTable {
  tenant_id: string;
  id: string;
  order_id: string;
  fulfillment_order_id: string;
  location_id: string;
  service_id: string | null;
  carrier: string;
  service_code: string | null;
  tracking_number: string | null;
  status: ShipmentStatus;
  cost: number | null;
  currency: string | null;
  label_pdf: Buffer | null;
  shipped_at: Timestamp;
  delivered_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ShipmentItemsTable {
  tenant_id: string;
  shipment_id: string;
  allocation_id: string;
  order_line_id: string;
  quantity: number;
}

export interface ShipmentEventsTable {
  tenant_id: string;
  id: Generated<number>;
  shipment_id: string;
  status: ShipmentStatus;
  description: string | null;
  place: string | null;
  source: string;
  occurred_at: Date | string;
  created_at: Timestamp;
}

export interface TrackingNumberSequencesTable {
  tenant_id: string;
  last: number;
}

export interface ShippingTables {
  carrier_services: CarrierServicesTable;
  shipments: ShipmentsTable;
  shipment_items: ShipmentItemsTable;
  shipment_events: ShipmentEventsTable;
  tracking_number_sequences: TrackingNumberSequencesTable;
}
