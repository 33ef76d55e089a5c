// When does stock run out? The point forecast is spread evenly over the days of each
// period, and scheduled receipts (open purchase orders) arrive at the start of their
// day. Unlike the engine's projectedStockoutDate, this counts what is on its way.
import { addDays, daysBetween } from './demand-calendar.ts';

export interface ScheduledReceipt {
  /** 'YYYY-MM-DD'; a day before `start` (an overdue delivery) counts as arriving on `start`. */
  day: string;
  quantity: number;
}

/**
 * The first day on which the stock cannot cover that day's forecast demand, or null if it
 * lasts through the forecast. `available` may be negative (units owed to backorders):
 * then stock is short from the start unless a receipt covers it.
 */
export function projectStockout(available: number, point: readonly number[], start: string, periodDays: number, receipts: readonly ScheduledReceipt[] = []): string | null {
  const arriving = new Map<number, number>();
  for (const r of receipts) {
    const offset = Math.max(0, daysBetween(start, r.day));
    arriving.set(offset, (arriving.get(offset) ?? 0) + r.quantity);
  }
  let stock = available;
  const days = point.length * periodDays;
  for (let d = 0; d < days; d++) {
    stock += arriving.get(d) ?? 0;
    const demand = Math.max(0, point[Math.floor(d / periodDays)] ?? 0) / periodDays;
    if (stock < 0 || demand > stock + 1e-9) return addDays(start, d);
    stock -= demand;
  }
  return null;
}
