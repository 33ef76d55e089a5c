// Forecast distributions of fitted ETS models. Linear models (additive trend and season) have
// exact variance formulas (Hyndman et al. 2008, ch. 6: class 1 for additive error, class 2 for
// multiplicative error); models with a multiplicative season have none in closed form, so their
// quantiles come from simulated sample paths with a fixed seed (reproducible run to run).
import { dampedSum, etsPointForecast, etsName } from './ets-model.ts';
import type { FittedEts } from './ets-fit.ts';
import { finalizeResult, normalQuantiles, sampleQuantiles } from './quantiles.ts';
import { normalSampler, seededRandom } from './stats.ts';
import type { ForecastResult, QuantileForecast } from './types.ts';

/** Coefficients c_j of the linear innovations form, j = 1 … horizon − 1. */
function innovationCoefficients(fit: FittedEts, horizon: number): number[] {
  const { spec, params, m } = fit;
  const out: number[] = [];
  for (let j = 1; j < horizon; j++) {
    let c = params.alpha;
    if (spec.trend === 'A') c += params.beta * j;
    if (spec.trend === 'Ad') c += params.beta * dampedSum(params.phi, j);
    if (spec.season === 'A' && j % m === 0) c += params.gamma;
    out.push(c);
  }
  return out;
}

/** Analytic forecast variances for models without a multiplicative season. */
export function linearVariances(fit: FittedEts, point: readonly number[]): number[] {
  const h = point.length;
  const c = innovationCoefficients(fit, h);
  const s2 = fit.sigma2;
  if (fit.spec.error === 'A') {
    let acc = 1;
    return point.map((_, i) => {
      if (i > 0) acc += (c[i - 1] ?? 0) ** 2;
      return s2 * acc;
    });
  }
  // Class 2: θ_1 = μ_1², θ_h = μ_h² + σ² Σ_{j<h} c_j² θ_{h−j}, and v_h = (1 + σ²) θ_h − μ_h².
  const theta: number[] = [];
  return point.map((mu, i) => {
    let t = mu * mu;
    for (let j = 1; j <= i; j++) t += s2 * (c[j - 1] ?? 0) ** 2 * (theta[i - j] ?? 0);
    theta.push(t);
    return Math.max(0, (1 + s2) * t - mu * mu);
  });
}

/** Simulated quantiles: `paths` futures drawn from the fitted model's own recursions. */
export function simulatedQuantiles(fit: FittedEts, horizon: number, levels?: readonly number[], paths = 1000): QuantileForecast[] {
  const { spec, params, m, final, n } = fit;
  const draw = normalSampler(seededRandom(0x5eed + n));
  const sigma = Math.sqrt(fit.sigma2);
  const phi = spec.trend === 'Ad' ? params.phi : 1;
  const samples: number[][] = Array.from({ length: horizon }, () => new Array<number>(paths));
  for (let p = 0; p < paths; p++) {
    let l = final.level;
    let b = final.trend;
    const season = final.season.slice();
    for (let h = 0; h < horizon; h++) {
      const q = spec.trend === 'N' ? l : l + phi * b;
      const si = (n + h) % m;
      const s = spec.season === 'N' ? 0 : (season[si] ?? 0);
      const yhat = spec.season === 'A' ? q + s : spec.season === 'M' ? q * s : q;
      const e = sigma * draw();
      const y = spec.error === 'M' ? yhat * (1 + e) : yhat + e;
      const ea = y - yhat;
      const row = samples[h];
      if (row) row[p] = y;
      if (spec.season === 'M') {
        const safeS = Math.abs(s) > 1e-10 ? s : 1e-10;
        const safeQ = Math.abs(q) > 1e-10 ? q : 1e-10;
        l = q + (params.alpha * ea) / safeS;
        b = phi * b + (params.beta * ea) / safeS;
        season[si] = s + (params.gamma * ea) / safeQ;
      } else {
        l = q + params.alpha * ea;
        b = phi * b + params.beta * ea;
        if (spec.season === 'A') season[si] = s + params.gamma * ea;
      }
    }
  }
  return sampleQuantiles(samples, levels);
}

/** Point forecasts and quantiles of a fitted ETS model. */
export function forecastEts(fit: FittedEts, horizon: number, levels?: readonly number[]): ForecastResult {
  const point = etsPointForecast(fit.spec, fit.m, fit.params, fit.final, fit.n, horizon);
  const quantiles =
    fit.spec.season === 'M'
      ? simulatedQuantiles(fit, horizon, levels)
      : normalQuantiles(point, linearVariances(fit, point).map(Math.sqrt), levels);
  return finalizeResult({ method: etsName(fit.spec), point, quantiles });
}
