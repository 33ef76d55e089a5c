// The return window, counted in whole UTC calendar days from delivery: units delivered on
// day D with a window of N days may be returned through the end of day D + N (UTC). So
// "exactly on the last day" is allowed, the day after is not, and a window of 0 days
// means the delivery day only. Calendar days (not 24-hour periods) make the rule the same
// whatever time of day the parcel arrived, and easy to print as a date.

const DAY_MS = 86_400_000;

/** The UTC calendar date of a moment, as 'YYYY-MM-DD'. */
export function utcDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** The last day a return is accepted for units delivered at `deliveredAt`. */
export function lastReturnDay(deliveredAt: Date, windowDays: number): string {
  const deliveryDay = Date.parse(`${utcDay(deliveredAt)}T00:00:00.000Z`);
  return utcDay(new Date(deliveryDay + windowDays * DAY_MS));
}

/** The last instant of the window: the end of its last day, UTC. */
export function windowEndsAt(deliveredAt: Date, windowDays: number): string {
  return `${lastReturnDay(deliveredAt, windowDays)}T23:59:59.999Z`;
}

/** True while `now` falls on or before the last return day. */
export function withinWindow(now: Date, deliveredAt: Date, windowDays: number): boolean {
  return utcDay(now) <= lastReturnDay(deliveredAt, windowDays);
}
