// Forecast accuracy metrics, defined exactly as in the published evaluation protocol of the
// hospital data set: MASE and RMSSE scaled by the in-sample seasonal difference (lag = season),
// averaged over every series and step, and the weighted quantile loss (WQL) over τ = 0.1 … 0.9,
// i.e. the mean quantile loss over series, steps and levels divided by the mean |y|.
import type { ForecastResult } from './engine/types.ts';
import { QUANTILE_LEVELS } from './engine/types.ts';

/** One scored series: its training part, the held-out actuals and the forecast for them. */
export interface ScoredSeries {
  train: readonly number[];
  /** Held-out values; null/NaN marks a missing actual that is skipped. */
  actual: ReadonlyArray<number | null>;
  forecast: Pick<ForecastResult, 'point' | 'quantiles'>;
}

/** Aggregate scores over a set of series. */
export interface Scores {
  mase: number;
  rmsse: number;
  wql: number;
  /** Series that contributed to MASE/RMSSE (a zero in-sample scale makes a series unscorable). */
  series: number;
  excluded: number;
}

/**
 * Mean of |y_t − y_{t−lag}|^power over the training data (lag = season, or 1 when the series is
 * not longer than a season). Zero means the series cannot be scaled.
 */
export function seasonalScale(train: readonly number[], season: number, power: 1 | 2): number {
  const lag = train.length > season && season >= 1 ? season : 1;
  let s = 0;
  let k = 0;
  for (let t = lag; t < train.length; t++) {
    const d = Math.abs((train[t] ?? 0) - (train[t - lag] ?? 0));
    s += power === 1 ? d : d * d;
    k++;
  }
  return k > 0 ? s / k : 0;
}

/** Pinball loss in the protocol's scaling: 2·|(y − q)·(1{y ≤ q} − τ)|. */
export function quantileLoss(y: number, q: number, tau: number): number {
  return 2 * Math.abs((y - q) * ((y <= q ? 1 : 0) - tau));
}

function present(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** MASE of one series: mean absolute error over the steps divided by the seasonal scale. */
export function mase(actual: ReadonlyArray<number | null>, point: readonly number[], train: readonly number[], season: number): number {
  const scale = seasonalScale(train, season, 1);
  let s = 0;
  let k = 0;
  actual.forEach((y, h) => {
    if (!present(y)) return;
    s += Math.abs(y - (point[h] ?? 0));
    k++;
  });
  return scale > 0 && k > 0 ? s / k / scale : NaN;
}

/** RMSSE of one series: root of mean squared error over the mean squared seasonal difference. */
export function rmsse(actual: ReadonlyArray<number | null>, point: readonly number[], train: readonly number[], season: number): number {
  const scale = seasonalScale(train, season, 2);
  let s = 0;
  let k = 0;
  actual.forEach((y, h) => {
    if (!present(y)) return;
    s += (y - (point[h] ?? 0)) ** 2;
    k++;
  });
  return scale > 0 && k > 0 ? Math.sqrt(s / k / scale) : NaN;
}

/** Scores a set of forecasts: MASE and RMSSE averaged over series and steps, WQL over all. */
export function score(items: readonly ScoredSeries[], season: number, levels: readonly number[] = QUANTILE_LEVELS): Scores {
  let maseSum = 0;
  let rmsseSum = 0;
  let counted = 0;
  let excluded = 0;
  let lossSum = 0;
  let lossCount = 0;
  let absSum = 0;
  let absCount = 0;
  for (const item of items) {
    const a = mase(item.actual, item.forecast.point, item.train, season);
    const r = rmsse(item.actual, item.forecast.point, item.train, season);
    if (Number.isFinite(a) && Number.isFinite(r)) {
      maseSum += a;
      rmsseSum += r;
      counted++;
    } else {
      excluded++;
    }
    item.actual.forEach((y, h) => {
      if (!present(y)) return;
      absSum += Math.abs(y);
      absCount++;
      for (const tau of levels) {
        const q = item.forecast.quantiles.find((x) => Math.abs(x.level - tau) < 1e-9)?.values[h] ?? item.forecast.point[h] ?? 0;
        lossSum += quantileLoss(y, q, tau);
        lossCount++;
      }
    });
  }
  const meanAbs = absCount > 0 ? absSum / absCount : 0;
  return {
    mase: counted > 0 ? maseSum / counted : NaN,
    rmsse: counted > 0 ? rmsseSum / counted : NaN,
    wql: lossCount > 0 && meanAbs > 0 ? lossSum / lossCount / meanAbs : NaN,
    series: counted,
    excluded,
  };
}
