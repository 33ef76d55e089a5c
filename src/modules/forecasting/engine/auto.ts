// The automatic choice. A series is cleaned, degenerate cases get an explicit fallback, and the
// ADI/CV² profile decides which pool of methods applies: Croston, SBA and TSB for intermittent
// demand; AICc-selected ETS, Theta and seasonal naive otherwise. The pool's members are then
// scored by a rolling-origin backtest inside the training data and combined with weights
// proportional to 1/MSE (Bates & Granger 1969). Hard selection of the single best member is
// available too, but on the hospital benchmark it was clearly worse: with a few dozen points,
// backtest errors are too noisy to pick a winner reliably, while weighting degrades gracefully.
import { backtest, type BacktestScore } from './backtest.ts';
import { croston, sba, tsb } from './croston.ts';
import { selectEts, type AutoEtsOptions } from './ets-auto.ts';
import { fitEts, type FittedEts } from './ets-fit.ts';
import { forecastEts } from './ets-forecast.ts';
import { ADI_CUTOFF, classifyDemand, type DemandPattern } from './intermittence.ts';
import { historicalMean, naive, seasonalNaive } from './naive.ts';
import { degeneracy, prepareSeries, type Degeneracy, type PreparedSeries } from './prepare.ts';
import { combineForecasts, finalizeResult, flatQuantiles } from './quantiles.ts';
import { theta } from './theta.ts';
import type { ForecastOptions, ForecastResult, RawSeries } from './types.ts';

/** Options of the automatic choice. */
export interface AutoOptions extends ForecastOptions {
  /** Weight the pool by backtest MSE (default) or keep only its best member. */
  selection?: 'weighted' | 'best';
  /** Number of rolling origins in the backtest (default 3; 0 gives equal weights). */
  origins?: number;
  /** Options passed to the ETS selection. */
  ets?: AutoEtsOptions;
}

/** The automatic forecast, with the demand pattern and the weights it used. */
export interface AutoResult extends ForecastResult {
  pattern: DemandPattern | Degeneracy;
  weights?: Record<string, number>;
}

/** Series shorter than this get the historical mean instead of a model. */
export const MIN_MODEL_LENGTH = 4;

type Pool = (train: readonly number[], horizon: number) => Record<string, ForecastResult>;

function continuousPool(m: number, options: AutoOptions, chosen: FittedEts | null, full: readonly number[]): Pool {
  return (train, horizon) => {
    const o = { horizon, season: m, levels: options.levels };
    // The ETS form is chosen once on the whole training data; origins only re-estimate it.
    let ets: ForecastResult | null = null;
    if (chosen) {
      const fit = train.length === full.length
        ? chosen
        : fitEts(train, chosen.spec, m, { initialStates: options.ets?.initialStates ?? 'heuristic', start: chosen.params });
      if (fit) ets = forecastEts(fit, horizon, options.levels);
    }
    return { ets: ets ?? naive(train, o), theta: theta(train, o), seasonal_naive: seasonalNaive(train, o) };
  };
}

function intermittentPool(options: AutoOptions): Pool {
  return (train, horizon) => {
    const o = { horizon, season: 1, levels: options.levels };
    return { croston: croston(train, o), sba: sba(train, o), tsb: tsb(train, o) };
  };
}

/** Inverse-MSE weights; members with a perfect backtest share all the weight. */
export function inverseMseWeights(names: readonly string[], scores: Record<string, BacktestScore>): number[] {
  const mses = names.map((n) => scores[n]?.mse ?? Infinity);
  if (mses.every((v) => !Number.isFinite(v))) return names.map(() => 1 / names.length);
  const best = Math.min(...mses);
  if (best <= 1e-12) return mses.map((v) => (v <= 1e-12 ? 1 : 0));
  const raw = mses.map((v) => (Number.isFinite(v) ? best / v : 0));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((v) => v / total);
}

function fallback(y: readonly number[], kind: Degeneracy, options: ForecastOptions): ForecastResult {
  if (kind === 'short') return historicalMean(y, options);
  const value = kind === 'constant' ? (y[0] ?? 0) : 0;
  const point = new Array<number>(options.horizon).fill(value);
  return finalizeResult({ method: kind, point, quantiles: flatQuantiles(point, options.levels) });
}

function preparationNotes(p: PreparedSeries): string[] {
  const notes: string[] = [];
  if (p.trimmedLeading > 0) notes.push(`${p.trimmedLeading} leading missing values trimmed`);
  if (p.interpolated > 0) notes.push(`${p.interpolated} missing values interpolated`);
  if (p.carriedForward > 0) notes.push(`${p.carriedForward} trailing missing values carried forward`);
  return notes;
}

function label(name: string, f: ForecastResult): string {
  return name === 'ets' ? f.method : name;
}

/** Automatic forecast of one raw series (gaps allowed); `method` says what answered. */
export function autoForecast(raw: RawSeries, options: AutoOptions): AutoResult {
  const prepared = prepareSeries(raw);
  const y = prepared.values;
  const notes = preparationNotes(prepared);
  const m = Math.max(1, Math.floor(options.season));
  const kind = degeneracy(y, MIN_MODEL_LENGTH);
  if (kind) {
    const r = fallback(y, kind, options);
    return { ...r, notes: [...notes, ...(r.notes ?? [])], pattern: kind };
  }
  const profile = classifyDemand(y);
  const intermittentDemand = profile.adi >= ADI_CUTOFF;
  const pool = intermittentDemand
    ? intermittentPool(options)
    : continuousPool(m, options, selectEts(y, m, { initialStates: 'heuristic', ...options.ets }), y);
  const members = pool(y, options.horizon);
  const names = Object.keys(members);
  const stride = Math.max(1, Math.round(options.horizon / 2));
  const plan = { origins: options.origins ?? 3, horizon: options.horizon, stride, minTrain: Math.max(2 * MIN_MODEL_LENGTH, m + 2) };
  const scores = plan.origins > 0 ? backtest(y, plan, pool) : {};
  const weights = inverseMseWeights(names, scores);
  const parts = names.map((n) => members[n] as ForecastResult);
  let result: ForecastResult;
  if (options.selection === 'best') {
    const i = weights.indexOf(Math.max(...weights));
    const chosen = parts[i] ?? parts[0];
    result = chosen ?? fallback(y, 'short', options);
  } else {
    const desc = names.map((n, i) => `${label(n, parts[i] as ForecastResult)}=${(weights[i] ?? 0).toFixed(2)}`).join(',');
    result = finalizeResult(combineForecasts(`combination(${desc})`, parts, weights));
  }
  if (Object.keys(scores).length === 0) notes.push('too short for a backtest: equal weights');
  return {
    ...result,
    notes: [...notes, ...(result.notes ?? [])],
    pattern: profile.pattern,
    weights: Object.fromEntries(names.map((n, i) => [n, weights[i] ?? 0])),
  };
}
