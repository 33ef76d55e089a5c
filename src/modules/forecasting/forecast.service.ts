// The forecast of one SKU (at one location, or in total) as the API shows it: the weekly
// history, the forecast with its quantiles and method, and how accurate the same method
// was on the latest weeks when it had not seen them (a hold-out backtest).
import type { Kdb } from '../../platform/db/index.ts';
import { invalid, notFound } from '../../platform/http/index.ts';
import { findLocationByCode } from '../locations/index.ts';
import { forecast, type MethodName } from './engine/methods.ts';
import { QUANTILE_LEVELS, type ForecastResult } from './engine/types.ts';
import { score } from './metrics.ts';
import { addDays, periodSeries, utcDay } from './demand-calendar.ts';
import { lastRefreshedAt, readDailyDemand } from './demand.repository.ts';
import { HISTORY_PERIODS_MAX, PERIOD_DAYS, SEASON_PERIODS } from './forecast-run.ts';

export const FORECAST_HORIZON_DEFAULT = 13;
export const FORECAST_HORIZON_MAX = 104;
/** Weeks held out for the accuracy backtest, at most; never more than a quarter of the history. */
const HOLDOUT_PERIODS_MAX = 8;
/** Shortest history worth a backtest. */
const BACKTEST_HISTORY_MIN = 8;

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const finiteOrNull = (x: number) => (Number.isFinite(x) ? round3(x) : null);

function quantileMap(f: ForecastResult, step: number): Record<string, number> {
  return Object.fromEntries(f.quantiles.map((q) => [String(q.level), round3(q.values[step] ?? 0)]));
}

/** Scores the method on the last weeks of the history, forecast from the weeks before them. */
function backtest(values: readonly number[], method: MethodName | undefined) {
  const holdout = Math.min(HOLDOUT_PERIODS_MAX, Math.floor(values.length / 4));
  if (values.length < BACKTEST_HISTORY_MIN || holdout < 1) return null;
  const train = values.slice(0, values.length - holdout);
  const actual = values.slice(values.length - holdout);
  const f = forecast(train, { horizon: holdout, season: SEASON_PERIODS, method });
  const s = score([{ train, actual, forecast: f }], SEASON_PERIODS, QUANTILE_LEVELS);
  const mae = actual.reduce((sum, y, h) => sum + Math.abs(y - (f.point[h] ?? 0)), 0) / holdout;
  return { holdout_weeks: holdout, method: f.method, mae: round3(mae), mase: finiteOrNull(s.mase), rmsse: finiteOrNull(s.rmsse), wql: finiteOrNull(s.wql) };
}

export interface ForecastQuery { location?: string | undefined; horizon?: number | undefined; method?: MethodName | undefined }

/** History, forecast and accuracy of one SKU; 404 for an unknown SKU, 422 for an unknown location. */
export async function forecastForSku(db: Kdb, tenantId: string, sku: string, query: ForecastQuery, now = new Date()) {
  const [product, location, refreshedAt] = await Promise.all([
    db.selectFrom('products').select(['id', 'sku', 'name']).where('tenant_id', '=', tenantId).where('sku', '=', sku).executeTakeFirst(),
    query.location ? findLocationByCode(db, tenantId, query.location) : undefined,
    lastRefreshedAt(db, tenantId),
  ]);
  if (!product) throw notFound('Product', sku);
  if (query.location && !location) throw invalid('query.location', `unknown location ${query.location}`);
  const asOf = utcDay(now);
  const days = await readDailyDemand(db, tenantId, {
    productId: product.id, locationId: location?.id, fromDay: addDays(asOf, -PERIOD_DAYS * HISTORY_PERIODS_MAX), toDay: asOf,
  });
  const history = periodSeries(days, asOf, PERIOD_DAYS, HISTORY_PERIODS_MAX);
  const horizon = query.horizon ?? FORECAST_HORIZON_DEFAULT;
  const f = forecast(history.quantities, { horizon, season: SEASON_PERIODS, method: query.method });
  return {
    sku: product.sku, name: product.name, location: location?.code ?? null,
    period_days: PERIOD_DAYS, as_of: asOf, demand_refreshed_at: refreshedAt?.toISOString() ?? null,
    history: history.starts.map((start, i) => ({ start, quantity: history.quantities[i] ?? 0, orders: history.orders[i] ?? 0 })),
    method: f.method,
    ...(f.notes && f.notes.length > 0 ? { notes: f.notes } : {}),
    forecast: f.point.map((point, step) => ({ start: addDays(asOf, step * PERIOD_DAYS), point: round3(point), quantiles: quantileMap(f, step) })),
    accuracy: backtest(history.quantities, query.method),
  };
}
