// The carrier adapters by carrier name: add a real carrier here.
import type { CarrierAdapter, CarrierServiceConfig, ConfigValidator } from './carrier.ts';
import { manualCarrier, validateManualConfig } from './manual.ts';
import { rateTableCarrier, validateRateTableConfig } from './rate-table.ts';

export const CARRIERS = ['manual', 'rate_table'] as const;
export type CarrierName = (typeof CARRIERS)[number];

const ADAPTERS: Record<CarrierName, { build: (service: CarrierServiceConfig) => CarrierAdapter; validate: ConfigValidator }> = {
  manual: { build: manualCarrier, validate: validateManualConfig },
  rate_table: { build: rateTableCarrier, validate: validateRateTableConfig },
};

/** The adapter for a stored carrier service. */
export function adapterFor(service: CarrierServiceConfig): CarrierAdapter {
  return ADAPTERS[service.carrier].build(service);
}

/** The config checks of a carrier. */
export function validatorFor(carrier: CarrierName): ConfigValidator {
  return ADAPTERS[carrier].validate;
}

export type { CarrierAdapter, CarrierServiceConfig, Parcel, Place, Quote, LabelRequest, PurchasedLabel } from './carrier.ts';
export { zoneFor, quoteRateTable, type RateTableConfig } from './rate-table.ts';
