// The ETS state space recursions (Hyndman, Koehler, Ord & Snyder 2008, table 2.3). Written in
// error-correction form, the state updates of a model depend only on its trend and season
// types once expressed with the additive one-step error y − ŷ; the error type changes the
// likelihood and the forecast distribution, not the filter. That keeps a single hot loop.

/** Error, trend and season types of an ETS model. */
export interface EtsSpec {
  error: 'A' | 'M';
  trend: 'N' | 'A' | 'Ad';
  season: 'N' | 'A' | 'M';
}

/** Smoothing parameters (β in the β* = αβ parametrisation of the error-correction form). */
export interface EtsParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

/** Level, trend and seasonal states; season[i] applies to time indices t ≡ i (mod m). */
export interface EtsState {
  level: number;
  trend: number;
  season: number[];
}

/** Short name of a model such as `ets(M,Ad,N)`. */
export function etsName(spec: EtsSpec): string {
  return `ets(${spec.error},${spec.trend},${spec.season})`;
}

/** True when forecasts must stay strictly positive for the model to be defined. */
export function needsPositive(spec: EtsSpec): boolean {
  return spec.error === 'M' || spec.season === 'M';
}

/** Outcome of running the filter over a series. */
export interface EtsRun {
  /** −2·log-likelihood up to a constant (n·log Σe² + 2 Σ log|ŷ| for multiplicative error). */
  lik: number;
  /** Sum of squared errors on the model's error scale (relative for multiplicative error). */
  sse: number;
  final: EtsState;
  fitted: number[];
}

/**
 * Runs the recursions from the initial state over y. Returns lik = Infinity when the model
 * leaves its domain (non-positive forecast in a multiplicative model, overflow), which the
 * optimiser then treats as a wall.
 */
export function etsFilter(
  y: readonly number[],
  spec: EtsSpec,
  m: number,
  p: EtsParams,
  init: EtsState,
  keepFitted = false,
): EtsRun {
  if (spec.season === 'N' && !keepFitted) return nonSeasonalLikelihood(y, spec, p, init);
  const n = y.length;
  const trended = spec.trend !== 'N';
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const seasonType = spec.season;
  const multError = spec.error === 'M';
  const positive = needsPositive(spec);
  const season = seasonType === 'N' ? [] : init.season.slice();
  const fitted: number[] = keepFitted ? new Array<number>(n) : [];
  let l = init.level;
  let b = trended ? init.trend : 0;
  let sse = 0;
  let logSum = 0;
  for (let t = 0; t < n; t++) {
    const q = trended ? l + phi * b : l;
    const si = seasonType === 'N' ? 0 : t % m;
    const s = seasonType === 'N' ? 0 : (season[si] as number);
    const yhat = seasonType === 'A' ? q + s : seasonType === 'M' ? q * s : q;
    if (keepFitted) fitted[t] = yhat;
    if (positive && !(yhat > 1e-10)) return invalid(l, b, season, fitted);
    const ea = (y[t] as number) - yhat;
    if (multError) {
      const e = ea / yhat;
      sse += e * e;
      logSum += Math.log(yhat);
    } else {
      sse += ea * ea;
    }
    // State updates in terms of the additive error (identical for both error types).
    if (seasonType === 'M') {
      l = q + (p.alpha * ea) / s;
      if (trended) b = phi * b + (p.beta * ea) / s;
      season[si] = s + (p.gamma * ea) / q;
    } else {
      l = q + p.alpha * ea;
      if (trended) b = phi * b + p.beta * ea;
      if (seasonType === 'A') season[si] = s + p.gamma * ea;
    }
    if (!Number.isFinite(l) || !Number.isFinite(b)) return invalid(l, b, season, fitted);
  }
  const lik = n * Math.log(Math.max(sse, 1e-300)) + 2 * logSum;
  return { lik, sse, final: { level: l, trend: b, season }, fitted };
}

/**
 * The same recursion specialised to non-seasonal models, which are the bulk of the work in an
 * automatic fit: no seasonal bookkeeping in the loop makes it markedly faster.
 */
function nonSeasonalLikelihood(y: readonly number[], spec: EtsSpec, p: EtsParams, init: EtsState): EtsRun {
  const n = y.length;
  const trended = spec.trend !== 'N';
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const multError = spec.error === 'M';
  const { alpha } = p;
  const beta = trended ? p.beta : 0;
  let l = init.level;
  let b = trended ? init.trend : 0;
  let sse = 0;
  let logSum = 0;
  for (let t = 0; t < n; t++) {
    const q = l + phi * b;
    const ea = (y[t] as number) - q;
    if (multError) {
      if (!(q > 1e-10)) return invalid(l, b, [], []);
      const e = ea / q;
      sse += e * e;
      logSum += Math.log(q);
    } else {
      sse += ea * ea;
    }
    l = q + alpha * ea;
    b = phi * b + beta * ea;
  }
  if (!Number.isFinite(l) || !Number.isFinite(b)) return invalid(l, b, [], []);
  const lik = n * Math.log(Math.max(sse, 1e-300)) + 2 * logSum;
  return { lik, sse, final: { level: l, trend: b, season: [] }, fitted: [] };
}

function invalid(level: number, trend: number, season: number[], fitted: number[]): EtsRun {
  return { lik: Infinity, sse: Infinity, final: { level, trend, season }, fitted };
}

/** Sum φ + φ² + … + φ^h, the damped trend multiplier (h for an undamped trend). */
export function dampedSum(phi: number, h: number): number {
  if (phi === 1) return h;
  return (phi * (1 - Math.pow(phi, h))) / (1 - phi);
}

/** Deterministic h-step point forecasts from a final state (the conditional mean for linear models). */
export function etsPointForecast(spec: EtsSpec, m: number, p: EtsParams, state: EtsState, n: number, horizon: number): number[] {
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const out: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const q = spec.trend === 'N' ? state.level : state.level + dampedSum(phi, h) * state.trend;
    const s = spec.season === 'N' ? 0 : (state.season[(n + h - 1) % m] ?? 0);
    out.push(spec.season === 'A' ? q + s : spec.season === 'M' ? q * s : q);
  }
  return out;
}
