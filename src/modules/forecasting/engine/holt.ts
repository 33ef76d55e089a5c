// Holt's linear trend method, ETS(A,A,N), optionally with Gardner's damped trend, ETS(A,Ad,N).
import { fitEts } from './ets-fit.ts';
import { forecastEts } from './ets-forecast.ts';
import type { EtsParams } from './ets-model.ts';
import { naive } from './naive.ts';
import type { ForecastOptions, ForecastResult } from './types.ts';

/** Options of Holt's method. */
export interface HoltOptions extends ForecastOptions {
  damped?: boolean;
  fixed?: Partial<EtsParams>;
}

/** Holt's linear (or damped) trend forecast. */
export function holt(y: readonly number[], options: HoltOptions): ForecastResult {
  const trend = options.damped ? 'Ad' : 'A';
  const fit = y.length >= 4 ? fitEts(y, { error: 'A', trend, season: 'N' }, 1, { fixed: options.fixed ?? {} }) : null;
  if (!fit) return { ...naive(y, options), notes: ['too short for Holt: naive answered'] };
  return { ...forecastEts(fit, options.horizon, options.levels), method: options.damped ? 'holt_damped' : 'holt' };
}
