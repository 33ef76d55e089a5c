// Classical seasonal decomposition (moving-average trend, averaged seasonal figure) and the
// seasonality test used by the Theta method. Both follow R's `decompose` and `forecast::thetaf`
// so that results can be compared with the published reference implementations.
import { acf, normalQuantile } from './stats.ts';

/** Seasonal figure (length m, index i applies to times t ≡ i mod m) and the centred trend. */
export interface Decomposition {
  figure: number[];
  trend: Array<number | null>;
}

/** Centred moving average of order m (2×m for even m); null where the window does not fit. */
export function centredMovingAverage(y: readonly number[], m: number): Array<number | null> {
  const n = y.length;
  const out: Array<number | null> = new Array<number | null>(n).fill(null);
  const half = Math.floor(m / 2);
  for (let t = half; t < n - half; t++) {
    let s = 0;
    if (m % 2 === 1) {
      for (let k = -half; k <= half; k++) s += y[t + k] ?? 0;
      out[t] = s / m;
    } else {
      for (let k = -half + 1; k < half; k++) s += y[t + k] ?? 0;
      s += 0.5 * ((y[t - half] ?? 0) + (y[t + half] ?? 0));
      out[t] = s / m;
    }
  }
  return out;
}

/**
 * Classical decomposition. The figure is normalised to sum 0 (additive) or average 1
 * (multiplicative). Needs at least two full seasons; returns null otherwise.
 */
export function classicalDecomposition(y: readonly number[], m: number, type: 'additive' | 'multiplicative'): Decomposition | null {
  const n = y.length;
  if (m < 2 || n < 2 * m) return null;
  const trend = centredMovingAverage(y, m);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = 0; t < n; t++) {
    const tr = trend[t];
    if (tr === null || tr === undefined) continue;
    if (type === 'multiplicative' && !(tr > 0)) return null;
    const v = type === 'additive' ? (y[t] ?? 0) - tr : (y[t] ?? 0) / tr;
    sums[t % m] = (sums[t % m] ?? 0) + v;
    counts[t % m] = (counts[t % m] ?? 0) + 1;
  }
  const raw = sums.map((s, i) => ((counts[i] ?? 0) > 0 ? s / (counts[i] ?? 1) : type === 'additive' ? 0 : 1));
  const avg = raw.reduce((a, b) => a + b, 0) / m;
  const figure = raw.map((v) => (type === 'additive' ? v - avg : avg > 0 ? v / avg : 1));
  if (figure.some((v) => !Number.isFinite(v) || (type === 'multiplicative' && v <= 0))) return null;
  return { figure, trend };
}

/**
 * The 90% seasonality test of `forecast::thetaf`: the lag-m autocorrelation is significant
 * against its Bartlett standard error computed from the lower lags.
 */
export function isSeasonal(y: readonly number[], m: number): boolean {
  const n = y.length;
  if (m < 2 || n < 2 * m) return false;
  const r = acf(y, m);
  let s = 0;
  for (let k = 0; k < m - 1; k++) s += (r[k] ?? 0) ** 2;
  const stat = Math.abs(r[m - 1] ?? 0) / Math.sqrt((1 + 2 * s) / n);
  return stat > normalQuantile(0.95);
}
