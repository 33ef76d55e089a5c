// The rate-table carrier: the merchant's own price list. Zones group destinations by
// country (and optionally postal-code prefix); weight bands give a price per zone. It
// issues its own tracking numbers and prints a 4×6 inch label.
import { Type, type Static } from 'typebox';
import { Code, MoneyAmount, StrictObject } from '../../../platform/http/index.ts';
import { renderLabel } from '../label.ts';
import type { CarrierAdapter, CarrierServiceConfig, ConfigValidator, Parcel, Place, Quote } from './carrier.ts';
import { schemaErrors } from './config-schema.ts';

export const RATE_TABLE_ZONES_MAX = 100;
export const RATE_TABLE_BANDS_MAX = 100;
/** The heaviest band a table may define: 1,000 kg. */
export const BAND_WEIGHT_MAX_G = 1_000_000;

const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
const PostalPrefix = Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9 -]+$' });

export const RateTableConfig = StrictObject({
  zones: Type.Array(StrictObject({
    code: Code,
    countries: Type.Array(Country, { minItems: 1, maxItems: 300 }),
    postal_prefixes: Type.Optional(Type.Array(PostalPrefix, { minItems: 1, maxItems: 1000 })),
  }), { minItems: 1, maxItems: RATE_TABLE_ZONES_MAX }),
  bands: Type.Array(StrictObject({
    max_weight_g: Type.Integer({ minimum: 1, maximum: BAND_WEIGHT_MAX_G }),
    rates: Type.Record(Type.String({ maxLength: 64 }), MoneyAmount),
  }), { minItems: 1, maxItems: RATE_TABLE_BANDS_MAX }),
});
export type RateTableConfig = Static<typeof RateTableConfig>;

/** The schema, then what a schema cannot say: unique zones, rising bands, known zones in rates. */
export const validateRateTableConfig: ConfigValidator = (config, currency) => {
  const errors = schemaErrors(RateTableConfig, config);
  if (currency === null) errors.push({ path: 'currency', message: 'is required for a rate_table service' });
  if (errors.length > 0) return errors;
  const table = config as RateTableConfig;
  const zones = new Set<string>();
  table.zones.forEach((zone, i) => {
    if (zones.has(zone.code)) errors.push({ path: `config.zones[${i}].code`, message: `zone ${zone.code} is defined twice` });
    zones.add(zone.code);
  });
  table.bands.forEach((band, i) => {
    const previous = table.bands[i - 1];
    if (previous && band.max_weight_g <= previous.max_weight_g) {
      errors.push({ path: `config.bands[${i}].max_weight_g`, message: 'bands must be listed by rising max_weight_g' });
    }
    const rated = Object.keys(band.rates);
    if (rated.length === 0) errors.push({ path: `config.bands[${i}].rates`, message: 'must price at least one zone' });
    for (const zone of rated) {
      if (!zones.has(zone)) errors.push({ path: `config.bands[${i}].rates.${zone}`, message: `unknown zone ${zone}` });
    }
  });
  return errors;
};

/** The zone of a destination: the one whose postal prefix matches longest; a zone without prefixes matches its whole countries. */
export function zoneFor(table: RateTableConfig, to: Place): string | null {
  let best: { code: string; length: number } | null = null;
  const postal = to.postalCode.toUpperCase().replace(/\s+/g, '');
  for (const zone of table.zones) {
    if (!zone.countries.includes(to.country)) continue;
    const length = zone.postal_prefixes === undefined ? 0
      : Math.max(-1, ...zone.postal_prefixes.map((p) => p.toUpperCase().replace(/\s+/g, '')).filter((p) => postal.startsWith(p)).map((p) => p.length));
    if (length >= 0 && (best === null || length > best.length)) best = { code: zone.code, length };
  }
  return best?.code ?? null;
}

/** The price of a parcel in a zone: the first band (lightest) that holds its weight. */
export function quoteRateTable(table: RateTableConfig, parcel: Parcel, to: Place): { ok: true; price: number; zone: string } | { ok: false; reason: string } {
  const zone = zoneFor(table, to);
  if (zone === null) return { ok: false, reason: `does not deliver to ${to.country} ${to.postalCode}` };
  const band = table.bands.find((b) => parcel.weightG <= b.max_weight_g);
  if (!band) return { ok: false, reason: `${parcel.weightG} g is over the heaviest band (${table.bands[table.bands.length - 1]?.max_weight_g ?? 0} g)` };
  const price = band.rates[zone];
  if (price === undefined) return { ok: false, reason: `has no rate for zone ${zone} up to ${band.max_weight_g} g` };
  return { ok: true, price, zone };
}

export function rateTableCarrier(service: CarrierServiceConfig): CarrierAdapter {
  const table = service.config as unknown as RateTableConfig;
  return {
    quote(parcel, _from, to): Quote {
      const quote = quoteRateTable(table, parcel, to);
      return quote.ok ? { ...quote, currency: service.currency, transitDays: service.transit_days } : quote;
    },
    async purchaseLabel(request) {
      const trackingNumber = await request.issueTrackingNumber();
      const labelPdf = await renderLabel({ trackingNumber, serviceName: request.serviceName, from: request.from, to: request.to, weightG: request.weightG });
      return { trackingNumber, labelPdf };
    },
  };
}

