// Simple exponential smoothing, i.e. ETS(A,N,N): the level follows the data with weight α.
// With α = 1 the level is the last observation, so SES reduces to the naive forecast.
import { fitEts } from './ets-fit.ts';
import { forecastEts } from './ets-forecast.ts';
import { naive } from './naive.ts';
import type { ForecastOptions, ForecastResult } from './types.ts';

/** Options of SES: a fixed α instead of the likelihood estimate. */
export interface SesOptions extends ForecastOptions {
  alpha?: number;
}

/** Simple exponential smoothing forecast (flat point path). */
export function ses(y: readonly number[], options: SesOptions): ForecastResult {
  const fixed = options.alpha === undefined ? {} : { alpha: options.alpha };
  const fit = y.length >= 3 ? fitEts(y, { error: 'A', trend: 'N', season: 'N' }, 1, { fixed }) : null;
  if (!fit) return { ...naive(y, options), notes: ['too short for SES: naive answered'] };
  return { ...forecastEts(fit, options.horizon, options.levels), method: 'ses' };
}
