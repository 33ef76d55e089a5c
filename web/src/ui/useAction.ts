// One action a page sends (a POST behind a confirmation): the busy flag, what it
// achieved (a notice for the live region) or the server's refusal, which <ActionFeedback>
// shows and focuses so keyboard and screen-reader users land on the explanation.
import { useCallback, useRef, useState, type RefObject } from 'react';
import { asApiError, type ApiError } from '../api/client.ts';

export interface Action {
  busy: boolean;
  error: ApiError | null;
  notice: string | null;
  errorRef: RefObject<HTMLDivElement | null>;
  /**
   * Sends; on success shows `success(answer)` and resolves with the answer, on refusal
   * resolves undefined. `settle` runs first either way (close the dialog), in the same
   * render as the outcome, so the dialog's focus return cannot take the focus back.
   */
  run<T>(send: () => Promise<T>, success: (answer: T) => string | null, settle?: () => void): Promise<T | undefined>;
  clear(): void;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const run = useCallback(async <T,>(send: () => Promise<T>, success: (answer: T) => string | null, settle?: () => void): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const answer = await send();
      settle?.();
      setNotice(success(answer));
      return answer;
    } catch (caught) {
      settle?.();
      setError(asApiError(caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => { setError(null); setNotice(null); }, []);
  return { busy, error, notice, errorRef, run, clear };
}
