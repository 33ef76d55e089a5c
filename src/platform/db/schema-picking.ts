// Kysely types for migration 0005: pick waves and pick lists, boxes, packages.
import type { Generated } from 'kysely';
import type { Json, Timestamp } from './schema.ts';

export interface PickWavesTable {
  tenant_id: string;
  id: string;
  number: number;
  location_id: string;
  status: 'open' | 'completed' | 'canceled';
  criteria: Json<Record<string, unknown>>;
  created_by: string;
  created_at: Timestamp;
  completed_at: Date | null;
}

export interface PickWaveNumbersTable {
  tenant_id: string;
  last_number: number;
}

export interface PickListLinesTable {
  tenant_id: string;
  id: string;
  wave_id: string;
  position: number;
  product_id: string;
  sku: string;
  bin: string | null;
  quantity: number;
  picked: number | null;
  confirmed_at: Date | null;
  confirmed_by: string | null;
}

export interface BoxesTable {
  tenant_id: string;
  id: string;
  code: string;
  name: string;
  length_mm: number;
  width_mm: number;
  height_mm: number;
  max_weight_g: number;
  tare_weight_g: Generated<number>;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface PackagesTable {
  tenant_id: string;
  id: string;
  fulfillment_order_id: string;
  box_id: string | null;
  length_mm: number;
  width_mm: number;
  height_mm: number;
  weight_g: number;
  weight_source: 'computed' | 'scale';
  shipment_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PackageItemsTable {
  tenant_id: string;
  package_id: string;
  allocation_id: string;
  quantity: number;
}

export interface PickingTables {
  pick_waves: PickWavesTable;
  pick_wave_numbers: PickWaveNumbersTable;
  pick_list_lines: PickListLinesTable;
  boxes: BoxesTable;
  packages: PackagesTable;
  package_items: PackageItemsTable;
}
