// Replenishment arithmetic on top of forecast quantiles. Demand over a protection interval
// (lead time L plus review period R) is the sum of several periods' demand; its quantiles are not
// the sums of the periods' quantiles, so the sum is sampled: each period's quantile function is
// rebuilt from the forecast's quantiles (linear between levels, normal-shaped tails beyond the
// outermost levels), periods are drawn independently, and quantiles are read off the sorted sums.
// Sampling is seeded, so the same forecast always gives the same policy.
import { normalQuantile, seededRandom, sortedQuantile } from './engine/stats.ts';
import type { ForecastResult } from './engine/types.ts';

/** The part of a forecast the replenishment maths needs. */
export type DemandForecast = Pick<ForecastResult, 'point' | 'quantiles'>;

/** Inverse CDF of one period's demand, rebuilt from the forecast's quantiles at that step. */
export function quantileFunction(forecast: DemandForecast, step: number): (u: number) => number {
  const qs = forecast.quantiles
    .map((q) => ({ level: q.level, value: Math.max(0, q.values[step] ?? forecast.point[step] ?? 0) }))
    .sort((a, b) => a.level - b.level);
  const point = Math.max(0, forecast.point[step] ?? 0);
  const first = qs[0];
  const last = qs[qs.length - 1];
  if (!first || !last) return () => point;
  const levels = qs.map((q) => q.level);
  const values = qs.map((q) => q.value);
  // Tail spreads come from the outermost level and the median (or the level closest to it).
  const mid = qs.reduce((b, q) => (Math.abs(q.level - 0.5) < Math.abs(b.level - 0.5) ? q : b), first);
  const spread = (a: { level: number; value: number }): number => {
    const dz = normalQuantile(a.level) - normalQuantile(mid.level);
    return Math.abs(dz) > 1e-9 ? (a.value - mid.value) / dz : 0;
  };
  const upper = Math.max(0, spread(last));
  const lower = Math.max(0, spread(first));
  return (u: number): number => {
    if (u >= last.level) return last.value + upper * (normalQuantile(Math.min(u, 1 - 1e-12)) - normalQuantile(last.level));
    if (u <= first.level) return Math.max(0, first.value - lower * (normalQuantile(first.level) - normalQuantile(Math.max(u, 1e-12))));
    let i = 1;
    while (i < levels.length - 1 && (levels[i] ?? 1) < u) i++;
    const l0 = levels[i - 1] ?? 0;
    const l1 = levels[i] ?? 1;
    const v0 = values[i - 1] ?? 0;
    const v1 = values[i] ?? v0;
    return v0 + ((u - l0) / (l1 - l0 || 1)) * (v1 - v0);
  };
}

/** Sampling settings for demand over several periods. */
export interface SamplingOptions {
  samples?: number;
  seed?: number;
}

/** Sorted samples of total demand over steps [first, first + count) of the forecast (0-based). */
export function sampleDemandTotal(forecast: DemandForecast, first: number, count: number, options: SamplingOptions = {}): number[] {
  const samples = options.samples ?? 2000;
  const uniform = seededRandom(options.seed ?? 12345);
  const fns = Array.from({ length: Math.max(0, count) }, (_, k) => quantileFunction(forecast, first + k));
  const totals = new Array<number>(samples);
  for (let i = 0; i < samples; i++) {
    let s = 0;
    for (const f of fns) s += f(uniform());
    totals[i] = s;
  }
  return totals.sort((a, b) => a - b);
}

/** Expected (point) demand over steps [first, first + count). */
export function meanDemand(forecast: DemandForecast, first: number, count: number): number {
  let s = 0;
  for (let k = 0; k < count; k++) s += Math.max(0, forecast.point[first + k] ?? 0);
  return s;
}

/** A stock policy target: lead time, review period (in forecast periods) and service level. */
export interface PolicyTarget {
  leadTime: number;
  reviewPeriod: number;
  /** Service target α, e.g. 0.95 (meaning depends on `service`). */
  serviceLevel: number;
  /**
   * `cycle` (default): α is the probability of no stockout within a replenishment cycle.
   * `fill`: α is the share of demand served from stock (expected shortage per cycle = (1 − α)·demand per review period).
   */
  service?: 'cycle' | 'fill';
  /** First forecast step the policy applies to (0 = the next period). */
  fromStep?: number;
  sampling?: SamplingOptions;
}

/** The policy levels for one item, in units. */
export interface PolicyLevels {
  /** Expected demand over the lead time. */
  leadTimeDemand: number;
  /** Expected demand over lead time plus review period (the protection interval). */
  protectionDemand: number;
  safetyStock: number;
  reorderPoint: number;
  orderUpTo: number;
}

/**
 * Safety stock, reorder point and order-up-to level. Safety stock is the α-quantile of demand
 * over L + R minus its mean (never below 0); the reorder point is lead-time demand plus safety
 * stock, and the order-up-to level is protection-interval demand plus safety stock.
 */
export function policyLevels(forecast: DemandForecast, target: PolicyTarget): PolicyLevels {
  const from = target.fromStep ?? 0;
  const span = Math.max(1, Math.round(target.leadTime + target.reviewPeriod));
  const protectionDemand = meanDemand(forecast, from, span);
  const leadTimeDemand = meanDemand(forecast, from, Math.max(0, Math.round(target.leadTime)));
  const totals = sampleDemandTotal(forecast, from, span, target.sampling);
  const reviewDemand = (protectionDemand * Math.max(1, target.reviewPeriod)) / span;
  const level = serviceStockLevel(totals, target.serviceLevel, target.service ?? 'cycle', reviewDemand);
  const safetyStock = Math.max(0, level - protectionDemand);
  return {
    leadTimeDemand,
    protectionDemand,
    safetyStock,
    reorderPoint: leadTimeDemand + safetyStock,
    orderUpTo: protectionDemand + safetyStock,
  };
}

/** Stock level meeting the service target for sampled protection-interval demand (sorted). */
export function serviceStockLevel(sortedTotals: readonly number[], serviceLevel: number, service: 'cycle' | 'fill', reviewDemand: number): number {
  return service === 'fill' ? fillRateLevel(sortedTotals, serviceLevel, reviewDemand) : sortedQuantile(sortedTotals, serviceLevel);
}

/**
 * Smallest stock level S whose expected shortage per cycle, E[(X − S)⁺] over the sampled
 * protection-interval demand X, is at most (1 − α) times the demand of one review period
 * (the standard (R, S) fill-rate relation, Silver, Pyke & Thomas 2017, §7.6).
 */
export function fillRateLevel(sortedTotals: readonly number[], fillRate: number, reviewDemand: number): number {
  const n = sortedTotals.length;
  if (n === 0) return 0;
  const allowed = Math.max(0, 1 - fillRate) * Math.max(0, reviewDemand);
  // Walk down from the largest sample: shortage(S) is piecewise linear between samples.
  let above = 0; // sum of the samples above the current candidate level
  for (let k = n - 1; k >= 0; k--) {
    const x = sortedTotals[k] ?? 0;
    const count = n - 1 - k; // samples strictly above x
    const shortageAtX = (above - count * x) / n;
    if (shortageAtX > allowed) {
      // The level lies between x and the next sample: solve (above − count·S)/n = allowed.
      return count > 0 ? Math.max(x, (above - allowed * n) / count) : x;
    }
    above += x;
  }
  return Math.max(0, (above - allowed * n) / n);
}

/** Safety stock for a service level over lead time plus review period. */
export function safetyStock(forecast: DemandForecast, target: PolicyTarget): number {
  return policyLevels(forecast, target).safetyStock;
}

/** Reorder point: expected lead-time demand plus safety stock. */
export function reorderPoint(forecast: DemandForecast, target: PolicyTarget): number {
  return policyLevels(forecast, target).reorderPoint;
}

/** Order-up-to level: expected demand over L + R plus safety stock. */
export function orderUpToLevel(forecast: DemandForecast, target: PolicyTarget): number {
  return policyLevels(forecast, target).orderUpTo;
}

/** Stock figures of an item at the moment of review. */
export interface StockPosition {
  onHand: number;
  reserved: number;
  onOrder: number;
}

/** Inventory position: on hand minus reserved plus on order. */
export function inventoryPosition(p: StockPosition): number {
  return p.onHand - p.reserved + p.onOrder;
}

/** Rounding rules for a suggested order. */
export interface OrderRules {
  packSize?: number;
  minimumOrder?: number;
}

/** Quantity to order to bring the inventory position up to the order-up-to level (whole units). */
export function suggestedOrderQuantity(orderUpTo: number, position: StockPosition, rules: OrderRules = {}): number {
  const gap = orderUpTo - inventoryPosition(position);
  if (!(gap > 1e-9)) return 0;
  let q = Math.ceil(gap - 1e-9);
  if (rules.minimumOrder !== undefined) q = Math.max(q, rules.minimumOrder);
  if (rules.packSize !== undefined && rules.packSize > 0) q = Math.ceil(q / rules.packSize) * rules.packSize;
  return q;
}

/** Calendar of the forecast: when step 0 starts and how many days a period lasts. */
export interface ForecastCalendar {
  start: Date;
  periodDays: number;
}

const DAY_MS = 86_400_000;

/**
 * Date on which available stock runs out if demand follows the point forecast (demand spread
 * evenly within each period), or null when it lasts beyond the forecast horizon.
 */
export function projectedStockoutDate(available: number, point: readonly number[], calendar: ForecastCalendar): Date | null {
  let left = Math.max(0, available);
  for (let k = 0; k < point.length; k++) {
    const d = Math.max(0, point[k] ?? 0);
    if (d > left) {
      const fraction = d > 0 ? left / d : 0;
      return new Date(calendar.start.getTime() + (k + fraction) * calendar.periodDays * DAY_MS);
    }
    left -= d;
  }
  return null;
}

/** Weeks of demand the available stock covers at the forecast's average rate (∞ without demand). */
export function weeksOfCover(available: number, point: readonly number[], periodDays: number): number {
  const perPeriod = point.length > 0 ? point.reduce((a, b) => a + Math.max(0, b), 0) / point.length : 0;
  const perWeek = (perPeriod * 7) / periodDays;
  if (perWeek <= 0) return available > 0 ? Infinity : 0;
  return Math.max(0, available) / perWeek;
}

/** True when the available stock covers more than `maxWeeks` weeks of forecast demand. */
export function isOverstocked(available: number, point: readonly number[], periodDays: number, maxWeeks: number): boolean {
  return weeksOfCover(available, point, periodDays) > maxWeeks;
}
