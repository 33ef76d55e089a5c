// Customer words for the API's status codes (the staff app shows the codes' own names).
import { humanize } from '../format.ts';

const SHIPMENT: Record<string, string> = {
  shipped: 'Shipped', in_transit: 'In transit', out_for_delivery: 'Out for delivery',
  delivered: 'Delivered', exception: 'Delivery problem', picked_up: 'Picked up',
};

const FULFILLMENT: Record<string, string> = {
  unfulfilled: 'Being prepared', partially_fulfilled: 'Partly shipped', fulfilled: 'Shipped',
  partially_delivered: 'Partly delivered', delivered: 'Delivered', ready_for_pickup: 'Ready for pickup', picked_up: 'Picked up',
};

const RETURN: Record<string, string> = {
  requested: 'Waiting for review', approved: 'Approved', rejected: 'Declined', received: 'Received', closed: 'Closed',
};

export const shipmentStatusLabel = (status: string) => SHIPMENT[status] ?? humanize(status);
export const returnStatusLabel = (status: string) => RETURN[status] ?? humanize(status);

/** The order's headline: a canceled order says so whatever its shipments did. */
export function orderStatusLabel(status: string, fulfillmentStatus: string): string {
  if (status === 'canceled') return 'Canceled';
  return FULFILLMENT[fulfillmentStatus] ?? humanize(fulfillmentStatus);
}

/** A carrier code as a name ("rate_table" is Ordo's own table, shown by its service). */
export function carrierLabel(carrier: string, service: string | null): string {
  if (carrier === 'pickup') return 'Store pickup';
  if (carrier === 'rate_table' || carrier === 'manual') return service ?? 'Carrier';
  return service ? `${humanize(carrier)} · ${service}` : humanize(carrier);
}

const REFUSAL: Record<string, string> = {
  not_delivered: 'Not delivered yet — you can return it once it arrives',
  not_returnable: 'This item cannot be returned',
  return_window_closed: 'The return window for this item has closed',
};

/** Why a line cannot come back, for the customer. */
export const refusalLabel = (refused: string | null | undefined) => (refused ? REFUSAL[refused] ?? humanize(refused) : 'Nothing left to return');
