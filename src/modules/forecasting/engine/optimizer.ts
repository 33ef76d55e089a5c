// A plain Nelder–Mead simplex minimiser. Likelihoods of exponential smoothing models are
// cheap to evaluate but not smooth enough at the parameter bounds for gradient methods, which
// is why R's `ets` and statsforecast use Nelder–Mead as well. Bounds are handled by the caller
// (through a smooth reparametrisation), so the simplex itself works in an unbounded space.

/** Settings of the simplex search. */
export interface NelderMeadOptions {
  /** Initial step per coordinate (a single number applies to every coordinate). */
  step?: number | readonly number[];
  /** Maximum number of function evaluations. */
  maxEvaluations?: number;
  /** Stop when the spread of function values in the simplex falls below this (relative). */
  tolerance?: number;
  /**
   * Stop when the spread falls below this absolute amount. Log-likelihoods want this one: their
   * differences are meaningful on an absolute scale, and a relative criterion would make the fit
   * depend on the units of the data (a log-likelihood shifts by n·log c when data are scaled by c).
   */
  absoluteTolerance?: number;
}

/** Outcome of a minimisation. */
export interface NelderMeadResult {
  x: number[];
  value: number;
  evaluations: number;
}

/** Minimises f from x0 with the Nelder–Mead simplex method (standard coefficients). */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const n = x0.length;
  const maxEval = options.maxEvaluations ?? 200 * Math.max(1, n);
  const tol = options.tolerance ?? 1e-8;
  const absTol = options.absoluteTolerance ?? 0;
  let evaluations = 0;
  // Non-finite values would poison the ordering of the simplex, so treat them as huge values.
  const evaluate = (x: readonly number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : 1e300;
  };
  if (n === 0) return { x: [], value: evaluate([]), evaluations };

  // Vertices are kept sorted by value (insertion into a short array is cheaper than sorting).
  // Indices below are in range by construction, so the hot loops use casts instead of `?? 0`.
  const points: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    const s = typeof options.step === 'number' ? options.step : options.step?.[i] ?? 0.1;
    p[i] = (p[i] ?? 0) + (s === 0 ? 0.1 : s);
    points.push(p);
  }
  const values = points.map(evaluate);
  sortSimplex(points, values);
  const centroid = new Array<number>(n).fill(0);
  const trial = (t: number): number[] => {
    const worst = points[n] as number[];
    const out = new Array<number>(n);
    for (let j = 0; j < n; j++) out[j] = (centroid[j] as number) + t * ((centroid[j] as number) - (worst[j] as number));
    return out;
  };

  while (evaluations < maxEval) {
    const fBest = values[0] as number;
    const fWorst = values[n] as number;
    const spread = Math.abs(fWorst - fBest);
    if (spread <= absTol || spread <= tol * (Math.abs(fBest) + Math.abs(fWorst) + 1e-12)) break;
    centroid.fill(0);
    for (let i = 0; i < n; i++) {
      const p = points[i] as number[];
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (p[j] as number) / n;
    }
    const reflected = trial(1);
    const fReflected = evaluate(reflected);
    if (fReflected < fBest) {
      const expanded = trial(2);
      const fExpanded = evaluate(expanded);
      if (fExpanded < fReflected) insertWorst(points, values, expanded, fExpanded);
      else insertWorst(points, values, reflected, fReflected);
    } else if (fReflected < (values[n - 1] as number)) {
      insertWorst(points, values, reflected, fReflected);
    } else {
      const outside = fReflected < fWorst;
      const contracted = trial(outside ? 0.5 : -0.5);
      const fContracted = evaluate(contracted);
      if (fContracted < (outside ? fReflected : fWorst)) {
        insertWorst(points, values, contracted, fContracted);
      } else {
        shrink(points, values, evaluate);
      }
    }
  }
  return { x: (points[0] as number[]).slice(), value: values[0] as number, evaluations };
}

/** Moves every vertex halfway towards the best one and re-sorts the simplex. */
function shrink(points: number[][], values: number[], evaluate: (x: readonly number[]) => number): void {
  const best = points[0] as number[];
  for (let i = 1; i < points.length; i++) {
    const p = points[i] as number[];
    for (let j = 0; j < p.length; j++) p[j] = (best[j] as number) + 0.5 * ((p[j] as number) - (best[j] as number));
    values[i] = evaluate(p);
  }
  sortSimplex(points, values);
}

/** Replaces the worst vertex and moves it to its place in the ordering. */
function insertWorst(points: number[][], values: number[], p: number[], v: number): void {
  let i = values.length - 1;
  while (i > 0 && (values[i - 1] as number) > v) {
    values[i] = values[i - 1] as number;
    points[i] = points[i - 1] as number[];
    i--;
  }
  values[i] = v;
  points[i] = p;
}

function sortSimplex(points: number[][], values: number[]): void {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const p = order.map((i) => points[i] as number[]);
  const v = order.map((i) => values[i] as number);
  for (let i = 0; i < p.length; i++) {
    points[i] = p[i] as number[];
    values[i] = v[i] as number;
  }
}

/** Logistic map from the real line onto (lo, hi), used to keep parameters inside their bounds. */
export function toBounded(u: number, lo: number, hi: number): number {
  return lo + (hi - lo) / (1 + Math.exp(-u));
}

/** Inverse of toBounded: the real number that maps onto v (v is clamped just inside the bounds). */
export function fromBounded(v: number, lo: number, hi: number): number {
  const eps = 1e-6 * (hi - lo);
  const c = Math.min(hi - eps, Math.max(lo + eps, v));
  return Math.log((c - lo) / (hi - c));
}
