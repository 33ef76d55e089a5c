// Which carrier service a shipment goes with: the one it names, or the one its strategy
// (cheapest by default, or fastest) picks among the services that fulfil the order's
// shipping method and can carry this parcel to this address.
import type { Address, Kdb } from '../../platform/db/index.ts';
import { invalid, Problem } from '../../platform/http/index.ts';
import { adapterFor, type Place } from './carriers/index.ts';
import { listCarrierServices, serviceConfig, type CarrierServiceRow } from './carrier-services.service.ts';
import { pickRate, servicesForMethod, shopRates, type RateSheet } from './rate-shopping.ts';

export interface ChosenService { service: CarrierServiceRow; price: number; currency: string }

/** The address a parcel goes to and its place for pricing, or 422 when the order has no shipping address. */
export function destinationOf(address: Address | null): { address: Address; place: Place } {
  if (!address) throw invalid('shipping_address', 'the order has no shipping address to ship to');
  return { address, place: { country: address.country, postalCode: address.postal_code } };
}

/** Every rate for the parcel among the services of the order's shipping method. */
export async function rateSheet(db: Kdb, tenantId: string, method: string | null, weightG: number, from: Place, to: Place, currency: string): Promise<RateSheet> {
  const services = servicesForMethod(await listCarrierServices(db, tenantId, { activeOnly: true }), method);
  return shopRates(services, { weightG }, from, to, currency);
}

export async function chooseService(db: Kdb, tenantId: string, request: {
  service?: string | undefined; strategy?: 'cheapest' | 'fastest' | undefined; method: string | null; weightG: number; from: Place; to: Place; currency: string;
}): Promise<ChosenService> {
  if (request.service !== undefined && request.strategy !== undefined) throw invalid('strategy', 'name a service or a strategy, not both');
  if (request.service !== undefined) {
    const services = await listCarrierServices(db, tenantId, { activeOnly: true });
    const service = services.find((s) => s.code === request.service);
    if (!service) throw invalid('service', `unknown or inactive carrier service ${request.service}`);
    const quote = adapterFor(serviceConfig(service)).quote({ weightG: request.weightG }, request.from, request.to);
    if (!quote.ok) {
      throw new Problem('carrier_service_unavailable', `${service.name} ${quote.reason}.`, { errors: [{ path: 'service', message: quote.reason }] });
    }
    return { service, price: quote.price, currency: quote.currency ?? request.currency };
  }
  const strategy = request.strategy ?? 'cheapest';
  const services = servicesForMethod(await listCarrierServices(db, tenantId, { activeOnly: true }), request.method);
  const sheet = shopRates(services, { weightG: request.weightG }, request.from, request.to, request.currency);
  const rate = pickRate(sheet, strategy);
  const service = rate && services.find((s) => s.code === rate.service);
  if (!rate || !service) {
    const why = services.length === 0 ? `no active carrier service fulfils shipping method ${request.method ?? '(any)'}` : 'no carrier service can carry this parcel there';
    throw new Problem('carrier_service_unavailable', `Cannot ship: ${why}.`, { extra: { unavailable: sheet.unavailable } });
  }
  return { service, price: rate.price, currency: rate.currency };
}
