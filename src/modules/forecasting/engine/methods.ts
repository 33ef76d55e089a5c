// The catalogue of forecasting methods by name, and the single entry point `forecast` that the
// rest of the application uses. Every method receives a cleaned series (gaps handled) and every
// answer passes through the same guarantees (finite, non-negative, ordered quantiles).
import { autoForecast, type AutoOptions } from './auto.ts';
import { croston, sba, tsb } from './croston.ts';
import { autoEts } from './ets-auto.ts';
import { holt } from './holt.ts';
import { holtWinters } from './holt-winters.ts';
import { historicalMean, naive, seasonalNaive } from './naive.ts';
import { prepareSeries } from './prepare.ts';
import { finalizeResult, flatQuantiles } from './quantiles.ts';
import { ses } from './ses.ts';
import { theta } from './theta.ts';
import type { ForecastOptions, ForecastResult, Forecaster, RawSeries } from './types.ts';

/** Every method that can be asked for by name. */
export const METHODS = {
  naive,
  seasonal_naive: seasonalNaive,
  mean: historicalMean,
  ses: (y, o) => ses(y, o),
  holt: (y, o) => holt(y, o),
  holt_damped: (y, o) => holt(y, { ...o, damped: true }),
  holt_winters: (y, o) => holtWinters(y, o),
  ets: (y, o) => autoEts(y, o),
  theta,
  croston: (y, o) => croston(y, o),
  sba: (y, o) => sba(y, o),
  tsb: (y, o) => tsb(y, o),
  auto: (y, o) => autoForecast(y, o),
} satisfies Record<string, Forecaster>;

/** Name of a method in the catalogue. */
export type MethodName = keyof typeof METHODS;

/** True when the name is a known method. */
export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(METHODS, name);
}

/** Options of `forecast`: horizon, season, and which method (default `auto`). */
export interface ForecastRequest extends ForecastOptions {
  method?: MethodName;
  /** Extra options of the automatic choice. */
  auto?: Omit<AutoOptions, keyof ForecastOptions>;
}

/** Forecasts one raw series (gaps allowed) with the named method, `auto` by default. */
export function forecast(series: RawSeries, request: ForecastRequest): ForecastResult {
  const horizon = Math.max(0, Math.floor(request.horizon));
  const season = Math.max(1, Math.floor(request.season));
  const options: ForecastOptions = { horizon, season, levels: request.levels };
  const method = request.method ?? 'auto';
  if (method === 'auto') return autoForecast(series, { ...options, ...request.auto });
  const y = prepareSeries(series).values;
  if (y.length === 0) {
    const point = new Array<number>(horizon).fill(0);
    return finalizeResult({ method: 'empty', point, quantiles: flatQuantiles(point, options.levels) });
  }
  return finalizeResult(METHODS[method](y, options));
}
