// Replaying the hold-out of a data set through an inventory policy. For every series a forecast
// is made once at the end of its training part; during the hold-out an (R, S) policy with lost
// sales runs on it: every R periods the inventory position is raised to the order-up-to level
// for the coming L + R periods (read from that fixed-origin forecast), orders arrive L periods
// later, and demand is the real held-out demand. The same replay driven by seasonal naive shows
// what the forecasting engine is worth in stock and service.
import { forecast, type MethodName } from './engine/methods.ts';
import type { ForecastResult } from './engine/types.ts';
import { holdOut, type WideData } from './evaluate.ts';
import { meanDemand, sampleDemandTotal, serviceStockLevel } from './replenishment.ts';

/** Levels requested from the engine so that service targets up to 0.995 need little extrapolation. */
export const POLICY_LEVELS: readonly number[] = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995,
];

/** How a service target α is read. */
export type ServiceKind = 'cycle' | 'fill';

/** Settings of a simulation run. */
export interface SimulationOptions {
  horizon: number;
  season: number;
  leadTime: number;
  reviewPeriod: number;
  serviceLevels: readonly number[];
  /** How α is read: cycle service level and/or fill rate (see PolicyTarget); one row set each. */
  services: readonly ServiceKind[];
  methods: readonly MethodName[];
  samples?: number;
}

/** Totals of one replay. */
export interface ReplayOutcome {
  demand: number;
  filled: number;
  /** Sum over periods of the stock on hand at the end of each period. */
  stockPeriods: number;
  periods: number;
  /** Periods in which some demand went unmet. */
  stockoutPeriods: number;
}

/** Replays held-out demand through an (R, S) lost-sales policy whose levels come from `orderUpTo(t)`. */
export function replay(actual: readonly number[], orderUpTo: (t: number) => number, leadTime: number, reviewPeriod: number): ReplayOutcome {
  const L = Math.max(0, Math.round(leadTime));
  const R = Math.max(1, Math.round(reviewPeriod));
  const arrivals = new Array<number>(actual.length + L + 1).fill(0);
  // Start in the state the policy aims for: stock on hand up to the first order-up-to level.
  let onHand = Math.max(0, orderUpTo(0));
  let onOrder = 0;
  const out: ReplayOutcome = { demand: 0, filled: 0, stockPeriods: 0, periods: 0, stockoutPeriods: 0 };
  for (let t = 0; t < actual.length; t++) {
    onHand += arrivals[t] ?? 0;
    onOrder -= arrivals[t] ?? 0;
    if (t > 0 && t % R === 0) {
      const q = Math.max(0, Math.ceil(orderUpTo(t) - (onHand + onOrder) - 1e-9));
      if (L === 0) onHand += q;
      else {
        arrivals[t + L] = (arrivals[t + L] ?? 0) + q;
        onOrder += q;
      }
    }
    const d = Math.max(0, actual[t] ?? 0);
    const filled = Math.min(d, onHand);
    onHand -= filled;
    out.demand += d;
    out.filled += filled;
    if (filled < d) out.stockoutPeriods++;
    out.stockPeriods += onHand;
    out.periods++;
  }
  return out;
}

/** One row of the simulation table. */
export interface SimulationRow {
  method: MethodName;
  service: ServiceKind;
  serviceLevel: number;
  /** Units delivered from stock over units demanded, over all series (volume-weighted). */
  fillRate: number;
  /** Fill rate of each series, averaged with equal weight per series. */
  meanSeriesFillRate: number;
  /** Share of periods without a stockout. */
  periodServiceLevel: number;
  /** Average stock held, in periods of average demand. */
  coverPeriods: number;
  /** Average stock held, in units summed over all series. */
  averageStock: number;
  series: number;
}

/** One policy variant: how α is read and its value. */
interface Target {
  service: ServiceKind;
  level: number;
}

interface Totals {
  demand: number;
  filled: number;
  stock: number;
  periods: number;
  stockouts: number;
  series: number;
  rateSum: number;
}

function orderUpToPath(f: ForecastResult, steps: number, targets: readonly Target[], options: SimulationOptions, span: number): number[][] {
  // One sample of protection-interval demand per period serves every target at once.
  return Array.from({ length: steps }, (_, t) => {
    const totals = sampleDemandTotal(f, t, span, { samples: options.samples ?? 1000, seed: 7919 + t });
    const mean = meanDemand(f, t, span);
    const reviewDemand = (mean * Math.max(1, options.reviewPeriod)) / span;
    return targets.map((g) => mean + Math.max(0, serviceStockLevel(totals, g.level, g.service, reviewDemand) - mean));
  });
}

function accumulate(acc: Totals, o: ReplayOutcome): void {
  acc.demand += o.demand;
  acc.filled += o.filled;
  acc.stock += o.stockPeriods;
  acc.periods += o.periods;
  acc.stockouts += o.stockoutPeriods;
  acc.rateSum += o.demand > 0 ? o.filled / o.demand : 1;
  acc.series++;
}

function toRow(method: MethodName, target: Target, acc: Totals): SimulationRow {
  const avgDemandPerPeriod = acc.periods > 0 ? acc.demand / acc.periods : 0;
  return {
    method,
    service: target.service,
    serviceLevel: target.level,
    fillRate: acc.demand > 0 ? acc.filled / acc.demand : 1,
    meanSeriesFillRate: acc.series > 0 ? acc.rateSum / acc.series : 1,
    periodServiceLevel: acc.periods > 0 ? 1 - acc.stockouts / acc.periods : 1,
    coverPeriods: avgDemandPerPeriod > 0 ? acc.stock / acc.periods / avgDemandPerPeriod : 0,
    averageStock: acc.periods > 0 ? (acc.stock / acc.periods) * acc.series : 0,
    series: acc.series,
  };
}

/** Runs the replay for every method, service reading, service level and series of the data set. */
export function simulate(data: WideData, options: SimulationOptions): SimulationRow[] {
  const span = Math.max(1, Math.round(options.leadTime + options.reviewPeriod));
  const split = holdOut(data, options.horizon);
  const targets: Target[] = options.services.flatMap((service) => options.serviceLevels.map((level) => ({ service, level })));
  const rows: SimulationRow[] = [];
  for (const method of options.methods) {
    const totals: Totals[] = targets.map(() => ({ demand: 0, filled: 0, stock: 0, periods: 0, stockouts: 0, series: 0, rateSum: 0 }));
    for (const s of split) {
      const actual = s.actual.map((v) => (v === null ? 0 : v));
      if (actual.length === 0) continue;
      // The forecast is made once, at the end of the training part, far enough to cover L + R.
      const f = forecast(s.train, { horizon: actual.length + span - 1, season: options.season, method, levels: POLICY_LEVELS });
      const levels = orderUpToPath(f, actual.length, targets, options, span);
      targets.forEach((_, i) => {
        const acc = totals[i];
        if (acc) accumulate(acc, replay(actual, (t) => levels[t]?.[i] ?? 0, options.leadTime, options.reviewPeriod));
      });
    }
    targets.forEach((g, i) => {
      const acc = totals[i];
      if (acc) rows.push(toRow(method, g, acc));
    });
  }
  return rows;
}

/** The simulation table as a Markdown table. */
export function formatSimulation(rows: readonly SimulationRow[]): string {
  const header = '| method | α read as | target α | fill rate | mean fill rate per series | periods without stockout | avg stock (periods of demand) | avg stock (units, all series) |';
  const rule = '|---|---|---:|---:|---:|---:|---:|---:|';
  const body = rows.map(
    (r) =>
      `| ${r.method} | ${r.service === 'fill' ? 'fill rate' : 'cycle service'} | ${r.serviceLevel.toFixed(2)} | ${(100 * r.fillRate).toFixed(2)}% | ${(100 * r.meanSeriesFillRate).toFixed(2)}% | ${(100 * r.periodServiceLevel).toFixed(2)}% | ${r.coverPeriods.toFixed(2)} | ${Math.round(r.averageStock)} |`,
  );
  return [header, rule, ...body].join('\n');
}
