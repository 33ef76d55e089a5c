// Routing: decide where an order's units are reserved. Pure and deterministic: it reads a
// snapshot of (locked) stock and the tenant's rules and returns a plan with the reasons
// for it; the caller reserves. It runs on every order intake, so it stays linear in
// candidates × products per step and allocates nothing it does not return.
//
// Rules, in the order they apply (docs/routing.md):
//   1. capability — ship orders: locations that ship; pickup orders: the pickup location;
//   2. stock — how many of the order's units each location can cover;
//   3. fewest splits — one location that fills everything beats any split;
//   4. distance — nearer to the destination first (when both positions are known);
//   5. priority — lower number first; then the location code, so ties always break the same way;
//   6. max_splits and min_split_order_value — cap how many locations a split may use
//      (one, when the order's total is below the minimum value for splitting).
// When no single location fills the order, the split is greedy: each step takes the
// location that covers the most remaining units (ties by rules 4-5). What stays unplaced
// is a shortage for `deny` SKUs (the caller refuses the order) and a backorder for
// `continue` SKUs.
import { distanceKm, type Point } from './distance.ts';
import type { RoutingRules } from './rules.ts';

export interface Candidate {
  locationId: string; code: string; priority: number;
  latitude: number | null; longitude: number | null;
  ships: boolean; pickup: boolean;
}

export interface Demand { productId: string; sku: string; quantity: number; policy: 'deny' | 'continue' }

/** available[productId][locationId] = on_hand - reserved, from locked rows. */
export type StockSnapshot = ReadonlyMap<string, ReadonlyMap<string, number>>;

export interface PlannedAllocation { productId: string; locationId: string; quantity: number }

/** Where the units go: a shipping destination (position, if known) or a pickup counter. */
export type RoutingDelivery =
  | { type: 'ship'; destination: (Point & { source: 'address' | 'postal_code' }) | null }
  | { type: 'pickup'; locationId: string };

export interface RoutingRequest {
  demands: readonly Demand[];
  candidates: readonly Candidate[];
  stock: StockSnapshot;
  delivery: RoutingDelivery;
  /** The order's total in minor units, for min_split_order_value. */
  orderTotal: number;
  rules: RoutingRules;
}

export type Verdict =
  | { rule: 'capability'; pass: boolean; reason?: string }
  | { rule: 'stock'; covers: number; of: number }
  | { rule: 'distance'; km: number | null }
  | { rule: 'priority'; value: number }
  | { rule: 'max_splits'; pass: false; limit: number }
  | { rule: 'min_split_order_value'; pass: false; threshold: number; order_total: number };

export type TieBreaker = 'distance' | 'priority' | 'code';

export interface RoutingExplanation {
  strategy: 'single' | 'split' | 'none';
  rules: { use_distance: boolean; max_splits: number; min_split_order_value: number };
  delivery: 'ship' | 'pickup';
  destination: { latitude: number; longitude: number; source: 'address' | 'postal_code' } | null;
  /** Every candidate location with each rule's verdict; `rank` orders the capable ones. */
  candidates: { location: string; rank: number | null; verdicts: Verdict[] }[];
  /** The locations used, in the order they were chosen, and why. */
  chosen: { step: number; location: string; units: number; reason: string }[];
  /** Where more than one location was equally good on the deciding rule, and what broke the tie. */
  ties: { step: number; between: string[]; broken_by: TieBreaker; winner: string }[];
  allocations: { sku: string; location: string; quantity: number }[];
  backorders: { sku: string; quantity: number }[];
  shortages: { sku: string; requested: number; available: number }[];
}

export interface RoutingPlan {
  strategy: 'single' | 'split' | 'none';
  allocations: PlannedAllocation[];
  /** deny-policy units that no location can supply: the order must be refused. */
  shortages: { productId: string; requested: number; available: number }[];
  /** continue-policy units sold into backorder. */
  backorders: { productId: string; quantity: number }[];
  explanation: RoutingExplanation;
}

interface Ranked { candidate: Candidate; distance: number | null; rank: number }

const availableAt = (stock: StockSnapshot, productId: string, locationId: string) =>
  Math.max(0, stock.get(productId)?.get(locationId) ?? 0);

const roundKm = (km: number) => Math.round(km * 10) / 10;

function capability(candidate: Candidate, delivery: RoutingDelivery): { pass: boolean; reason?: string } {
  if (delivery.type === 'pickup') {
    return candidate.locationId === delivery.locationId ? { pass: true } : { pass: false, reason: 'not the pickup location' };
  }
  return candidate.ships ? { pass: true } : { pass: false, reason: 'does not ship' };
}

/** The first rank key on which a and b differ (a ranks before b). */
function breaker(a: Ranked, b: Ranked): TieBreaker {
  if (a.distance !== b.distance) return 'distance';
  return a.candidate.priority !== b.candidate.priority ? 'priority' : 'code';
}

function compareRank(a: Omit<Ranked, 'rank'>, b: Omit<Ranked, 'rank'>): number {
  if (a.distance !== null && b.distance !== null && a.distance !== b.distance) return a.distance - b.distance;
  if ((a.distance === null) !== (b.distance === null)) return a.distance === null ? 1 : -1;
  if (a.candidate.priority !== b.candidate.priority) return a.candidate.priority - b.candidate.priority;
  return a.candidate.code < b.candidate.code ? -1 : a.candidate.code > b.candidate.code ? 1 : 0;
}

function rankCapable(capable: readonly Candidate[], request: RoutingRequest): Ranked[] {
  const destination = request.delivery.type === 'ship' && request.rules.useDistance ? request.delivery.destination : null;
  return capable
    .map((candidate) => ({
      candidate,
      distance: destination && candidate.latitude !== null && candidate.longitude !== null
        ? distanceKm(destination, { latitude: candidate.latitude, longitude: candidate.longitude }) : null,
    }))
    .sort(compareRank)
    .map((r, rank) => ({ ...r, rank: rank + 1 }));
}

/** Units of the remaining demand this location can cover. */
function coverage(stock: StockSnapshot, remaining: ReadonlyMap<string, number>, locationId: string): number {
  let units = 0;
  for (const [productId, quantity] of remaining) units += Math.min(quantity, availableAt(stock, productId, locationId));
  return units;
}

interface Selection {
  chosen: RoutingExplanation['chosen']; ties: RoutingExplanation['ties'];
  allocations: PlannedAllocation[]; remaining: Map<string, number>;
  /** Locations that could have covered units but were left out by a cap, and by which. */
  capped: Map<string, Verdict>;
}

/** Greedy choice: one location that fills everything, else the biggest cover first, up to the cap. */
function select(ranked: readonly Ranked[], request: RoutingRequest, totalUnits: number): Selection {
  const { stock, rules } = request;
  const remaining = new Map<string, number>();
  for (const d of request.demands) remaining.set(d.productId, (remaining.get(d.productId) ?? 0) + d.quantity);
  const selection: Selection = { chosen: [], ties: [], allocations: [], remaining, capped: new Map() };
  const singleOnly = request.orderTotal < rules.minSplitOrderValue;
  const limit = singleOnly ? 1 : rules.maxSplits;
  const pool = [...ranked];
  while (pool.length > 0) {
    const left = [...remaining.values()].reduce((a, b) => a + b, 0);
    if (left === 0) break;
    const units = pool.map((r) => coverage(stock, remaining, r.candidate.locationId));
    const best = Math.max(...units);
    if (best === 0) break;
    if (selection.chosen.length >= limit) {
      const verdict: Verdict = singleOnly
        ? { rule: 'min_split_order_value', pass: false, threshold: rules.minSplitOrderValue, order_total: request.orderTotal }
        : { rule: 'max_splits', pass: false, limit };
      pool.forEach((r, i) => { if ((units[i] ?? 0) > 0) selection.capped.set(r.candidate.locationId, verdict); });
      break;
    }
    const tied = pool.filter((_, i) => units[i] === best);
    const winner = tied[0] as Ranked;
    const step = selection.chosen.length + 1;
    if (tied.length > 1) {
      selection.ties.push({ step, between: tied.map((r) => r.candidate.code), broken_by: breaker(winner, tied[1] as Ranked), winner: winner.candidate.code });
    }
    const reason = best === totalUnits ? 'fills the whole order'
      : step === 1 ? `covers the most units (${best} of ${totalUnits})${singleOnly ? '; the order value allows one location only' : ''}`
        : `covers the most remaining units (${best} of ${left})`;
    selection.chosen.push({ step, location: winner.candidate.code, units: best, reason });
    for (const [productId, quantity] of remaining) {
      const take = Math.min(quantity, availableAt(stock, productId, winner.candidate.locationId));
      if (take === 0) continue;
      selection.allocations.push({ productId, locationId: winner.candidate.locationId, quantity: take });
      remaining.set(productId, quantity - take);
    }
    pool.splice(pool.indexOf(winner), 1);
  }
  return selection;
}

/** Plans reservations for the demand across the candidate locations, with the reasons. */
export function planRouting(request: RoutingRequest): RoutingPlan {
  const { demands, stock, rules } = request;
  const totalUnits = demands.reduce((n, d) => n + d.quantity, 0);
  const capable = request.candidates.filter((c) => capability(c, request.delivery).pass);
  const ranked = rankCapable(capable, request);
  const rankOf = new Map(ranked.map((r) => [r.candidate.locationId, r]));
  const selection = select(ranked, request, totalUnits);

  const shortages: RoutingPlan['shortages'] = [];
  const backorders: RoutingPlan['backorders'] = [];
  const seen = new Set<string>();
  for (const d of demands) {
    if (seen.has(d.productId)) continue;
    seen.add(d.productId);
    const left = selection.remaining.get(d.productId) ?? 0;
    if (left === 0) continue;
    const requested = demands.filter((x) => x.productId === d.productId).reduce((n, x) => n + x.quantity, 0);
    if (d.policy === 'deny') shortages.push({ productId: d.productId, requested, available: requested - left });
    else backorders.push({ productId: d.productId, quantity: left });
  }
  const used = selection.chosen.length;
  const strategy = used === 0 ? 'none' : used === 1 ? 'single' : 'split';

  const skuOf = new Map(demands.map((d) => [d.productId, d.sku]));
  const codeOf = new Map(request.candidates.map((c) => [c.locationId, c.code]));
  const demanded = new Map<string, number>();
  for (const d of demands) demanded.set(d.productId, (demanded.get(d.productId) ?? 0) + d.quantity);
  const candidates = request.candidates.map((c) => {
    const cap = capability(c, request.delivery);
    const verdicts: Verdict[] = [{ rule: 'capability', ...cap }];
    const r = rankOf.get(c.locationId);
    if (cap.pass && r) {
      verdicts.push({ rule: 'stock', covers: coverage(stock, demanded, c.locationId), of: totalUnits });
      verdicts.push({ rule: 'distance', km: r.distance === null ? null : roundKm(r.distance) });
      verdicts.push({ rule: 'priority', value: c.priority });
      const capped = selection.capped.get(c.locationId);
      if (capped) verdicts.push(capped);
    }
    return { location: c.code, rank: r?.rank ?? null, verdicts };
  }).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.location < b.location ? -1 : a.location > b.location ? 1 : 0));

  const destination = request.delivery.type === 'ship' && request.delivery.destination
    ? { latitude: request.delivery.destination.latitude, longitude: request.delivery.destination.longitude, source: request.delivery.destination.source } : null;
  return {
    strategy, allocations: selection.allocations, shortages, backorders,
    explanation: {
      strategy,
      rules: { use_distance: rules.useDistance, max_splits: rules.maxSplits, min_split_order_value: rules.minSplitOrderValue },
      delivery: request.delivery.type, destination, candidates,
      chosen: selection.chosen, ties: selection.ties,
      allocations: selection.allocations.map((a) => ({ sku: skuOf.get(a.productId) ?? a.productId, location: codeOf.get(a.locationId) ?? a.locationId, quantity: a.quantity })),
      backorders: backorders.map((b) => ({ sku: skuOf.get(b.productId) ?? b.productId, quantity: b.quantity })),
      shortages: shortages.map((s) => ({ sku: skuOf.get(s.productId) ?? s.productId, requested: s.requested, available: s.available })),
    },
  };
}
