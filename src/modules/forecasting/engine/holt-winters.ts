// Holt–Winters seasonal method: ETS(A,A,A) for additive seasonality and ETS(M,A,M) for
// multiplicative seasonality, as in R's `hw`. Needs two full seasons to initialise the figure.
import { fitEts } from './ets-fit.ts';
import { forecastEts } from './ets-forecast.ts';
import type { EtsParams } from './ets-model.ts';
import { holt } from './holt.ts';
import type { ForecastOptions, ForecastResult } from './types.ts';

/** Options of Holt–Winters. */
export interface HoltWintersOptions extends ForecastOptions {
  seasonal?: 'additive' | 'multiplicative';
  damped?: boolean;
  fixed?: Partial<EtsParams>;
}

/** Holt–Winters forecast; Holt answers when there is no usable season. */
export function holtWinters(y: readonly number[], options: HoltWintersOptions): ForecastResult {
  const m = Math.floor(options.season);
  const multiplicative = options.seasonal === 'multiplicative' && y.every((v) => v > 0);
  const spec = {
    error: multiplicative ? ('M' as const) : ('A' as const),
    trend: options.damped ? ('Ad' as const) : ('A' as const),
    season: multiplicative ? ('M' as const) : ('A' as const),
  };
  const fit = m >= 2 && y.length >= 2 * m ? fitEts(y, spec, m, { fixed: options.fixed ?? {}, initialStates: 'all' }) : null;
  if (!fit) {
    const r = holt(y, { ...options, damped: options.damped ?? false });
    return { ...r, notes: [...(r.notes ?? []), 'no usable season for Holt-Winters: Holt answered'] };
  }
  return { ...forecastEts(fit, options.horizon, options.levels), method: 'holt_winters' };
}
