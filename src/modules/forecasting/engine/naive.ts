// Naive and seasonal naive forecasts: the benchmarks every other method has to beat. Their
// spread follows the random-walk algebra (Hyndman & Athanasopoulos, FPP3 §5.5): the error
// variance grows by one residual variance per elapsed season.
import { finalizeResult, normalQuantiles } from './quantiles.ts';
import type { ForecastOptions, ForecastResult } from './types.ts';

function rootMeanSquare(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  let s = 0;
  for (const x of xs) s += x * x;
  return Math.sqrt(s / xs.length);
}

/** Seasonal naive: each future period repeats the value one season earlier. */
export function seasonalNaive(y: readonly number[], options: ForecastOptions): ForecastResult {
  const m = Math.max(1, Math.floor(options.season));
  if (y.length < m || m === 1) {
    const r = naive(y, options);
    return m === 1 ? r : { ...r, notes: ['series shorter than one season: naive answered'] };
  }
  const n = y.length;
  const residuals: number[] = [];
  for (let t = m; t < n; t++) residuals.push((y[t] ?? 0) - (y[t - m] ?? 0));
  const sigma = rootMeanSquare(residuals);
  const point: number[] = [];
  const sd: number[] = [];
  for (let h = 1; h <= options.horizon; h++) {
    point.push(y[n - m + ((h - 1) % m)] ?? 0);
    sd.push(sigma * Math.sqrt(Math.floor((h - 1) / m) + 1));
  }
  return finalizeResult({ method: 'seasonal_naive', point, quantiles: normalQuantiles(point, sd, options.levels) });
}

/** Naive: every future period repeats the last observation. */
export function naive(y: readonly number[], options: ForecastOptions): ForecastResult {
  const n = y.length;
  const last = y[n - 1] ?? 0;
  const residuals: number[] = [];
  for (let t = 1; t < n; t++) residuals.push((y[t] ?? 0) - (y[t - 1] ?? 0));
  const sigma = rootMeanSquare(residuals);
  const point = Array.from({ length: options.horizon }, () => last);
  const sd = point.map((_, i) => sigma * Math.sqrt(i + 1));
  return finalizeResult({ method: 'naive', point, quantiles: normalQuantiles(point, sd, options.levels) });
}

/** Historical mean: the fallback for series too short for any model. */
export function historicalMean(y: readonly number[], options: ForecastOptions): ForecastResult {
  const n = y.length;
  const m = n > 0 ? y.reduce((a, b) => a + b, 0) / n : 0;
  const s2 = n > 1 ? y.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1) : 0;
  // The spread includes the uncertainty of the estimated mean itself.
  const sd = Math.sqrt(s2 * (1 + 1 / Math.max(1, n)));
  const point = Array.from({ length: options.horizon }, () => m);
  return finalizeResult({ method: 'mean', point, quantiles: normalQuantiles(point, point.map(() => sd), options.levels) });
}
