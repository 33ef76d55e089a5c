// The returns pages' addresses and the list filter, which lives in the URL.
import { query } from '../../api/client.ts';
import type { ReturnStatus } from '../../api/types.ts';

export const RETURN_STATUSES: ReturnStatus[] = ['requested', 'approved', 'received', 'closed', 'rejected'];

export interface ReturnFilter { status: string; order: string; cursor: string }

export const returnHref = (number: string) => `/returns/${encodeURIComponent(number)}`;

export function filterFromSearch(search: URLSearchParams): ReturnFilter {
  const status = search.get('status') ?? '';
  return { status: (RETURN_STATUSES as string[]).includes(status) ? status : '', order: search.get('order') ?? '', cursor: search.get('cursor') ?? '' };
}

export function listHref(filter: Partial<ReturnFilter>): string {
  return `/returns${query({ status: filter.status, order: filter.order, cursor: filter.cursor })}`;
}

export function apiPath(filter: ReturnFilter): string {
  return `/v1/returns${query({ status: filter.status, order: filter.order, cursor: filter.cursor, limit: 50 })}`;
}
