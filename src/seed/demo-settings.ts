// The demo shop's settings as plain data: box sizes, carrier services with their rate
// tables, hold rules, the return policy and routing rules. Amounts are minor units (USD).
import type { BoxInput } from '../modules/packing/index.ts';
import type { RuleInput } from '../modules/holds/index.ts';
import type { ReturnPolicy } from '../modules/returns/index.ts';
import type { RoutingRules } from '../modules/routing/index.ts';

export const DEMO_BOXES: BoxInput[] = [
  { code: 'XS', name: 'Mailer, extra small', length_mm: 230, width_mm: 160, height_mm: 80, max_weight_g: 2000, tare_weight_g: 60 },
  { code: 'S', name: 'Small carton', length_mm: 320, width_mm: 260, height_mm: 120, max_weight_g: 5000, tare_weight_g: 150 },
  { code: 'M', name: 'Medium carton', length_mm: 420, width_mm: 320, height_mm: 200, max_weight_g: 12000, tare_weight_g: 280 },
  { code: 'L', name: 'Large carton', length_mm: 660, width_mm: 460, height_mm: 320, max_weight_g: 25000, tare_weight_g: 550 },
];

/** US zones: the west coast and mountain states (ZIPs 8xxxx, 9xxxx) cost more from the east. */
const ZONES = [
  { code: 'DOMESTIC', countries: ['US'] },
  { code: 'WEST', countries: ['US'], postal_prefixes: ['8', '9'] },
  { code: 'CANADA', countries: ['CA'] },
];

export const DEMO_CARRIER_SERVICES = [
  {
    code: 'GROUND', name: 'Ordo Ground', carrier: 'rate_table' as const, methods: ['standard'], transit_days: 4, currency: 'USD',
    config: {
      zones: ZONES,
      bands: [
        { max_weight_g: 1000, rates: { DOMESTIC: 600, WEST: 800, CANADA: 1500 } },
        { max_weight_g: 5000, rates: { DOMESTIC: 900, WEST: 1200, CANADA: 2500 } },
        { max_weight_g: 20000, rates: { DOMESTIC: 1500, WEST: 2000, CANADA: 4500 } },
        { max_weight_g: 60000, rates: { DOMESTIC: 2900, WEST: 3600 } },
      ],
    },
  },
  {
    code: 'EXPRESS', name: 'Ordo Express', carrier: 'rate_table' as const, methods: ['express'], transit_days: 2, currency: 'USD',
    config: {
      zones: ZONES,
      bands: [
        { max_weight_g: 1000, rates: { DOMESTIC: 1500, WEST: 1800, CANADA: 3500 } },
        { max_weight_g: 5000, rates: { DOMESTIC: 2200, WEST: 2600, CANADA: 4900 } },
        { max_weight_g: 20000, rates: { DOMESTIC: 3500, WEST: 4200 } },
        { max_weight_g: 60000, rates: { DOMESTIC: 5900, WEST: 6900 } },
      ],
    },
  },
  // Booked by phone for parcels leaving the flagship store; the courier gives the tracking number.
  { code: 'COURIER', name: 'City Courier', carrier: 'manual' as const, methods: ['standard', 'express'], transit_days: 1, currency: 'USD', config: { flat_rate: 1500 } },
];

/** Which service the warehouse books for a shipping method, and from the store. */
export function serviceFor(method: string | null, location: string): string {
  if (location === 'STORE-NYC') return 'COURIER';
  return method === 'express' ? 'EXPRESS' : 'GROUND';
}

export const FRAUD_REVIEW_ABOVE = 150_000;

export const DEMO_HOLD_RULES: RuleInput[] = [
  { name: 'Large order review', kind: 'total_above', params: { amount: FRAUD_REVIEW_ABOVE, currency: 'USD' }, hold_type: 'fraud_review' },
  { name: 'Ships outside North America', kind: 'country_not_in', params: { countries: ['US', 'CA'] }, hold_type: 'address_invalid' },
];

export const DEMO_RETURN_POLICY: ReturnPolicy = {
  window_days: 30,
  non_returnable_skus: ['GIFT-BOX', 'TEA-TIN'],
  reasons: ['damaged', 'wrong_item', 'not_as_described', 'changed_mind', 'too_small', 'too_large', 'other'],
  restocking_fee_bps: 0,
  shipping_refund: 'if_all_returned',
};

/** Split across at most two locations, and never for orders under 50.00. */
export const DEMO_ROUTING: RoutingRules = { useDistance: true, maxSplits: 2, minSplitOrderValue: 5000 };

/**
 * Bins, aisle-rack-shelf: apparel in aisle A, accessories in B, homeware in C; the
 * store's back room uses its own letter so a pick list says where it was printed.
 */
export function binFor(location: string, sku: string, index: number): string {
  const aisle = location === 'STORE-NYC' ? 'S' : /^(TEE|HOOD|JACKET)/.test(sku) ? 'A' : index < 36 ? 'B' : 'C';
  const rack = 1 + (index % 12);
  const shelf = 1 + (Math.floor(index / 12) % 4);
  return `${aisle}-${String(rack).padStart(2, '0')}-${shelf}`;
}
