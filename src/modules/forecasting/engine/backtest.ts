// Rolling-origin evaluation inside the training data (Tashman 2000): the series is cut at a few
// origins before its end, every candidate forecasts the following periods from each cut, and
// the errors are averaged. Nothing after the training data is ever looked at, so choosing a
// method this way is honest with respect to the hold-out used in evaluations.
import { quantileValues } from './quantiles.ts';
import type { ForecastResult } from './types.ts';

/** Where to cut the series and how far to look ahead from each cut. */
export interface BacktestPlan {
  /** Number of forecast origins. */
  origins: number;
  /** Steps scored after each origin. */
  horizon: number;
  /** Distance between consecutive origins. */
  stride: number;
  /** Shortest training part allowed at an origin. */
  minTrain: number;
}

/** Losses of one candidate, averaged over origins and steps. */
export interface BacktestScore {
  mae: number;
  mse: number;
  /** Mean pinball loss over the candidate's quantile levels. */
  pinball: number;
  /** Errors y − point per step (each inner array collects the origins). */
  errorsByStep: number[][];
}

/** Training lengths at which forecasts are made, latest first; empty when the series is too short. */
export function originLengths(n: number, plan: BacktestPlan): number[] {
  const out: number[] = [];
  for (let k = 0; k < plan.origins; k++) {
    const len = n - plan.horizon - k * plan.stride;
    if (len < plan.minTrain) break;
    out.push(len);
  }
  return out;
}

/**
 * Runs the backtest. `forecastAll` returns every candidate's forecast for a training prefix,
 * so candidates that share work (e.g. combinations of fitted models) are computed once.
 */
export function backtest(
  y: readonly number[],
  plan: BacktestPlan,
  forecastAll: (train: readonly number[], horizon: number) => Record<string, ForecastResult>,
): Record<string, BacktestScore> {
  const acc: Record<string, { abs: number; sq: number; pin: number; pinCount: number; count: number; errors: number[][] }> = {};
  for (const len of originLengths(y.length, plan)) {
    const train = y.slice(0, len);
    const steps = Math.min(plan.horizon, y.length - len);
    const forecasts = forecastAll(train, steps);
    for (const [name, f] of Object.entries(forecasts)) {
      const a = (acc[name] ??= { abs: 0, sq: 0, pin: 0, pinCount: 0, count: 0, errors: Array.from({ length: plan.horizon }, () => []) });
      for (let h = 0; h < steps; h++) {
        const actual = y[len + h] ?? 0;
        const e = actual - (f.point[h] ?? 0);
        a.abs += Math.abs(e);
        a.sq += e * e;
        a.count++;
        a.errors[h]?.push(e);
        for (const q of f.quantiles) {
          const v = quantileValues(f, q.level)?.[h] ?? 0;
          a.pin += Math.abs((actual - v) * ((actual <= v ? 1 : 0) - q.level));
          a.pinCount++;
        }
      }
    }
  }
  const out: Record<string, BacktestScore> = {};
  for (const [name, a] of Object.entries(acc)) {
    out[name] = {
      mae: a.count > 0 ? a.abs / a.count : Infinity,
      mse: a.count > 0 ? a.sq / a.count : Infinity,
      pinball: a.pinCount > 0 ? a.pin / a.pinCount : Infinity,
      errorsByStep: a.errors,
    };
  }
  return out;
}
