// The manual carrier: the warehouse books the parcel itself (a courier's web site, the
// post office counter) and types the tracking number in. Its price is the service's
// flat_rate (0 when unset); it prints no label.
import { Type } from 'typebox';
import { MoneyAmount, StrictObject } from '../../../platform/http/index.ts';
import type { CarrierAdapter, CarrierServiceConfig, ConfigValidator } from './carrier.ts';
import { schemaErrors } from './config-schema.ts';

export const ManualConfig = StrictObject({ flat_rate: Type.Optional(MoneyAmount) });

export const validateManualConfig: ConfigValidator = (config) => schemaErrors(ManualConfig, config);

export function manualCarrier(service: CarrierServiceConfig): CarrierAdapter {
  const flatRate = typeof service.config.flat_rate === 'number' ? service.config.flat_rate : 0;
  return {
    quote: () => ({ ok: true, price: flatRate, currency: service.currency, transitDays: service.transit_days, zone: null }),
    async purchaseLabel(request) {
      return { trackingNumber: request.trackingNumber, labelPdf: null };
    },
  };
}
