// The Theta method (Assimakopoulos & Nikolopoulos 2000) in the form shown by Hyndman & Billah
// (2003) to be simple exponential smoothing with a drift of half the regression slope, applied
// to multiplicatively deseasonalised data when the lag-m autocorrelation is significant. This
// follows `forecast::thetaf`; the spread comes from the SES error variance, rescaled by the
// seasonal index so that the intervals keep the seasonal shape of the point path.
import { classicalDecomposition, isSeasonal } from './decompose.ts';
import { fitEts } from './ets-fit.ts';
import { naive } from './naive.ts';
import { finalizeResult, normalQuantiles } from './quantiles.ts';
import { linearFit } from './stats.ts';
import type { ForecastOptions, ForecastResult } from './types.ts';

/** Seasonal indices to divide out, or null when the series shows no significant season. */
function seasonalFigure(y: readonly number[], m: number): number[] | null {
  if (m < 2 || y.length < 2 * m || !y.every((v) => v > 0) || !isSeasonal(y, m)) return null;
  return classicalDecomposition(y, m, 'multiplicative')?.figure ?? null;
}

/** Standard Theta forecast (θ = 2 line extrapolated by SES with drift). */
export function theta(y: readonly number[], options: ForecastOptions): ForecastResult {
  const n = y.length;
  const m = Math.max(1, Math.floor(options.season));
  if (n < 4) return { ...naive(y, options), notes: ['too short for Theta: naive answered'] };
  const figure = seasonalFigure(y, m);
  const adjusted = figure ? y.map((v, t) => v / (figure[t % m] ?? 1)) : y.slice();
  const fit = fitEts(adjusted, { error: 'A', trend: 'N', season: 'N' }, 1);
  if (!fit) return { ...naive(y, options), notes: ['SES failed inside Theta: naive answered'] };
  const alpha = Math.max(1e-10, fit.params.alpha);
  const drift = linearFit(adjusted, 0).slope / 2;
  const sigma = Math.sqrt(fit.sigma2);
  const point: number[] = [];
  const sd: number[] = [];
  for (let h = 1; h <= options.horizon; h++) {
    const index = figure ? (figure[(n + h - 1) % m] ?? 1) : 1;
    const mean = fit.final.level + drift * (h - 1 + (1 - Math.pow(1 - alpha, n)) / alpha);
    point.push(mean * index);
    sd.push(sigma * Math.sqrt(1 + (h - 1) * alpha * alpha) * index);
  }
  return finalizeResult({
    method: figure ? 'theta(seasonal)' : 'theta',
    point,
    quantiles: normalQuantiles(point, sd, options.levels),
  });
}
