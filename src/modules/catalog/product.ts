// Products as the API shows them.
import type { Selectable } from 'kysely';
import type { ProductsTable } from '../../platform/db/index.ts';
import { iso } from '../../platform/http/index.ts';

export type ProductRow = Selectable<ProductsTable>;

export interface ProductView {
  id: string; sku: string; name: string; price: number; currency: string;
  weight_g: number | null; length_mm: number | null; width_mm: number | null; height_mm: number | null;
  barcode: string | null; inventory_policy: 'deny' | 'continue';
  active: boolean; created_at: string; updated_at: string;
}

/** Maps a row to the API representation. */
export function toProductView(row: ProductRow): ProductView {
  return {
    id: row.id, sku: row.sku, name: row.name, price: row.price, currency: row.currency,
    weight_g: row.weight_g, length_mm: row.length_mm, width_mm: row.width_mm, height_mm: row.height_mm, barcode: row.barcode, inventory_policy: row.inventory_policy,
    active: row.active, created_at: iso(row.created_at) ?? '', updated_at: iso(row.updated_at) ?? '',
  };
}
