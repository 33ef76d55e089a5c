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

// The database-backed side: demand history from the orders, stored forecasts and policies,
// replenishment suggestions and settings, the forecasting pass and its timer, the routes.
export { refreshDemand, IN_FLIGHT_MARGIN_MS, DEMAND_HISTORY_DAYS, type RefreshOptions, type RefreshResult } from './demand.service.ts';
export { UNPLACED_LOCATION, TEST_CHANNEL_PATTERN } from './demand.repository.ts';
export { addDays, daysBetween, periodSeries, utcDay, type DayDemand, type PeriodSeries } from './demand-calendar.ts';
export { runForecasts, PERIOD_DAYS, SEASON_PERIODS, type ForecastRunResult } from './forecast-run.ts';
export { runForecastingPass, startForecastJob, forecastIntervalMinutes, type ForecastingPassOptions, type ForecastingPassResult, type JobLogger } from './forecast-job.ts';
export { forecastForSku, type ForecastQuery } from './forecast.service.ts';
export { computeSuggestions, listSuggestions, draftFromSuggestions, toSuggestionView, type Suggestion, type SuggestionView } from './replenishment.service.ts';
export { DEFAULT_TENANT_SETTINGS, effectiveSettings, getTenantSettings, putTenantSettings, type TenantSettings, type EffectiveSettings } from './replenishment-settings.ts';
export { policyLevelsInDays, type DayPolicyTarget } from './policy-days.ts';
export { projectStockout, type ScheduledReceipt } from './stock-projection.ts';
export { suggest, compareUrgency, URGENCIES, type Urgency } from './suggestion.ts';
export { forecastingRoutes } from './forecasting.routes.ts';
