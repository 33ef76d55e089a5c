// The dashboard's time window, kept in the URL (`?period=`), in the viewer's time zone.
import { dayStart, localDay } from '../../format.ts';

export const PERIODS = [
  { id: 'today', label: 'Today', days: 1 },
  { id: '7d', label: 'Last 7 days', days: 7 },
  { id: '30d', label: 'Last 30 days', days: 30 },
] as const;

export type PeriodId = (typeof PERIODS)[number]['id'];

export function periodOf(value: string | null): (typeof PERIODS)[number] {
  return PERIODS.find((p) => p.id === value) ?? PERIODS[0];
}

/** The summary request for a period: from local midnight `days - 1` days ago until now. */
export function summaryPath(days: number): string {
  const from = dayStart(localDay(new Date()), -(days - 1));
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return `/v1/reports/summary?${new URLSearchParams({ from, tz }).toString()}`;
}
