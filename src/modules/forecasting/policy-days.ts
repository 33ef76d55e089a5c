// Stock policy levels for lead times and review periods given in days, on a forecast in
// periods of several days (weeks). The engine's policyLevels works in whole periods and
// rounds, which turns a 10-day lead time on a weekly forecast into 7 days. Here a span of
// 1.43 periods is one whole period plus 0.43 of the next: the fraction takes that share
// of one draw of the next period's demand (days within a week move together), and
// forecast steps past the horizon repeat the last one. For whole periods the result is
// exactly the engine's (same draws in the same order).
import { seededRandom } from './engine/stats.ts';
import { quantileFunction, serviceStockLevel, type DemandForecast, type PolicyLevels } from './replenishment.ts';

export interface DayPolicyTarget {
  leadTimeDays: number;
  reviewPeriodDays: number;
  /** Service target α, e.g. 0.95. */
  serviceLevel: number;
  /** `cycle` (default): α is the chance of no stockout per cycle; `fill`: the share of demand served. */
  service?: 'cycle' | 'fill';
  /** Days per forecast period (7 for weekly forecasts). */
  periodDays: number;
  samples?: number;
  seed?: number;
}

/** The weight of each forecast step in a span of `periods` periods: ones, then the fraction. */
function spanWeights(periods: number): number[] {
  const whole = Math.floor(periods + 1e-9);
  const fraction = periods - whole;
  const weights = new Array<number>(whole).fill(1);
  if (fraction > 1e-9) weights.push(fraction);
  return weights;
}

/** The forecast with at least `steps` steps, the last step repeated. */
function extended(forecast: DemandForecast, steps: number): DemandForecast {
  const pad = (values: readonly number[]): number[] => {
    const out = values.slice();
    const last = out[out.length - 1] ?? 0;
    while (out.length < steps) out.push(last);
    return out;
  };
  return { point: pad(forecast.point), quantiles: forecast.quantiles.map((q) => ({ level: q.level, values: pad(q.values) })) };
}

/** Safety stock, reorder point and order-up-to level for day-based lead time and review period. */
export function policyLevelsInDays(forecast: DemandForecast, target: DayPolicyTarget): PolicyLevels {
  const leadPeriods = Math.max(0, target.leadTimeDays) / target.periodDays;
  const protectionPeriods = (Math.max(0, target.leadTimeDays) + Math.max(0, target.reviewPeriodDays)) / target.periodDays;
  const leadWeights = spanWeights(leadPeriods);
  const weights = spanWeights(protectionPeriods);
  const f = extended(forecast, weights.length);
  const mean = (w: readonly number[]) => w.reduce((s, x, k) => s + x * Math.max(0, f.point[k] ?? 0), 0);
  const leadTimeDemand = mean(leadWeights);
  const protectionDemand = mean(weights);

  const samples = target.samples ?? 2000;
  const uniform = seededRandom(target.seed ?? 12345);
  const fns = weights.map((_, k) => quantileFunction(f, k));
  const totals = new Array<number>(samples);
  for (let i = 0; i < samples; i++) {
    let s = 0;
    for (let k = 0; k < fns.length; k++) s += (weights[k] ?? 0) * (fns[k] as (u: number) => number)(uniform());
    totals[i] = s;
  }
  totals.sort((a, b) => a - b);
  const reviewShare = protectionPeriods > 0 ? Math.max(0, target.reviewPeriodDays) / target.periodDays / protectionPeriods : 0;
  const level = serviceStockLevel(totals, target.serviceLevel, target.service ?? 'cycle', protectionDemand * reviewShare);
  const safetyStock = Math.max(0, level - protectionDemand);
  return { leadTimeDemand, protectionDemand, safetyStock, reorderPoint: leadTimeDemand + safetyStock, orderUpTo: protectionDemand + safetyStock };
}
