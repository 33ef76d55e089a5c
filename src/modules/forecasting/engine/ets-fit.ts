// Fitting one ETS model by maximum likelihood. Smoothing parameters live in Hyndman's "usual"
// region (0 < α < 1, 0 < β < α, 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98), which is mapped smoothly
// onto the real line so that the Nelder–Mead simplex never has to deal with walls. Initial
// states start from the heuristics and, by default, level and trend are refined by the
// optimiser too (cheap, and it removes most of the bias of the straight-line start).
import { etsFilter, type EtsParams, type EtsSpec, type EtsState } from './ets-model.ts';
import { initialState } from './ets-init.ts';
import { fromBounded, nelderMead, toBounded } from './optimizer.ts';
import { mean } from './stats.ts';

/** Which initial states the optimiser may move away from the heuristic start. */
export type InitialStates = 'heuristic' | 'level-trend' | 'all';

/** Options of a single-model fit. */
export interface EtsFitOptions {
  /** Parameters to hold fixed instead of estimating (e.g. α = 1 for a naive SES). */
  fixed?: Partial<EtsParams>;
  initialStates?: InitialStates;
  maxEvaluations?: number;
  /** Smoothing parameters to start the search from (e.g. a fit of the same model on more data). */
  start?: EtsParams;
}

/** A fitted ETS model with its information criteria. */
export interface FittedEts {
  spec: EtsSpec;
  m: number;
  n: number;
  params: EtsParams;
  init: EtsState;
  final: EtsState;
  /** −2·log-likelihood up to a constant shared by all models on the same data. */
  lik: number;
  /** Number of estimated quantities (smoothing parameters, initial states and σ). */
  np: number;
  aicc: number;
  /** Variance of the one-step errors on the model's error scale. */
  sigma2: number;
}

const LO = 1e-4;
const HI = 0.9999;

interface Layout {
  decode: (u: readonly number[]) => { params: EtsParams; init: EtsState } | null;
  start: number[];
  steps: number[];
}

function layout(y: readonly number[], spec: EtsSpec, m: number, base: EtsState, options: EtsFitOptions): Layout {
  const fixed = options.fixed ?? {};
  const mode = options.initialStates ?? 'level-trend';
  const trended = spec.trend !== 'N';
  const seasonal = spec.season !== 'N';
  const scale = Math.max(1e-8, 0.1 * mean(y.map(Math.abs)));
  const start: number[] = [];
  const steps: number[] = [];
  const slot = (u0: number, step: number): number => {
    start.push(u0);
    steps.push(step);
    return start.length - 1;
  };
  // Starting values follow R's initparam (a small α for seasonal data, β and γ small fractions)
  // unless the caller knows better, e.g. the same model fitted on a longer stretch of the data.
  const s0 = options.start;
  const a0 = s0?.alpha ?? Math.min(0.5, Math.max(0.02, 0.2 / (seasonal ? m : 1)));
  const b0 = s0 && s0.alpha > 0 ? s0.beta / s0.alpha : 0.1;
  const g0 = s0 && s0.alpha < 1 ? s0.gamma / (1 - s0.alpha) : 0.05;
  const step = s0 ? 0.5 : 1;
  const iA = fixed.alpha === undefined ? slot(fromBounded(a0, LO, HI), step) : -1;
  const iB = trended && fixed.beta === undefined ? slot(fromBounded(b0, LO, HI), step) : -1;
  const iG = seasonal && fixed.gamma === undefined ? slot(fromBounded(g0, LO, HI), step) : -1;
  const iP = spec.trend === 'Ad' && fixed.phi === undefined ? slot(fromBounded(s0?.phi ?? 0.97, 0.8, 0.98), step) : -1;
  const iL = mode !== 'heuristic' ? slot(0, 0.5) : -1;
  const iT = mode !== 'heuristic' && trended ? slot(0, 0.5) : -1;
  const iS = mode === 'all' && seasonal ? start.length : -1;
  if (iS >= 0) for (let k = 0; k < m - 1; k++) slot(0, 0.5);
  const sScale = spec.season === 'M' ? 0.1 : scale;

  const decode = (u: readonly number[]): { params: EtsParams; init: EtsState } | null => {
    const alpha = fixed.alpha ?? toBounded(u[iA] ?? 0, LO, HI);
    const beta = fixed.beta ?? (trended ? alpha * toBounded(u[iB] ?? 0, LO, HI) : 0);
    const gamma = fixed.gamma ?? (seasonal ? (1 - alpha) * toBounded(u[iG] ?? 0, LO, HI) : 0);
    const phi = fixed.phi ?? (spec.trend === 'Ad' ? toBounded(u[iP] ?? 0, 0.8, 0.98) : 1);
    const level = base.level + (iL >= 0 ? (u[iL] ?? 0) * scale : 0);
    const trend = base.trend + (iT >= 0 ? (u[iT] ?? 0) * scale * 0.1 : 0);
    let season = base.season;
    if (iS >= 0) {
      season = base.season.map((s, k) => (k < m - 1 ? s + (u[iS + k] ?? 0) * sScale : s));
      // The last seasonal state is implied by normalisation (sum 0, or average 1).
      const rest = season.slice(0, m - 1).reduce((a, b) => a + b, 0);
      season[m - 1] = spec.season === 'A' ? -rest : m - rest;
      if (spec.season === 'M' && season.some((s) => !(s > 0))) return null;
    }
    return { params: { alpha, beta, gamma, phi }, init: { level, trend, season } };
  };
  return { decode, start, steps };
}

/** Number of estimated quantities of a model (as counted by Hyndman et al. for the AICc). */
export function parameterCount(spec: EtsSpec, m: number, fixed: Partial<EtsParams> = {}): number {
  let k = 1; // σ
  if (fixed.alpha === undefined) k++;
  if (spec.trend !== 'N' && fixed.beta === undefined) k++;
  if (spec.season !== 'N' && fixed.gamma === undefined) k++;
  if (spec.trend === 'Ad' && fixed.phi === undefined) k++;
  k += 1 + (spec.trend !== 'N' ? 1 : 0) + (spec.season !== 'N' ? m - 1 : 0);
  return k;
}

/** Fits one ETS model to y by likelihood; null when the model cannot be initialised or fitted. */
export function fitEts(y: readonly number[], spec: EtsSpec, m: number, options: EtsFitOptions = {}): FittedEts | null {
  const seasonM = spec.season === 'N' ? 1 : m;
  const base = initialState(y, spec, seasonM);
  if (!base) return null;
  const lay = layout(y, spec, seasonM, base, options);
  const objective = (u: readonly number[]): number => {
    const d = lay.decode(u);
    return d ? etsFilter(y, spec, seasonM, d.params, d.init).lik : Infinity;
  };
  const maxEvaluations = options.maxEvaluations ?? Math.max(300, 120 * lay.start.length);
  const best = nelderMead(objective, lay.start, { step: lay.steps, maxEvaluations, tolerance: 0, absoluteTolerance: 1e-4 });
  const decoded = lay.decode(best.x);
  if (!decoded) return null;
  const run = etsFilter(y, spec, seasonM, decoded.params, decoded.init);
  if (!Number.isFinite(run.lik)) return null;
  const n = y.length;
  const np = parameterCount(spec, seasonM, options.fixed);
  const aic = run.lik + 2 * np;
  const aicc = n - np - 1 > 0 ? aic + (2 * np * (np + 1)) / (n - np - 1) : Infinity;
  return {
    spec,
    m: seasonM,
    n,
    params: decoded.params,
    init: decoded.init,
    final: run.final,
    lik: run.lik,
    np,
    aicc,
    sigma2: run.sse / Math.max(1, n - np),
  };
}
