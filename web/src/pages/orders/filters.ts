// The orders list's filter, kept in the URL so a filtered list can be bookmarked and
// shared. Dates are local calendar days; the API gets the matching instants.
import { query } from '../../api/client.ts';
import { dayStart } from '../../format.ts';

export const PAGE_SIZE = 50;
export const ORDER_STATUSES = ['open', 'on_hold', 'canceled', 'completed'] as const;

export interface OrderFilter { q: string; status: string; channel: string; email: string; from: string; to: string; cursor: string }

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filterFromSearch(search: URLSearchParams): OrderFilter {
  const day = (name: string) => { const v = search.get(name) ?? ''; return DAY.test(v) ? v : ''; };
  return {
    q: search.get('q') ?? '', status: search.get('status') ?? '', channel: search.get('channel') ?? '',
    email: search.get('email') ?? '', from: day('from'), to: day('to'), cursor: search.get('cursor') ?? '',
  };
}

/** The page URL of a filter (the cursor included only when given). */
export function listHref(filter: Partial<OrderFilter>): string {
  return `/orders${query({ q: filter.q, status: filter.status, channel: filter.channel, email: filter.email, from: filter.from, to: filter.to, cursor: filter.cursor })}`;
}

/** The API request of a filter: one page, newest first. */
export function apiPath(filter: OrderFilter): string {
  return `/v1/orders${query({
    q: filter.q.trim(), status: filter.status, channel: filter.channel, email: filter.email,
    created_from: filter.from ? dayStart(filter.from) : '', created_to: filter.to ? dayStart(filter.to, 1) : '',
    cursor: filter.cursor, limit: PAGE_SIZE,
  })}`;
}

export function isFiltered(filter: OrderFilter): boolean {
  return Boolean(filter.q || filter.status || filter.channel || filter.email || filter.from || filter.to);
}
