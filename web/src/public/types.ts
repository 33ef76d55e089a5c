// The answers of the public API the customer pages read.

export interface TrackingEvent { status: string; occurred_at: string; description: string | null; place: string | null }

export interface TrackedShipment {
  carrier: string; service: string | null; tracking_number: string | null; status: string;
  shipped_at: string | null; delivered_at: string | null; events: TrackingEvent[];
}

export interface Tracking {
  order_number: string; status: string; fulfillment_status: string;
  shipments: TrackedShipment[];
  /** For orders collected in a store: its name, and whether the order waits there. */
  pickup?: { location: string; ready: boolean };
}

/** Why a line cannot be returned now, as the server names it. */
export type Refusal = 'not_delivered' | 'not_returnable' | 'return_window_closed' | string;

/** One order line as the eligibility answer lists it. */
export interface EligibilityLine {
  line_id: string; sku: string; name: string; quantity: number;
  /** Units that may be returned now (0 when refused). */
  returnable: number;
  /** The window's last day (YYYY-MM-DD, inclusive); lines delivered on different days differ. */
  last_day?: string | null;
  refused?: Refusal | null;
}

export interface Eligibility {
  /** The order number. */
  order: string;
  lines: EligibilityLine[];
  /** The policy's reasons, as codes (`too_small`). */
  reasons: string[];
}

export interface ReturnRequested { id: string; number: string | number; status: string }

export interface SurveyInvitation { order_number: string; items: string[]; answered: boolean }

export interface Merchant { name: string }
