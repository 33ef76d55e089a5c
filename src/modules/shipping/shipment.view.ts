// What the API answers for a shipment, for the order view's section, and for the public
// tracking page (which leaves out everything personal).
import type { ShipmentStatus } from '../../platform/db/schema-shipping.ts';
import { iso } from '../../platform/http/index.ts';
import type { OrderShipmentView } from '../orders/index.ts';
import type { ShipmentItemRecord, ShipmentRecord, TrackingEventRecord } from './shipments.repository.ts';

export interface TrackingEventView { status: ShipmentStatus; occurred_at: string; description: string | null; place: string | null }

export interface ShipmentView {
  id: string; order: { id: string; number: string }; fulfillment_order_id: string; location: string;
  carrier: string; service: string | null; service_name: string | null; tracking_number: string | null; status: ShipmentStatus;
  cost: number | null; currency: string | null;
  /** Where to download the label PDF, when the carrier made one. */
  label_url: string | null;
  items: { order_line_id: string; sku: string; quantity: number }[];
  packages: string[];
  events: TrackingEventView[];
  shipped_at: string; delivered_at: string | null; updated_at: string;
}

export function toTrackingEventView(e: TrackingEventRecord): TrackingEventView {
  return { status: e.status, occurred_at: iso(e.occurred_at) ?? '', description: e.description, place: e.place };
}

export function toShipmentView(s: ShipmentRecord, items: readonly ShipmentItemRecord[], events: readonly TrackingEventRecord[], packages: readonly string[]): ShipmentView {
  return {
    id: s.id, order: { id: s.order_id, number: String(s.order_number) }, fulfillment_order_id: s.fulfillment_order_id, location: s.location,
    carrier: s.carrier, service: s.service_code, service_name: s.service_name, tracking_number: s.tracking_number, status: s.status,
    cost: s.cost, currency: s.currency, label_url: s.has_label ? `/v1/shipments/${s.id}/label.pdf` : null,
    items: items.map((i) => ({ order_line_id: i.order_line_id, sku: i.sku, quantity: i.quantity })),
    packages: [...packages],
    events: events.map(toTrackingEventView),
    shipped_at: iso(s.shipped_at) ?? '', delivered_at: iso(s.delivered_at), updated_at: iso(s.updated_at) ?? '',
  };
}

/** The order view's shipment entry. */
export function toOrderShipmentView(s: ShipmentRecord, items: readonly ShipmentItemRecord[]): OrderShipmentView {
  return {
    id: s.id, fulfillment_order_id: s.fulfillment_order_id, carrier: s.carrier, service: s.service_code, tracking_number: s.tracking_number,
    status: s.status, shipped_at: iso(s.shipped_at) ?? '', delivered_at: iso(s.delivered_at),
    items: items.map((i) => ({ order_line_id: i.order_line_id, sku: i.sku, quantity: i.quantity })),
  };
}
