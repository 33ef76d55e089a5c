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
  let evaluations = 0;
  // Non-finite values would poison the ordering of the simplex, so treat them as +∞ surrogates.
  const evaluate = (x: readonly number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : 1e300;
  };
  if (n === 0) return { x: [], value: evaluate([]), evaluations };

  const simplex: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    const s = typeof options.step === 'number' ? options.step : options.step?.[i] ?? 0.1;
    p[i] = (p[i] ?? 0) + (s === 0 ? 0.1 : s);
    simplex.push(p);
  }
  const values = simplex.map(evaluate);
  const order = simplex.map((_, i) => i);

  while (evaluations < maxEval) {
    order.sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
    const best = order[0] ?? 0;
    const worst = order[n] ?? 0;
    const second = order[n - 1] ?? 0;
    const fBest = values[best] ?? 0;
    const fWorst = values[worst] ?? 0;
    if (Math.abs(fWorst - fBest) <= tol * (Math.abs(fBest) + Math.abs(fWorst) + 1e-12)) break;

    // Centroid of every vertex but the worst.
    const centroid = new Array<number>(n).fill(0);
    for (const idx of order) {
      if (idx === worst) continue;
      const p = simplex[idx] ?? [];
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] ?? 0) + (p[j] ?? 0) / n;
    }
    const pWorst = simplex[worst] ?? [];
    const along = (t: number): number[] => centroid.map((c, j) => c + t * (c - (pWorst[j] ?? 0)));

    const reflected = along(1);
    const fReflected = evaluate(reflected);
    if (fReflected < fBest) {
      const expanded = along(2);
      const fExpanded = evaluate(expanded);
      if (fExpanded < fReflected) replace(worst, expanded, fExpanded);
      else replace(worst, reflected, fReflected);
    } else if (fReflected < (values[second] ?? 0)) {
      replace(worst, reflected, fReflected);
    } else {
      const outside = fReflected < fWorst;
      const contracted = along(outside ? 0.5 : -0.5);
      const fContracted = evaluate(contracted);
      if (fContracted < (outside ? fReflected : fWorst)) {
        replace(worst, contracted, fContracted);
      } else {
        shrinkTowards(best);
      }
    }
  }

  let bestIdx = 0;
  for (let i = 1; i <= n; i++) if ((values[i] ?? Infinity) < (values[bestIdx] ?? Infinity)) bestIdx = i;
  return { x: (simplex[bestIdx] ?? x0).slice(), value: values[bestIdx] ?? Infinity, evaluations };

  function replace(i: number, p: number[], v: number): void {
    simplex[i] = p;
    values[i] = v;
  }

  function shrinkTowards(b: number): void {
    const pb = simplex[b] ?? [];
    for (let i = 0; i <= n; i++) {
      if (i === b) continue;
      const p = simplex[i] ?? [];
      const shrunk = p.map((v, j) => (pb[j] ?? 0) + 0.5 * (v - (pb[j] ?? 0)));
      replace(i, shrunk, evaluate(shrunk));
    }
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
