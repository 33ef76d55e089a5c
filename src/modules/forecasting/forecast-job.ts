// The whole forecasting pass — refresh the demand history, then forecast and store the
// policies — for one tenant or all, as `ordo forecast run` and the server's timer run it.
import type { Kdb } from '../../platform/db/index.ts';
import { refreshDemand, type RefreshResult } from './demand.service.ts';
import { runForecasts, type ForecastRunResult } from './forecast-run.ts';

export interface ForecastingPassOptions {
  /** Only this tenant; every tenant when omitted. */
  tenantId?: string | undefined;
  /** Rebuild the whole demand history instead of the days touched since the last pass. */
  full?: boolean | undefined;
  now?: Date | undefined;
}

export interface ForecastingPassResult { tenantId: string; demand: RefreshResult; forecasts: ForecastRunResult }

/** Refreshes demand and forecasts, tenant after tenant. */
export async function runForecastingPass(db: Kdb, options: ForecastingPassOptions = {}): Promise<ForecastingPassResult[]> {
  const tenants = options.tenantId !== undefined
    ? [options.tenantId]
    : (await db.selectFrom('tenants').select('id').orderBy('id').execute()).map((t) => t.id);
  const results: ForecastingPassResult[] = [];
  for (const tenantId of tenants) {
    const demand = await refreshDemand(db, tenantId, { full: options.full, now: options.now });
    const forecasts = await runForecasts(db, tenantId, { now: options.now });
    results.push({ tenantId, demand, forecasts });
  }
  return results;
}

/** The logging the job needs (pino's, Fastify's logger). */
export interface JobLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

const FIRST_RUN_DELAY_MS = 30_000;
const DEFAULT_INTERVAL_MINUTES = 60;

/** Minutes between passes from ORDO_FORECAST_INTERVAL_MINUTES (default 60; 0 turns the job off). */
export function forecastIntervalMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ORDO_FORECAST_INTERVAL_MINUTES;
  if (raw === undefined || raw === '') return DEFAULT_INTERVAL_MINUTES;
  const minutes = Number(raw);
  if (!Number.isInteger(minutes) || minutes < 0) throw new Error(`ORDO_FORECAST_INTERVAL_MINUTES must be a non-negative integer, got ${raw}`);
  return minutes;
}

/**
 * Runs a pass 30 s after start and then every interval, in this process. Timers do not
 * keep the process alive, and a pass cut short by shutdown rolls back (each step is one
 * transaction), so stopping needs nothing. Several processes may each run the job: a
 * tenant's demand refresh takes a row lock, so they take turns, and a forecast pass
 * replaces the previous one whole.
 */
export function startForecastJob(db: Kdb, log: JobLogger, env: NodeJS.ProcessEnv = process.env): { stop(): void } {
  const minutes = forecastIntervalMinutes(env);
  if (minutes === 0) return { stop: () => {} };
  let running = false;
  const pass = async () => {
    if (running) return; // a slow pass is not stacked on
    running = true;
    try {
      const results = await runForecastingPass(db);
      log.info({ tenants: results.length, items: results.reduce((n, r) => n + r.forecasts.items, 0), days: results.reduce((n, r) => n + r.demand.days.length, 0) }, 'forecasting pass done');
    } catch (error) {
      log.error({ err: error }, 'forecasting pass failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void pass(), FIRST_RUN_DELAY_MS);
  const every = setInterval(() => void pass(), minutes * 60_000);
  first.unref();
  every.unref();
  return { stop: () => { clearTimeout(first); clearInterval(every); } };
}
