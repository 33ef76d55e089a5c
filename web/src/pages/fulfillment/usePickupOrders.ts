// Pickup fulfillment orders of some statuses at a store (or every store). The API filters
// by one status and not by delivery type, so each status is asked for and the ship ones
// are dropped here.
import { useCallback, useEffect, useState } from 'react';
import { api, asApiError, query, type ApiError } from '../../api/client.ts';
import type { FulfillmentOrder, FulfillmentOrderStatus, Page } from '../../api/types.ts';

/** The most fulfillment orders per status a section lists. */
export const PICKUP_LIST_LIMIT = 100;

export interface PickupOrders { data: FulfillmentOrder[] | undefined; error: ApiError | undefined; loading: boolean; reload(): void }

export function usePickupOrders(location: string, statuses: readonly FulfillmentOrderStatus[], version: number): PickupOrders {
  const key = `${location}|${statuses.join(',')}|${version}`;
  const [state, setState] = useState<{ key: string; data?: FulfillmentOrder[]; error?: ApiError }>({ key: '' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    const [place, list] = key.split('|');
    Promise.all((list ?? '').split(',').map((status) =>
      api<Page<FulfillmentOrder>>('GET', `/v1/fulfillment-orders${query({ location: place, status, limit: PICKUP_LIST_LIMIT })}`, undefined, controller.signal)))
      .then((pages) => setState({ key, data: pages.flatMap((p) => p.data).filter((fo) => fo.delivery_type === 'pickup').sort((a, b) => a.created_at.localeCompare(b.created_at)) }))
      .catch((caught: unknown) => { if (!controller.signal.aborted) setState({ key, error: asApiError(caught) }); });
    return () => controller.abort();
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const current = state.key === key;
  return { data: current ? state.data : undefined, error: current ? state.error : undefined, loading: !current || (!state.data && !state.error), reload };
}
