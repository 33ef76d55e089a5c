// Public surface of the forecasting module: the engine entry point, the individual methods, the
// accuracy metrics and evaluation, the replenishment arithmetic and the inventory simulation.
export { forecast, isMethodName, METHODS, type ForecastRequest, type MethodName } from './engine/methods.ts';
export { autoForecast, type AutoOptions, type AutoResult } from './engine/auto.ts';
export {
  QUANTILE_LEVELS,
  type ForecastOptions,
  type ForecastResult,
  type QuantileForecast,
  type RawSeries,
} from './engine/types.ts';
export { naive, seasonalNaive, historicalMean } from './engine/naive.ts';
export { ses } from './engine/ses.ts';
export { holt } from './engine/holt.ts';
export { holtWinters } from './engine/holt-winters.ts';
export { autoEts, selectEts } from './engine/ets-auto.ts';
export { theta } from './engine/theta.ts';
export { croston, sba, tsb } from './engine/croston.ts';
export { classifyDemand, type DemandPattern, type DemandProfile } from './engine/intermittence.ts';
export { prepareSeries } from './engine/prepare.ts';
export { quantileValues } from './engine/quantiles.ts';

export { mase, rmsse, quantileLoss, seasonalScale, score, type Scores, type ScoredSeries } from './metrics.ts';
export {
  DEFAULT_METHODS,
  evaluate,
  forecastsCsv,
  formatEvaluation,
  parseWideCsv,
  readWideCsv,
  type Evaluation,
  type EvaluationRow,
  type EvaluateOptions,
  type WideData,
} from './evaluate.ts';
export {
  fillRateLevel,
  inventoryPosition,
  isOverstocked,
  orderUpToLevel,
  policyLevels,
  projectedStockoutDate,
  reorderPoint,
  safetyStock,
  suggestedOrderQuantity,
  weeksOfCover,
  type DemandForecast,
  type ForecastCalendar,
  type OrderRules,
  type PolicyLevels,
  type PolicyTarget,
  type StockPosition,
} from './replenishment.ts';
export {
  formatSimulation,
  POLICY_LEVELS,
  replay,
  simulate,
  type ServiceKind,
  type SimulationOptions,
  type SimulationRow,
} from './simulation.ts';
