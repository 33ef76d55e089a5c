// Loads one GET resource for a component: data, the error, a loading flag, reload().
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './client.ts';

export interface Resource<T> { data: T | undefined; error: ApiError | undefined; loading: boolean; reload(): void }

/**
 * Fetches `path` (null: nothing yet) and refetches when it or `refreshKey` changes;
 * answers to superseded requests are dropped.
 */
export function useApi<T>(path: string | null, refreshKey?: string | number): Resource<T> {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: ApiError }>({ path: null });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    api<T>('GET', path, undefined, controller.signal).then(
      (data) => setState({ path, data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ path, error: error instanceof ApiError ? error : new ApiError(0, 'client_error', 'Error', String(error)) });
      },
    );
    return () => controller.abort();
  }, [path, version, refreshKey]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const current = state.path === path;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: path !== null && (!current || (state.data === undefined && state.error === undefined)),
    reload,
  };
}
