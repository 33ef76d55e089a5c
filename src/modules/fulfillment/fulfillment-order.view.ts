// A fulfillment order as other modules use it (ids) and as the API shows it (codes).
import { iso } from '../../platform/http/index.ts';
import type { FulfillmentOrderStatus } from '../../platform/db/schema-fulfillment.ts';
import type { FulfillmentLineRow, FulfillmentOrderRow } from './fulfillment-orders.repository.ts';

/** One allocation of the fulfillment order: what is picked, packed and shipped. */
export interface FulfillmentLine {
  id: string; order_line_id: string; product_id: string; sku: string; name: string;
  quantity: number; picked: number; status: 'reserved' | 'released' | 'fulfilled';
  /** The bin of the stock level at the fulfillment order's location, if set. */
  bin: string | null;
}

export interface FulfillmentOrder {
  id: string; order_id: string; order_number: number; location_id: string; location: string;
  delivery_type: 'ship' | 'pickup'; status: FulfillmentOrderStatus; wave_id: string | null;
  created_at: Date | string; updated_at: Date | string;
  lines: FulfillmentLine[];
}

export function toFulfillmentOrder(row: FulfillmentOrderRow, lines: readonly FulfillmentLineRow[]): FulfillmentOrder {
  return {
    id: row.id, order_id: row.order_id, order_number: Number(row.order_number), location_id: row.location_id, location: row.location_code,
    delivery_type: row.delivery_type, status: row.status, wave_id: row.wave_id, created_at: row.created_at, updated_at: row.updated_at,
    lines: lines.map((l) => ({
      id: l.id, order_line_id: l.order_line_id, product_id: l.product_id, sku: l.sku, name: l.name,
      quantity: l.quantity, picked: l.picked, status: l.status, bin: l.bin,
    })),
  };
}

export interface FulfillmentOrderView {
  id: string; order: { id: string; number: string }; location: string; delivery_type: 'ship' | 'pickup';
  status: FulfillmentOrderStatus; wave_id: string | null;
  lines: { allocation_id: string; order_line_id: string; sku: string; name: string; quantity: number; picked: number; status: string; bin: string | null }[];
  created_at: string; updated_at: string;
}

export function toFulfillmentOrderView(fo: FulfillmentOrder): FulfillmentOrderView {
  return {
    id: fo.id, order: { id: fo.order_id, number: String(fo.order_number) }, location: fo.location, delivery_type: fo.delivery_type,
    status: fo.status, wave_id: fo.wave_id,
    lines: fo.lines.map((l) => ({ allocation_id: l.id, order_line_id: l.order_line_id, sku: l.sku, name: l.name, quantity: l.quantity, picked: l.picked, status: l.status, bin: l.bin })),
    created_at: iso(fo.created_at) ?? '', updated_at: iso(fo.updated_at) ?? '',
  };
}
