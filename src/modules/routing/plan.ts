// Routing v1: decide where an order's units are reserved. Pure: it reads a snapshot of
// locked stock and returns a plan and the reasons for it; the caller reserves.
//
// Rule order: a single location that can fill everything, nearest first (when the
// address and the location have coordinates), then lower priority number, then code;
// only if none can, split greedily — each step takes the location that covers the most
// remaining units (same tie-breaks) — so the order is split as few times as we can.
import { distanceKm, type Point } from './distance.ts';

export interface Candidate {
  locationId: string; code: string; priority: number;
  latitude: number | null; longitude: number | null;
}

export interface Demand { productId: string; quantity: number; policy: 'deny' | 'continue' }

/** available[productId][locationId] = on_hand - reserved, from locked rows. */
export type StockSnapshot = ReadonlyMap<string, ReadonlyMap<string, number>>;

export interface PlannedAllocation { productId: string; locationId: string; quantity: number }

export interface RoutingPlan {
  strategy: 'single' | 'split' | 'none';
  allocations: PlannedAllocation[];
  /** deny-policy units that no location can supply: the order must be refused. */
  shortages: { productId: string; requested: number; available: number }[];
  /** continue-policy units sold into backorder. */
  backorders: { productId: string; quantity: number }[];
  ranking: { location: string; distance_km: number | null; priority: number }[];
}

function rank(candidates: readonly Candidate[], destination: Point | null) {
  const withDistance = candidates.map((c) => ({
    candidate: c,
    distance: destination && c.latitude !== null && c.longitude !== null
      ? distanceKm(destination, { latitude: c.latitude, longitude: c.longitude }) : null,
  }));
  withDistance.sort((a, b) => {
    if (a.distance !== null && b.distance !== null && a.distance !== b.distance) return a.distance - b.distance;
    if ((a.distance === null) !== (b.distance === null)) return a.distance === null ? 1 : -1;
    if (a.candidate.priority !== b.candidate.priority) return a.candidate.priority - b.candidate.priority;
    return a.candidate.code < b.candidate.code ? -1 : a.candidate.code > b.candidate.code ? 1 : 0;
  });
  return withDistance;
}

const availableAt = (stock: StockSnapshot, productId: string, locationId: string) =>
  Math.max(0, stock.get(productId)?.get(locationId) ?? 0);

/** Plans reservations for the demand across the candidate locations. */
export function planRouting(demands: readonly Demand[], candidates: readonly Candidate[], stock: StockSnapshot, destination: Point | null): RoutingPlan {
  const ranked = rank(candidates, destination);
  const ranking = ranked.map((r) => ({ location: r.candidate.code, distance_km: r.distance === null ? null : Math.round(r.distance * 10) / 10, priority: r.candidate.priority }));
  const single = ranked.find((r) => demands.every((d) => availableAt(stock, d.productId, r.candidate.locationId) >= d.quantity));
  if (single) {
    return {
      strategy: 'single', ranking, shortages: [], backorders: [],
      allocations: demands.map((d) => ({ productId: d.productId, locationId: single.candidate.locationId, quantity: d.quantity })),
    };
  }
  const remaining = new Map(demands.map((d) => [d.productId, d.quantity]));
  const allocations: PlannedAllocation[] = [];
  const pool = [...ranked];
  while (pool.length > 0 && [...remaining.values()].some((q) => q > 0)) {
    let bestIndex = -1;
    let bestUnits = 0;
    pool.forEach((r, index) => {
      const units = [...remaining].reduce((sum, [productId, q]) => sum + Math.min(q, availableAt(stock, productId, r.candidate.locationId)), 0);
      if (units > bestUnits) { bestUnits = units; bestIndex = index; }
    });
    if (bestIndex < 0) break;
    const [chosen] = pool.splice(bestIndex, 1);
    if (!chosen) break;
    for (const [productId, q] of remaining) {
      const take = Math.min(q, availableAt(stock, productId, chosen.candidate.locationId));
      if (take > 0) {
        allocations.push({ productId, locationId: chosen.candidate.locationId, quantity: take });
        remaining.set(productId, q - take);
      }
    }
  }
  const shortages: RoutingPlan['shortages'] = [];
  const backorders: RoutingPlan['backorders'] = [];
  for (const d of demands) {
    const left = remaining.get(d.productId) ?? 0;
    if (left === 0) continue;
    if (d.policy === 'deny') shortages.push({ productId: d.productId, requested: d.quantity, available: d.quantity - left });
    else backorders.push({ productId: d.productId, quantity: left });
  }
  const locationsUsed = new Set(allocations.map((a) => a.locationId)).size;
  return { strategy: locationsUsed === 0 ? 'none' : locationsUsed === 1 ? 'single' : 'split', allocations, shortages, backorders, ranking };
}
