// Boxes and packages as the API shows them.
import { iso } from '../../platform/http/index.ts';
import type { BoxRow, PackageItemRow, PackageRow } from './packing.repository.ts';

export interface BoxView {
  code: string; name: string; length_mm: number; width_mm: number; height_mm: number;
  max_weight_g: number; tare_weight_g: number; active: boolean; volume_cm3: number; created_at: string;
}

export function toBoxView(row: BoxRow): BoxView {
  return {
    code: row.code, name: row.name, length_mm: row.length_mm, width_mm: row.width_mm, height_mm: row.height_mm,
    max_weight_g: row.max_weight_g, tare_weight_g: row.tare_weight_g, active: row.active,
    volume_cm3: Math.round((row.length_mm * row.width_mm * row.height_mm) / 1000), created_at: iso(row.created_at) ?? '',
  };
}

export interface PackageView {
  id: string; fulfillment_order_id: string; box: string | null;
  dimensions: { length_mm: number; width_mm: number; height_mm: number };
  weight_g: number; weight_source: 'computed' | 'scale'; shipment_id: string | null;
  items: { allocation_id: string; order_line_id: string; sku: string; name: string; quantity: number }[];
  created_at: string; updated_at: string;
}

export function toPackageView(row: PackageRow, items: readonly PackageItemRow[]): PackageView {
  return {
    id: row.id, fulfillment_order_id: row.fulfillment_order_id, box: row.box_code,
    dimensions: { length_mm: row.length_mm, width_mm: row.width_mm, height_mm: row.height_mm },
    weight_g: row.weight_g, weight_source: row.weight_source, shipment_id: row.shipment_id,
    items: items.filter((i) => i.package_id === row.id).map((i) => ({ allocation_id: i.allocation_id, order_line_id: i.order_line_id, sku: i.sku, name: i.name, quantity: i.quantity })),
    created_at: iso(row.created_at) ?? '', updated_at: iso(row.updated_at) ?? '',
  };
}
