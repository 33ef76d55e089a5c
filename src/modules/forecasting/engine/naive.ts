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
