// Where an edit's units come from and go back to, on paper. Pure: it takes the lines'
// quantity changes, their reservations and a snapshot of available stock, and returns
// which reservations shrink, which new ones are made (through the routing planner) and
// how many units each line has on backorder afterwards. The service writes the result.
import { Problem, type ProblemFieldError } from '../../../platform/http/index.ts';
import {
  planRouting, shareOut, type Candidate, type Demand, type PlannedAllocation, type RoutingDelivery, type RoutingRules, type StockSnapshot,
} from '../../routing/index.ts';

export interface LineReservation { id: string; locationId: string; quantity: number; picked: number }

/** A line of the planned edit as the stock plan needs it. */
export interface StockLine {
  id: string; productId: string; sku: string; policy: 'deny' | 'continue';
  /** Change of the line's active quantity. */
  delta: number;
  backordered: number;
  /** The line's reserved allocations (not shipped, not released). */
  reservations: readonly LineReservation[];
  changeIndex: number | null;
}

export interface Release { allocationId: string; lineId: string; productId: string; locationId: string; quantity: number }
export interface Reservation { orderLineId: string; productId: string; locationId: string; quantity: number }

export interface StockPlan {
  releases: Release[];
  reservations: Reservation[];
  /** Backordered units per line after the edit, for every line. */
  backordered: Map<string, number>;
}

export interface RoutingInput {
  candidates: readonly Candidate[];
  /** Locations that already hold units of the order: they are asked first. */
  orderLocations: ReadonlySet<string>;
  stock: StockSnapshot;
  delivery: RoutingDelivery;
  rules: RoutingRules;
  /** The order's total after the edit, for the rule on splitting small orders. */
  orderTotal: number;
}

function cloneStock(stock: StockSnapshot): Map<string, Map<string, number>> {
  return new Map([...stock].map(([productId, byLocation]) => [productId, new Map(byLocation)]));
}

/** Takes units off a line: backordered units first, then its newest reservations, never picked units. */
function shrink(line: StockLine, units: number, stock: Map<string, Map<string, number>>, releases: Release[]): number {
  let left = units;
  const fromBackorder = Math.min(left, line.backordered);
  left -= fromBackorder;
  // Allocation ids are time-ordered: the greatest is the newest.
  const newestFirst = [...line.reservations].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  for (const r of newestFirst) {
    if (left === 0) break;
    const take = Math.min(left, r.quantity - r.picked);
    if (take <= 0) continue;
    releases.push({ allocationId: r.id, lineId: line.id, productId: line.productId, locationId: r.locationId, quantity: take });
    const byLocation = stock.get(line.productId) ?? new Map<string, number>();
    byLocation.set(r.locationId, (byLocation.get(r.locationId) ?? 0) + take);
    stock.set(line.productId, byLocation);
    left -= take;
  }
  if (left > 0) {
    const path = line.changeIndex === null ? 'changes' : `changes[${line.changeIndex}]`;
    throw new Problem('order_not_editable', `line ${line.id} has too few unpicked units to give back`, { errors: [{ path, message: 'units are picked or shipped' }] });
  }
  return line.backordered - fromBackorder;
}

/**
 * Routes the added demand: the order's own locations first (one of them alone if it can,
 * else split among them), then the other candidates for what is still missing, with the
 * split limits counting the locations the order already uses. Returns the allocations
 * and, per product, how many units stay uncovered.
 */
function route(demands: readonly Demand[], routing: RoutingInput, stock: StockSnapshot): { allocations: PlannedAllocation[]; missing: Map<string, number> } {
  const own = routing.candidates.filter((c) => routing.orderLocations.has(c.locationId));
  const others = routing.candidates.filter((c) => !routing.orderLocations.has(c.locationId));
  const request = { stock, delivery: routing.delivery, orderTotal: routing.orderTotal };
  const first = planRouting({
    ...request, candidates: own, rules: { ...routing.rules, maxSplits: Math.max(routing.rules.maxSplits, own.length), minSplitOrderValue: 0 },
    demands: demands.map((d) => ({ ...d, policy: 'continue' as const })),
  });
  const missing = new Map(first.backorders.map((b) => [b.productId, b.quantity]));
  const rest = demands.filter((d) => (missing.get(d.productId) ?? 0) > 0).map((d) => ({ ...d, quantity: missing.get(d.productId) as number }));
  if (rest.length === 0) return { allocations: first.allocations, missing: new Map() };
  const used = new Set([...routing.orderLocations, ...first.allocations.map((a) => a.locationId)]).size;
  const locationsMax = routing.orderTotal < routing.rules.minSplitOrderValue ? 1 : routing.rules.maxSplits;
  const second = planRouting({
    ...request, candidates: others, demands: rest,
    rules: { ...routing.rules, maxSplits: Math.max(0, locationsMax - used), minSplitOrderValue: 0 },
  });
  const left = new Map<string, number>();
  for (const s of second.shortages) left.set(s.productId, s.requested - s.available);
  for (const b of second.backorders) left.set(b.productId, b.quantity);
  return { allocations: [...first.allocations, ...second.allocations], missing: left };
}

function shortageProblem(lines: readonly StockLine[], demands: readonly Demand[], missing: ReadonlyMap<string, number>): Problem | null {
  const errors: ProblemFieldError[] = [];
  for (const d of demands) {
    const short = missing.get(d.productId) ?? 0;
    if (d.policy !== 'deny' || short === 0) continue;
    for (const line of lines) {
      if (line.productId !== d.productId || line.delta <= 0) continue;
      errors.push({
        path: line.changeIndex === null ? 'changes' : `changes[${line.changeIndex}].quantity`, message: `only ${d.quantity - short} more available`,
        sku: line.sku, requested: d.quantity, available: d.quantity - short,
      });
    }
  }
  return errors.length === 0 ? null : new Problem('insufficient_inventory', `Not enough stock for ${[...new Set(errors.map((e) => e.sku))].join(', ')}.`, { errors });
}

/**
 * Plans the stock side of an edit. Units leave first (so a line that shrinks frees stock
 * another line of the same edit may take), then the added units are routed and handed to
 * the growing lines in line order; a continue-policy SKU backorders what no location has,
 * a deny-policy SKU makes the whole edit fail with insufficient_inventory.
 */
export function planStock(lines: readonly StockLine[], routing: RoutingInput): StockPlan {
  const stock = cloneStock(routing.stock);
  const releases: Release[] = [];
  const backordered = new Map<string, number>();
  for (const line of lines) backordered.set(line.id, line.delta < 0 ? shrink(line, -line.delta, stock, releases) : line.backordered);

  const demands = new Map<string, Demand>();
  for (const line of lines) {
    if (line.delta <= 0) continue;
    const demand = demands.get(line.productId);
    if (demand) demand.quantity += line.delta;
    else demands.set(line.productId, { productId: line.productId, sku: line.sku, quantity: line.delta, policy: line.policy });
  }
  if (demands.size === 0) return { releases, reservations: [], backordered };

  const { allocations, missing } = route([...demands.values()], routing, stock);
  const problem = shortageProblem(lines, [...demands.values()], missing);
  if (problem) throw problem;
  return { releases, reservations: handOut(lines, allocations, backordered), backordered };
}

/** Gives each growing line its share of the routed units in line order; the rest is backordered. */
function handOut(lines: readonly StockLine[], allocations: readonly PlannedAllocation[], backordered: Map<string, number>): Reservation[] {
  const growing = lines.filter((line) => line.delta > 0);
  const out = shareOut(allocations, growing.map((line) => ({ orderLineId: line.id, productId: line.productId, quantity: line.delta })));
  growing.forEach((line, i) => backordered.set(line.id, line.backordered + (out.unplaced[i] as number)));
  return out.allocations;
}

export interface StockDelta { sku: string; location: string | null; delta: number }

/**
 * The edit's effect on stock as the preview shows it: reserved units per (sku, location),
 * and backordered units per sku with `location: null`. Zero entries are left out.
 */
export function stockDeltas(lines: readonly StockLine[], plan: StockPlan, codeOf: ReadonlyMap<string, string>): StockDelta[] {
  const skuOf = new Map(lines.map((l) => [l.productId, l.sku]));
  const sums = new Map<string, StockDelta>();
  const add = (sku: string, location: string | null, delta: number) => {
    const key = `${sku}\u0000${location ?? ''}`;
    const entry = sums.get(key) ?? { sku, location, delta: 0 };
    entry.delta += delta;
    sums.set(key, entry);
  };
  for (const r of plan.reservations) add(skuOf.get(r.productId) ?? '', codeOf.get(r.locationId) ?? r.locationId, r.quantity);
  for (const r of plan.releases) add(skuOf.get(r.productId) ?? '', codeOf.get(r.locationId) ?? r.locationId, -r.quantity);
  for (const line of lines) add(line.sku, null, (plan.backordered.get(line.id) ?? line.backordered) - line.backordered);
  return [...sums.values()].filter((d) => d.delta !== 0)
    .sort((a, b) => (a.sku === b.sku ? ((a.location ?? '\uffff') < (b.location ?? '\uffff') ? -1 : 1) : a.sku < b.sku ? -1 : 1));
}
