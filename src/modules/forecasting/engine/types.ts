// Shared shapes of the forecasting engine. Everything here is plain data so results can be
// serialised, compared in tests and passed across worker threads without conversion.

/** The quantile levels every forecast carries, 0.1 … 0.9. */
export const QUANTILE_LEVELS: readonly number[] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** One quantile level and its values for each forecast step. */
export interface QuantileForecast {
  level: number;
  values: number[];
}

/** The answer of every forecasting method: which method answered, point path and quantiles. */
export interface ForecastResult {
  /** The method that produced the numbers, e.g. `ets(M,Ad,N)`, `theta`, `sba`, `zero`. */
  method: string;
  /** Point forecast per step (never negative, never NaN). */
  point: number[];
  /** Quantiles per level, ordered by level and non-crossing at every step. */
  quantiles: QuantileForecast[];
  /** Optional free-form remarks (why a fallback answered, what was selected against what). */
  notes?: string[];
}

/** Options shared by all methods. */
export interface ForecastOptions {
  /** Number of steps to forecast (≥ 1). */
  horizon: number;
  /** Season length in periods (1 = no seasonality). */
  season: number;
  /** Quantile levels to report; defaults to QUANTILE_LEVELS. */
  levels?: readonly number[];
}

/** A raw series as it arrives: numbers, with `null`/NaN marking missing values. */
export type RawSeries = ReadonlyArray<number | null | undefined>;

/** A forecasting method working on a clean series (no gaps, finite values). */
export type Forecaster = (y: readonly number[], options: ForecastOptions) => ForecastResult;

/** Point forecast together with the standard deviation of the forecast error per step. */
export interface MeanAndSpread {
  point: number[];
  sd: number[];
}
