// The dashboard summary: counts and money for a time window, and the stock running low.
import type { Kdb } from '../../platform/db/index.ts';
import { invalid, sqlState } from '../../platform/http/index.ts';
import * as q from './summary.queries.ts';

/** The longest window one summary covers (it is aggregated on every request). */
export const SUMMARY_WINDOW_DAYS_MAX = 366;
export const LOW_STOCK_ROWS_MAX = 10;

export interface Money { currency: string; amount: number }

export interface SummaryQuery { from?: string | undefined; to?: string | undefined; tz?: string | undefined; low_stock_threshold?: number | undefined }

/** Adds an amount to a per-currency list, keeping one entry per currency. */
function addMoney(list: Money[], currency: string, amount: number): void {
  const entry = list.find((m) => m.currency === currency);
  if (entry) entry.amount += amount;
  else list.push({ currency, amount });
}

function resolveWindow(query: SummaryQuery, now: Date): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (from >= to) throw invalid('query.from', 'must be before to');
  if (to.getTime() - from.getTime() > SUMMARY_WINDOW_DAYS_MAX * 86_400_000) throw invalid('query.from', `the window may span at most ${SUMMARY_WINDOW_DAYS_MAX} days`);
  return { from, to };
}

/** Summarizes orders in [from, to) (default: since the start of today, UTC) and low stock now. */
export async function summary(db: Kdb, tenantId: string, query: SummaryQuery, now = new Date()) {
  const { from, to } = resolveWindow(query, now);
  const tz = query.tz ?? 'UTC';
  const threshold = query.low_stock_threshold ?? 5;
  const window = { tenantId, from, to };
  let days: q.DayRow[];
  try {
    days = await q.byDay(db, window, tz);
  } catch (error) {
    if (sqlState(error) === '22023') throw invalid('query.tz', `unknown time zone ${tz}`);
    throw error;
  }
  const [totals, channels, statuses, low] = await Promise.all([
    q.totalsByCurrency(db, window), q.byChannel(db, window), q.byStatus(db, window), q.lowStock(db, tenantId, threshold, LOW_STOCK_ROWS_MAX),
  ]);

  const byChannel = new Map<string, { channel: string; name: string; orders: number; revenue: Money[] }>();
  for (const row of channels) {
    const entry = byChannel.get(row.channel) ?? { channel: row.channel, name: row.name, orders: 0, revenue: [] };
    entry.orders += row.orders;
    addMoney(entry.revenue, row.currency, row.revenue);
    byChannel.set(row.channel, entry);
  }
  const daily = new Map<string, { day: string; orders: number; revenue: Money[] }>();
  for (const row of days) {
    const entry = daily.get(row.day) ?? { day: row.day, orders: 0, revenue: [] };
    entry.orders += row.orders;
    if (row.currency) addMoney(entry.revenue, row.currency, row.revenue);
    daily.set(row.day, entry);
  }
  return {
    from: from.toISOString(), to: to.toISOString(), tz,
    orders: totals.reduce((n, t) => n + t.orders, 0),
    canceled: totals.reduce((n, t) => n + t.canceled, 0),
    revenue: totals.map((t) => ({ currency: t.currency, amount: t.revenue })),
    by_channel: [...byChannel.values()].sort((a, b) => b.orders - a.orders || a.channel.localeCompare(b.channel)),
    by_status: statuses,
    daily: [...daily.values()],
    low_stock: {
      threshold,
      total: low[0]?.total ?? 0,
      items: low.map(({ total: _total, ...item }) => item),
    },
  };
}
