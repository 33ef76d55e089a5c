// One command a page sends (a POST, a DELETE): the busy flag and the server's refusal.
import { useCallback, useState } from 'react';
import { asApiError, type ApiError } from '../../api/client.ts';

export interface Command {
  busy: boolean;
  error: ApiError | null;
  /** Runs `send`; resolves with its answer, or undefined after a refusal (kept in `error`). */
  run<T>(send: () => Promise<T>): Promise<T | undefined>;
  clear(): void;
}

export function useCommand(): Command {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async <T,>(send: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await send();
    } catch (caught) {
      setError(asApiError(caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, clear };
}
