// Methods for intermittent demand. Croston (1972) smooths the non-zero sizes and the intervals
// between them separately; SBA (Syntetos & Boylan 2005) removes Croston's upward bias with the
// factor 1 − α/2; TSB (Teunter, Syntetos & Babai 2011) smooths the probability of demand every
// period instead of the interval, so its forecast decays when demand stops (obsolescence).
// Quantiles come from the implied compound distribution: demand occurs with probability π and
// its size follows the empirical non-zero sizes, rescaled so that the mean matches the forecast.
import { finalizeResult } from './quantiles.ts';
import { sortedQuantile } from './stats.ts';
import { QUANTILE_LEVELS, type ForecastOptions, type ForecastResult, type QuantileForecast } from './types.ts';

/** Which intermittent-demand variant to run. */
export type IntermittentVariant = 'croston' | 'sba' | 'tsb';

/** Options: smoothing constants (chosen by in-sample MSE from a small grid when omitted). */
export interface CrostonOptions extends ForecastOptions {
  alpha?: number;
  beta?: number;
}

interface Estimate {
  /** One-step forecast after the last observation. */
  forecast: number;
  /** Probability of a non-zero demand in a period. */
  probability: number;
  /** In-sample one-step squared error (for choosing the smoothing constants). */
  mse: number;
}

const GRID = [0.05, 0.1, 0.2, 0.3];

function runCroston(y: readonly number[], alpha: number, variant: 'croston' | 'sba'): Estimate {
  let size = NaN;
  let interval = NaN;
  let since = 0;
  let sse = 0;
  let count = 0;
  const bias = variant === 'sba' ? 1 - alpha / 2 : 1;
  for (const v of y) {
    since++;
    if (Number.isFinite(size)) {
      const f = (bias * size) / interval;
      sse += (v - f) ** 2;
      count++;
    }
    if (v > 0) {
      // The first demand initialises both smoothers (Croston's original proposal).
      size = Number.isFinite(size) ? size + alpha * (v - size) : v;
      interval = Number.isFinite(interval) ? interval + alpha * (since - interval) : since;
      since = 0;
    }
  }
  if (!Number.isFinite(size)) return { forecast: 0, probability: 0, mse: 0 };
  return { forecast: (bias * size) / interval, probability: Math.min(1, 1 / interval), mse: count > 0 ? sse / count : 0 };
}

function runTsb(y: readonly number[], alpha: number, beta: number): Estimate {
  const nonZero = y.filter((v) => v > 0);
  if (nonZero.length === 0) return { forecast: 0, probability: 0, mse: 0 };
  // Start from the whole-sample averages so that the first periods are not dominated by noise.
  let p = nonZero.length / y.length;
  let size = nonZero.reduce((a, b) => a + b, 0) / nonZero.length;
  let sse = 0;
  for (const v of y) {
    sse += (v - p * size) ** 2;
    p += beta * ((v > 0 ? 1 : 0) - p);
    if (v > 0) size += alpha * (v - size);
  }
  return { forecast: p * size, probability: p, mse: sse / y.length };
}

function estimate(y: readonly number[], variant: IntermittentVariant, options: CrostonOptions): Estimate {
  const alphas = options.alpha === undefined ? GRID : [options.alpha];
  const betas = variant === 'tsb' ? (options.beta === undefined ? GRID : [options.beta]) : [0];
  let best: Estimate | null = null;
  for (const a of alphas) {
    for (const b of betas) {
      const e = variant === 'tsb' ? runTsb(y, a, b) : runCroston(y, a, variant);
      if (!best || e.mse < best.mse) best = e;
    }
  }
  return best ?? { forecast: 0, probability: 0, mse: 0 };
}

/** Quantiles of "demand with probability π, size drawn from the rescaled empirical sizes". */
export function compoundQuantiles(
  forecast: number,
  probability: number,
  sizes: readonly number[],
  horizon: number,
  levels: readonly number[] = QUANTILE_LEVELS,
): QuantileForecast[] {
  const pi = Math.min(1, Math.max(0, probability));
  const sorted = sizes.slice().sort((a, b) => a - b);
  const meanSize = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  const scale = pi > 0 && meanSize > 0 ? forecast / pi / meanSize : 0;
  return levels.map((level) => {
    const v = level <= 1 - pi || scale === 0 ? 0 : scale * sortedQuantile(sorted, (level - (1 - pi)) / pi);
    return { level, values: new Array<number>(horizon).fill(v) };
  });
}

/** Croston-family forecast (flat point path) with compound-distribution quantiles. */
export function intermittent(y: readonly number[], variant: IntermittentVariant, options: CrostonOptions): ForecastResult {
  const demand = y.map((v) => (v > 0 ? v : 0));
  const e = estimate(demand, variant, options);
  const point = new Array<number>(options.horizon).fill(e.forecast);
  const sizes = demand.filter((v) => v > 0);
  const quantiles = compoundQuantiles(e.forecast, e.probability, sizes, options.horizon, options.levels);
  return finalizeResult({ method: variant, point, quantiles });
}

/** Croston's method. */
export function croston(y: readonly number[], options: CrostonOptions): ForecastResult {
  return intermittent(y, 'croston', options);
}

/** Syntetos–Boylan approximation (bias-corrected Croston). */
export function sba(y: readonly number[], options: CrostonOptions): ForecastResult {
  return intermittent(y, 'sba', options);
}

/** Teunter–Syntetos–Babai method. */
export function tsb(y: readonly number[], options: CrostonOptions): ForecastResult {
  return intermittent(y, 'tsb', options);
}
