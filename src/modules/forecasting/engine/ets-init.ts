// Heuristic initial states for ETS models (Hyndman et al. 2008, §2.6.1, as in R's `initstate`):
// the seasonal figure from a classical decomposition of the first (up to) three seasons, then
// level and trend from a straight line fitted to the first max(10, 2m) seasonally adjusted points.
import { classicalDecomposition } from './decompose.ts';
import type { EtsSpec, EtsState } from './ets-model.ts';
import { linearFit, mean } from './stats.ts';

/** Heuristic starting state for the model, or null when its seasonal part cannot be initialised. */
export function initialState(y: readonly number[], spec: EtsSpec, m: number): EtsState | null {
  let season: number[] = [];
  let adjusted: number[] = y.slice();
  if (spec.season !== 'N') {
    const years = Math.min(3, Math.floor(y.length / m));
    const head = y.slice(0, years * m);
    const dec = classicalDecomposition(head, m, spec.season === 'A' ? 'additive' : 'multiplicative');
    if (!dec) return null;
    season = dec.figure;
    adjusted = head.map((v, t) => (spec.season === 'A' ? v - (season[t % m] ?? 0) : v / (season[t % m] ?? 1)));
  }
  const maxn = Math.min(Math.max(10, 2 * m), adjusted.length);
  const start = adjusted.slice(0, maxn);
  if (spec.trend === 'N') return { level: mean(start), trend: 0, season };
  // The regression runs on t = 1…maxn, so its intercept is the level just before the first point.
  const { intercept, slope } = linearFit(start, 1);
  let level = intercept;
  let trend = slope;
  // A multiplicative model must not start with a zero one-step forecast.
  if (Math.abs(level + trend) < 1e-8) {
    level *= 1 + 1e-3;
    trend *= 1 - 1e-3;
  }
  return { level, trend, season };
}
