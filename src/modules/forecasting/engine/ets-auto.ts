// Automatic exponential smoothing (Hyndman, Koehler, Snyder & Grose 2002; Hyndman et al. 2008):
// fit every admissible ETS model by likelihood and keep the one with the smallest AICc. As in
// R's `ets` defaults, multiplicative trends are left out, additive errors are not combined with
// multiplicative seasons (numerically unstable), multiplicative parts need strictly positive
// data, and seasonal models need two full seasons and a season of at most 24 periods. Initial
// states stay at their heuristic values here: on the hospital data, optimising them as well cost
// ten times the time for no accuracy gain, and optimising only level and trend made trended
// models look better in-sample than they forecast.
import { fitEts, type FittedEts, type InitialStates } from './ets-fit.ts';
import { forecastEts } from './ets-forecast.ts';
import type { EtsSpec } from './ets-model.ts';
import { naive } from './naive.ts';
import type { ForecastOptions, ForecastResult } from './types.ts';

/** Options of the automatic ETS selection. */
export interface AutoEtsOptions {
  /** Restrict the candidate set (defaults to every admissible model). */
  models?: readonly EtsSpec[];
  initialStates?: InitialStates;
  /** Include damped trends (default true). */
  damped?: boolean;
}

/** Largest season length for which seasonal ETS models are tried. */
export const MAX_ETS_SEASON = 24;

/** The ETS models worth trying on y with season m. */
export function candidateModels(y: readonly number[], m: number, options: AutoEtsOptions = {}): EtsSpec[] {
  const positive = y.every((v) => v > 0);
  const seasonalOk = m >= 2 && m <= MAX_ETS_SEASON && y.length >= 2 * m;
  const out: EtsSpec[] = [];
  for (const error of ['A', 'M'] as const) {
    for (const trend of ['N', 'A', 'Ad'] as const) {
      if (trend === 'Ad' && options.damped === false) continue;
      for (const season of ['N', 'A', 'M'] as const) {
        if (season !== 'N' && !seasonalOk) continue;
        if (error === 'A' && season === 'M') continue;
        if ((error === 'M' || season === 'M') && !positive) continue;
        out.push({ error, trend, season });
      }
    }
  }
  return out;
}

/** Fits each candidate and returns them sorted by AICc (best first). */
export function fitEtsCandidates(y: readonly number[], m: number, options: AutoEtsOptions = {}): FittedEts[] {
  const specs = options.models ?? candidateModels(y, m, options);
  const fits: FittedEts[] = [];
  for (const spec of specs) {
    const fit = fitEts(y, spec, m, { initialStates: options.initialStates ?? 'heuristic' });
    if (fit && Number.isFinite(fit.aicc)) fits.push(fit);
  }
  return fits.sort((a, b) => a.aicc - b.aicc);
}

/** The ETS model with the smallest AICc, or null when none could be fitted. */
export function selectEts(y: readonly number[], m: number, options: AutoEtsOptions = {}): FittedEts | null {
  return fitEtsCandidates(y, m, options)[0] ?? null;
}

/** Forecast with the AICc-selected ETS model; falls back to naive when no model can be fitted. */
export function autoEts(y: readonly number[], options: ForecastOptions & AutoEtsOptions): ForecastResult {
  const best = selectEts(y, Math.max(1, Math.floor(options.season)), options);
  if (!best) {
    const r = naive(y, options);
    return { ...r, notes: ['no ETS model could be fitted: naive answered'] };
  }
  return forecastEts(best, options.horizon, options.levels);
}
