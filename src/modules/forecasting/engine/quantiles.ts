// Building and policing forecast quantiles. Every method ends up here so that the guarantees
// the rest of the application relies on (finite, non-negative, ordered, non-crossing) are
// enforced in exactly one place.
import { normalQuantile, sortedQuantile } from './stats.ts';
import { QUANTILE_LEVELS, type ForecastResult, type QuantileForecast } from './types.ts';

/** Replaces NaN/±∞ by a fallback and negative values by 0. */
export function clean(v: number, fallback = 0): number {
  if (!Number.isFinite(v)) return Math.max(0, Number.isFinite(fallback) ? fallback : 0);
  return v < 0 ? 0 : v;
}

/** Quantiles of a normal forecast distribution N(point, sd²) per step, clipped at 0. */
export function normalQuantiles(
  point: readonly number[],
  sd: readonly number[],
  levels: readonly number[] = QUANTILE_LEVELS,
): QuantileForecast[] {
  return levels.map((level) => {
    const z = normalQuantile(level);
    return { level, values: point.map((p, h) => p + z * Math.max(0, sd[h] ?? 0)) };
  });
}

/** Quantiles from simulated sample paths: samples[h] holds the draws for step h. */
export function sampleQuantiles(samples: readonly number[][], levels: readonly number[] = QUANTILE_LEVELS): QuantileForecast[] {
  const sorted = samples.map((s) => s.slice().sort((a, b) => a - b));
  return levels.map((level) => ({ level, values: sorted.map((s) => sortedQuantile(s, level)) }));
}

/** Quantiles that all equal the point forecast (a degenerate, certain distribution). */
export function flatQuantiles(point: readonly number[], levels: readonly number[] = QUANTILE_LEVELS): QuantileForecast[] {
  return levels.map((level) => ({ level, values: point.slice() }));
}

/** Point forecast plus empirical quantiles of errors observed at each step in a backtest. */
export function residualQuantiles(
  point: readonly number[],
  errorsByStep: readonly number[][],
  levels: readonly number[] = QUANTILE_LEVELS,
): QuantileForecast[] {
  const sorted = errorsByStep.map((e) => e.slice().sort((a, b) => a - b));
  return levels.map((level) => ({
    level,
    values: point.map((p, h) => p + sortedQuantile(sorted[Math.min(h, sorted.length - 1)] ?? [], level)),
  }));
}

/** The values of the quantile with the given level, or undefined when absent. */
export function quantileValues(result: Pick<ForecastResult, 'quantiles'>, level: number): number[] | undefined {
  return result.quantiles.find((q) => Math.abs(q.level - level) < 1e-9)?.values;
}

/**
 * Enforces the engine's guarantees on a result: point and quantiles finite and ≥ 0, levels
 * ascending, and quantile values non-decreasing in the level at every step (crossings are
 * removed by sorting each step's values, which is the monotone rearrangement of Chernozhukov
 * et al. and never makes the quantile loss worse).
 */
export function finalizeResult(result: ForecastResult): ForecastResult {
  const point = result.point.map((v) => clean(v));
  const qs = result.quantiles.slice().sort((a, b) => a.level - b.level);
  const values = qs.map((q) => point.map((p, h) => clean(q.values[h] ?? p, p)));
  for (let h = 0; h < point.length; h++) {
    let ordered = true;
    for (let i = 1; i < values.length && ordered; i++) ordered = (values[i - 1]?.[h] ?? 0) <= (values[i]?.[h] ?? 0);
    if (ordered) continue;
    const column = values.map((v) => v[h] ?? 0).sort((a, b) => a - b);
    column.forEach((v, i) => {
      const row = values[i];
      if (row) row[h] = v;
    });
  }
  const out: ForecastResult = {
    method: result.method,
    point,
    quantiles: qs.map((q, i) => ({ level: q.level, values: values[i] ?? [] })),
  };
  if (result.notes && result.notes.length > 0) out.notes = result.notes;
  return out;
}

/** Averages several forecasts step by step, quantile by quantile (Vincentisation), optionally weighted. */
export function combineForecasts(method: string, parts: readonly ForecastResult[], weights?: readonly number[]): ForecastResult {
  const first = parts[0];
  if (!first) throw new Error('combineForecasts needs at least one forecast');
  const w = parts.map((_, i) => Math.max(0, weights?.[i] ?? 1));
  const total = w.reduce((a, b) => a + b, 0) || 1;
  const h = first.point.length;
  const avg = (pick: (r: ForecastResult) => readonly number[]): number[] =>
    Array.from({ length: h }, (_, i) => parts.reduce((s, r, j) => s + (w[j] ?? 0) * (pick(r)[i] ?? 0), 0) / total);
  return {
    method,
    point: avg((r) => r.point),
    quantiles: first.quantiles.map((q) => ({
      level: q.level,
      values: avg((r) => quantileValues(r, q.level) ?? r.point),
    })),
  };
}
