// Keeps demand_daily in step with the orders, incrementally.
//
// The change feed is the orders' timeline: every change that can move demand (an order
// placed, even back-dated; an order canceled) writes an order event, and event ids only
// grow. A refresh recomputes, whole, every day touched by an event it has not looked at
// yet, and nothing else — so a late cancel corrects its day, and old days stay untouched.
//
// An event id can become visible after a higher one (its transaction committed later), so
// the watermark trails: a candidate, the highest id seen at some refresh, becomes the
// `safe` watermark only once IN_FLIGHT_MARGIN_MS have passed since it was read — long
// after any transaction open then has ended (requests time out in 30 s) — and a new
// candidate is read then. Events above `safe` are looked at again until then:
// recomputing a day twice is harmless.
import type { Kdb } from '../../platform/db/index.ts';
import { transaction } from '../../platform/http/index.ts';
import { addDays, utcDay } from './demand-calendar.ts';
import * as repo from './demand.repository.ts';

/** How long a transaction may stay open before the watermark passes its events. */
export const IN_FLIGHT_MARGIN_MS = 10 * 60_000;
/** Days of demand kept: three years of weeks, the longest history the forecasts use. */
export const DEMAND_HISTORY_DAYS = 156 * 7;

export interface RefreshOptions {
  /** The refresh's clock (tests move it forward); defaults to now. */
  now?: Date;
  /** Rebuild every day in the window instead of only the touched ones. */
  full?: boolean;
}

export interface RefreshResult {
  tenantId: string;
  full: boolean;
  /** The days recomputed, oldest first. */
  days: string[];
  rows: number;
}

/** Brings the tenant's daily demand up to date; one transaction, one refresh per tenant at a time. */
export async function refreshDemand(db: Kdb, tenantId: string, options: RefreshOptions = {}): Promise<RefreshResult> {
  const now = options.now ?? new Date();
  const fromDay = addDays(utcDay(now), -DEMAND_HISTORY_DAYS);
  return transaction(db, async (trx) => {
    const state = await repo.lockRefreshState(trx, tenantId);
    const full = options.full === true || state.refreshedAt === null;
    const settled = state.latestReadAt !== null && state.latestReadAt.getTime() <= now.getTime() - IN_FLIGHT_MARGIN_MS;
    // This refresh still scans from the old watermark: events up to a settled candidate
    // are all committed now, but a refresh may not have run since some of them were.
    const safeEventId = settled ? Math.max(state.safeEventId, state.latestEventId) : state.safeEventId;
    // The candidate is read before the scan, so events committed in between are scanned
    // now and again later. An unsettled candidate is kept, or frequent refreshes would
    // keep renewing it and the watermark would never move.
    const renew = settled || state.latestReadAt === null;
    const latestEventId = renew ? await repo.maxOrderEventId(trx, tenantId) : state.latestEventId;
    const latestReadAt = renew ? now : state.latestReadAt;
    const days = full ? await repo.orderDays(trx, tenantId, fromDay) : await repo.daysTouchedSince(trx, tenantId, state.safeEventId, fromDay);
    await repo.deleteDemandDays(trx, tenantId, full ? 'all' : days, fromDay);
    const rows = await repo.insertDemandDays(trx, tenantId, days);
    await repo.saveRefreshState(trx, tenantId, { safeEventId, latestEventId, latestReadAt, refreshedAt: now, full });
    return { tenantId, full, days, rows };
  });
}
