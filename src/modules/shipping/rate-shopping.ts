// Rate shopping, the pure part: which services may carry an order's parcel, what each
// costs, and which is cheapest and which fastest. Ties are broken the same way every
// time (cheapest: then faster, then code; fastest: then cheaper, then code), so the
// strategy a shipment names picks the service the rates list marked.
import { adapterFor, type Parcel, type Place } from './carriers/index.ts';
import { serviceConfig, type CarrierServiceRow } from './carrier-services.service.ts';

export interface Rate {
  service: string; name: string; carrier: string; price: number; currency: string;
  transit_days: number | null; zone: string | null; cheapest: boolean; fastest: boolean;
}
export interface UnavailableService { service: string; name: string; carrier: string; reason: string }
export interface RateSheet { rates: Rate[]; unavailable: UnavailableService[] }

/** Services that fulfil the order's shipping method (every one when the order names none). */
export function servicesForMethod(services: readonly CarrierServiceRow[], method: string | null): CarrierServiceRow[] {
  return services.filter((s) => s.active && (method === null || s.methods.includes(method)));
}

const byPrice = (a: Rate, b: Rate) => a.price - b.price || byTransit(a, b, false) || a.service.localeCompare(b.service);
function byTransit(a: Rate, b: Rate, thenPrice = true): number {
  const da = a.transit_days ?? Number.POSITIVE_INFINITY;
  const db = b.transit_days ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  return thenPrice ? a.price - b.price || a.service.localeCompare(b.service) : 0;
}

/** Quotes the parcel with every service; marks the cheapest and the fastest. */
export function shopRates(services: readonly CarrierServiceRow[], parcel: Parcel, from: Place, to: Place, orderCurrency: string): RateSheet {
  const rates: Rate[] = [];
  const unavailable: UnavailableService[] = [];
  for (const service of services) {
    const quote = adapterFor(serviceConfig(service)).quote(parcel, from, to);
    if (!quote.ok) {
      unavailable.push({ service: service.code, name: service.name, carrier: service.carrier, reason: quote.reason });
      continue;
    }
    const currency = quote.currency ?? orderCurrency;
    rates.push({ service: service.code, name: service.name, carrier: service.carrier, price: quote.price, currency, transit_days: quote.transitDays, zone: quote.zone, cheapest: false, fastest: false });
  }
  rates.sort(byPrice);
  const cheapest = rates[0];
  const fastest = [...rates].sort((a, b) => byTransit(a, b))[0];
  if (cheapest) cheapest.cheapest = true;
  if (fastest) fastest.fastest = true;
  return { rates, unavailable };
}

/** The rate a strategy picks, if any service can carry the parcel. */
export function pickRate(sheet: RateSheet, strategy: 'cheapest' | 'fastest'): Rate | undefined {
  return sheet.rates.find((r) => (strategy === 'cheapest' ? r.cheapest : r.fastest));
}
