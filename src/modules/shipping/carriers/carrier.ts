// The carrier adapter interface. Each carrier service of a tenant is backed by one
// adapter (manual, rate table; real carriers later): it prices a parcel between two
// places and buys the label. Adapters are plain objects built from the service's stored
// config, so adding a carrier is one new file and one line in carriers/index.ts.
import type { Address } from '../../../platform/db/index.ts';
import type { ProblemFieldError } from '../../../platform/http/index.ts';

export interface Parcel { weightG: number }

/** Where a parcel goes from or to; routing by zone needs only the country and postal code. */
export interface Place { country: string; postalCode: string }

export type Quote =
  | { ok: true; price: number; currency: string | null; transitDays: number | null; zone: string | null }
  | { ok: false; reason: string };

export interface LabelRequest {
  serviceName: string;
  /** The number the caller typed (manual carriers), if any. */
  trackingNumber: string | null;
  from: { name: string; address: Address };
  to: Address;
  weightG: number;
  /** Draws the next number of the tenant's tracking sequence (carriers that issue their own). */
  issueTrackingNumber: () => Promise<string>;
}

export interface PurchasedLabel { trackingNumber: string | null; labelPdf: Buffer | null }

export interface CarrierAdapter {
  /** Prices the parcel, or says why this service cannot carry it. */
  quote(parcel: Parcel, from: Place, to: Place): Quote;
  /** Buys the label: the tracking number and, when the carrier makes one, the label PDF. */
  purchaseLabel(request: LabelRequest): Promise<PurchasedLabel>;
}

/** What an adapter is built from: the stored carrier service. */
export interface CarrierServiceConfig {
  carrier: 'manual' | 'rate_table';
  transit_days: number | null;
  currency: string | null;
  config: Record<string, unknown>;
}

/** Checks a service's config for its carrier; each problem is named by path (config.…). */
export type ConfigValidator = (config: unknown, currency: string | null) => ProblemFieldError[];
