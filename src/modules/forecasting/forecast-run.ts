// The forecast run: for every stocked, sold or incoming product × location, a weekly
// forecast from the demand history and the stock policy it implies, stored for the
// replenishment suggestions to read. Forecasting is CPU work, so it runs outside any
// transaction and yields to the event loop now and then (the server keeps answering);
// the results replace the previous run's in one short transaction.
import type { Kdb } from '../../platform/db/index.ts';
import { listIncoming } from '../purchasing/index.ts';
import { forecast } from './engine/methods.ts';
import { POLICY_LEVELS } from './simulation.ts';
import { utcDay } from './demand-calendar.ts';
import { readPeriodDemand } from './demand.repository.ts';
import { activeIds, replaceForecasts, stockedItems, type StoredForecast } from './forecasts.repository.ts';
import { policyLevelsInDays } from './policy-days.ts';
import { effectiveSettings, getTenantSettings, loadProductSettings, type EffectiveSettings } from './replenishment-settings.ts';

/** Forecasts are weekly: periods of 7 days ending the day before the run. */
export const PERIOD_DAYS = 7;
/** A year of weeks: the season the engine looks for. */
export const SEASON_PERIODS = 52;
/** History used, at most: three years of weeks. */
export const HISTORY_PERIODS_MAX = 156;
const YIELD_EVERY = 25;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Steps to forecast so that the horizon covers lead time plus review period. */
export function horizonFor(settings: Pick<EffectiveSettings, 'leadTimeDays' | 'reviewPeriodDays'>, horizonWeeks: number): number {
  return Math.max(horizonWeeks, Math.ceil((settings.leadTimeDays + settings.reviewPeriodDays) / PERIOD_DAYS) + 1);
}

export interface ForecastRunResult { tenantId: string; asOf: string; items: number; ms: number }

/** Forecasts every item of the tenant and stores the forecasts with their policies. */
export async function runForecasts(db: Kdb, tenantId: string, options: { now?: Date } = {}): Promise<ForecastRunResult> {
  const started = performance.now();
  const asOf = utcDay(options.now ?? new Date());
  const [tenant, products, periods, stocked, incoming, active] = await Promise.all([
    getTenantSettings(db, tenantId), loadProductSettings(db, tenantId),
    readPeriodDemand(db, tenantId, asOf, PERIOD_DAYS, HISTORY_PERIODS_MAX),
    stockedItems(db, tenantId), listIncoming(db, tenantId), activeIds(db, tenantId),
  ]);

  // period index 0 is the latest; each series runs from its oldest period with demand.
  const history = new Map<string, Map<number, number>>();
  const keyOf = (productId: string, locationId: string) => `${productId}\u0000${locationId}`;
  const items = new Map<string, { productId: string; locationId: string }>();
  const addItem = (productId: string, locationId: string) => {
    if (active.products.has(productId) && active.locations.has(locationId)) items.set(keyOf(productId, locationId), { productId, locationId });
  };
  for (const row of periods) {
    const key = keyOf(row.product_id, row.location_id);
    const byPeriod = history.get(key) ?? new Map<number, number>();
    byPeriod.set(row.period, (byPeriod.get(row.period) ?? 0) + row.quantity);
    history.set(key, byPeriod);
    addItem(row.product_id, row.location_id);
  }
  for (const row of stocked) addItem(row.product_id, row.location_id);
  for (const row of incoming) addItem(row.productId, row.locationId);

  const stored: StoredForecast[] = [];
  let done = 0;
  for (const [key, item] of [...items].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const byPeriod = history.get(key);
    const oldest = byPeriod ? Math.max(...[...byPeriod].filter(([, q]) => q > 0).map(([k]) => k), -1) : -1;
    const series = Array.from({ length: oldest + 1 }, (_, i) => byPeriod?.get(oldest - i) ?? 0);
    const settings = effectiveSettings(tenant, products.get(item.productId));
    const f = forecast(series, { horizon: horizonFor(settings, tenant.horizon_weeks), season: SEASON_PERIODS, levels: POLICY_LEVELS });
    const policy = policyLevelsInDays(f, {
      leadTimeDays: settings.leadTimeDays, reviewPeriodDays: settings.reviewPeriodDays, serviceLevel: settings.serviceLevel,
      service: settings.serviceKind, periodDays: PERIOD_DAYS,
    });
    stored.push({
      productId: item.productId, locationId: item.locationId, asOf, periodDays: PERIOD_DAYS, method: f.method, historyPeriods: series.length,
      point: f.point.map(round3), quantiles: f.quantiles.map((q) => ({ level: q.level, values: q.values.map(round3) })),
      leadTimeDays: settings.leadTimeDays, reviewPeriodDays: settings.reviewPeriodDays, serviceLevel: settings.serviceLevel, serviceKind: settings.serviceKind,
      leadTimeDemand: policy.leadTimeDemand, protectionDemand: policy.protectionDemand, safetyStock: policy.safetyStock,
      reorderPoint: policy.reorderPoint, orderUpTo: policy.orderUpTo,
    });
    if (++done % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await replaceForecasts(db, tenantId, stored);
  return { tenantId, asOf, items: stored.length, ms: Math.round(performance.now() - started) };
}
