// GET /v1/fulfillment-orders/{id}/rates: what shipping the fulfillment order would cost
// with each service of the order's shipping method, for its weight (its unshipped
// packages if packed, else its remaining units at catalog weights) to its address.
import type { Kdb } from '../../platform/db/index.ts';
import { Problem } from '../../platform/http/index.ts';
import { planParcel } from './parcel.ts';
import type { Rate, UnavailableService } from './rate-shopping.ts';
import { destinationOf, rateSheet } from './service-choice.ts';
import { readShipContext } from './ship-context.ts';

export interface RatesView {
  fulfillment_order_id: string; shipping_method: string | null;
  weight_g: number; weight_source: 'packages' | 'products';
  destination: { country: string; postal_code: string };
  rates: Rate[]; unavailable: UnavailableService[];
}

export async function getRates(db: Kdb, tenantId: string, foId: string): Promise<RatesView> {
  const ctx = await readShipContext(db, tenantId, foId);
  if (ctx.fo.delivery_type === 'pickup') {
    throw new Problem('invalid_transition', 'A pickup fulfillment order is handed over at the counter; it has no shipping rates.', { extra: { from: ctx.fo.status, to: 'shipped' } });
  }
  if (ctx.reserved.length === 0) throw new Problem('nothing_to_ship', `Fulfillment order ${ctx.fo.id} has no units left to ship.`);
  const parcel = await planParcel(db, tenantId, ctx, undefined);
  const to = destinationOf(ctx.order.shipping_address).place;
  const from = { country: ctx.location.address.country, postalCode: ctx.location.address.postal_code };
  const sheet = await rateSheet(db, tenantId, ctx.order.shipping_method, parcel.weightG, from, to, ctx.order.currency);
  return {
    fulfillment_order_id: ctx.fo.id, shipping_method: ctx.order.shipping_method,
    weight_g: parcel.weightG, weight_source: parcel.weightSource,
    destination: { country: to.country, postal_code: to.postalCode },
    rates: sheet.rates, unavailable: sheet.unavailable,
  };
}
