// The shapes of the forecasting, replenishment and purchase-order answers the pages read.

export interface ForecastPoint { start: string; point: number; quantiles: Record<string, number> }
export interface ForecastAccuracy { holdout_weeks: number; method: string; mae: number; mase: number | null; rmsse: number | null; wql: number | null }

export interface Forecast {
  sku: string; name: string; location: string | null; period_days: number; as_of: string; demand_refreshed_at: string | null;
  history: { start: string; quantity: number; orders: number }[];
  method: string; notes?: string[];
  forecast: ForecastPoint[];
  accuracy: ForecastAccuracy | null;
}

export type Urgency = 'stockout' | 'reorder' | 'ok' | 'overstock';

export interface Suggestion {
  sku: string; name: string; location: string; supplier: string | null; urgency: Urgency;
  on_hand: number; reserved: number; backordered: number; available: number; on_order: number; on_draft: number;
  reorder_point: number; order_up_to: number; suggested_quantity: number;
  projected_stockout_date: string | null; weeks_of_cover: number | null; forecast_method: string;
}

export interface PurchaseOrder {
  id: string; number: string; status: 'draft' | 'ordered' | 'partially_received' | 'received' | 'canceled';
  supplier: { code: string; name: string }; location: string; currency: string; expected_date: string | null;
  lines: { id: string; sku: string; name: string; quantity: number; received: number; open: number; unit_cost: number; total: number }[];
  total: number; created_at: string;
}

