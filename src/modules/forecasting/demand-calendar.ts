// Calendar arithmetic on 'YYYY-MM-DD' day strings, in UTC. Demand is bucketed by UTC day
// and rolled up into periods of whole days that end the day before the "as of" day, so
// a forecast never learns from a day that is not over yet.

const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The day `n` days after `day` (before, if n < 0). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Demand of one day (or of several rows of the same day, added up). */
export interface DayDemand { day: string; quantity: number; orders: number }

/** A demand history in periods, oldest first. */
export interface PeriodSeries {
  /** First day of each period. */
  starts: string[];
  quantities: number[];
  orders: number[];
}

/**
 * Rolls days up into periods of `periodDays` ending the day before `asOf`: period 0 is
 * the latest. The series starts at the oldest period with demand (a product that had not
 * sold yet has no history, not a history of zeros) and keeps at most `maxPeriods`.
 */
export function periodSeries(days: readonly DayDemand[], asOf: string, periodDays: number, maxPeriods: number): PeriodSeries {
  const quantities = new Map<number, number>();
  const orders = new Map<number, number>();
  let oldest = -1;
  for (const d of days) {
    const age = daysBetween(d.day, asOf);
    if (age < 1) continue;
    const k = Math.floor((age - 1) / periodDays);
    if (k >= maxPeriods) continue;
    quantities.set(k, (quantities.get(k) ?? 0) + d.quantity);
    orders.set(k, (orders.get(k) ?? 0) + d.orders);
    if (d.quantity > 0 && k > oldest) oldest = k;
  }
  const series: PeriodSeries = { starts: [], quantities: [], orders: [] };
  for (let k = oldest; k >= 0; k--) {
    series.starts.push(addDays(asOf, -periodDays * (k + 1)));
    series.quantities.push(quantities.get(k) ?? 0);
    series.orders.push(orders.get(k) ?? 0);
  }
  return series;
}
