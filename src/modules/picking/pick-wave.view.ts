// A pick wave as the API shows it: the wave, its fulfillment orders and its pick list,
// each line saying which orders it serves.
import { iso } from '../../platform/http/index.ts';
import type { LineRecord, WaveRecord } from './pick-waves.repository.ts';

export interface PickLineView {
  id: string; position: number; sku: string; name: string; barcode: string | null; bin: string | null;
  quantity: number; picked: number; confirmed: boolean; confirmed_at: string | null; confirmed_by: string | null;
  orders: { order_id: string; order_number: string; fulfillment_order_id: string; allocation_id: string; quantity: number; picked: number }[];
}

export interface PickWaveSummary {
  id: string; number: string; location: string; status: WaveRecord['status']; criteria: Record<string, unknown>;
  lines_count: number; units: number; units_picked: number; created_by: string; created_at: string; completed_at: string | null;
}

export interface PickWaveView extends PickWaveSummary {
  fulfillment_orders: { id: string; order_id: string; order_number: string; status: string; delivery_type: string }[];
  lines: PickLineView[];
}

export interface ServedAllocation {
  id: string; product_id: string; order_id: string; order_number: number; fulfillment_order_id: string; quantity: number; picked: number;
}

export function toWaveSummary(wave: WaveRecord, lines: readonly Pick<LineRecord, 'quantity' | 'picked'>[]): PickWaveSummary {
  return {
    id: wave.id, number: String(wave.number), location: wave.location_code, status: wave.status, criteria: wave.criteria,
    lines_count: lines.length, units: lines.reduce((n, l) => n + l.quantity, 0), units_picked: lines.reduce((n, l) => n + (l.picked ?? 0), 0),
    created_by: wave.created_by, created_at: iso(wave.created_at) ?? '', completed_at: iso(wave.completed_at),
  };
}

export function toLineView(line: LineRecord, served: readonly ServedAllocation[]): PickLineView {
  return {
    id: line.id, position: line.position, sku: line.sku, name: line.name, barcode: line.barcode, bin: line.bin,
    quantity: line.quantity, picked: line.picked ?? 0, confirmed: line.confirmed_at !== null,
    confirmed_at: iso(line.confirmed_at), confirmed_by: line.confirmed_by,
    orders: served.filter((a) => a.product_id === line.product_id).map((a) => ({
      order_id: a.order_id, order_number: String(a.order_number), fulfillment_order_id: a.fulfillment_order_id,
      allocation_id: a.id, quantity: a.quantity, picked: a.picked,
    })),
  };
}

export function toWaveView(
  wave: WaveRecord, lines: readonly LineRecord[], served: readonly ServedAllocation[],
  fulfillmentOrders: readonly { id: string; order_id: string; order_number: number; status: string; delivery_type: string }[],
): PickWaveView {
  return {
    ...toWaveSummary(wave, lines),
    fulfillment_orders: fulfillmentOrders.map((f) => ({ id: f.id, order_id: f.order_id, order_number: String(f.order_number), status: f.status, delivery_type: f.delivery_type })),
    lines: lines.map((l) => toLineView(l, served)),
  };
}
