// The fulfillment pages' addresses, in one place so links and routes agree.
import { query } from '../../api/client.ts';

export const FULFILLMENT_PATHS = {
  waves: '/fulfillment/waves',
  wave: '/fulfillment/waves/:wave',
  pack: '/fulfillment/pack',
  shipments: '/fulfillment/shipments',
  shipment: '/fulfillment/shipments/:shipment',
  pickups: '/fulfillment/pickups',
} as const;

export const waveHref = (wave: { number: string } | string) => `${FULFILLMENT_PATHS.waves}/${encodeURIComponent(typeof wave === 'string' ? wave : wave.number)}`;
export const packHref = (fulfillmentOrderId?: string) => `${FULFILLMENT_PATHS.pack}${query({ fo: fulfillmentOrderId })}`;
export const shipmentHref = (id: string) => `${FULFILLMENT_PATHS.shipments}/${encodeURIComponent(id)}`;
export const orderHref = (number: string) => `/orders/${encodeURIComponent(number)}`;
export const pdfHref = {
  pickList: (waveId: string) => `/v1/pick-waves/${encodeURIComponent(waveId)}/pick-list.pdf`,
  packingSlip: (fulfillmentOrderId: string) => `/v1/fulfillment-orders/${encodeURIComponent(fulfillmentOrderId)}/packing-slip.pdf`,
};
