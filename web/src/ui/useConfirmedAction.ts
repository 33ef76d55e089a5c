// An action on one row that a dialog confirms first (revoke a key, disable a user): which
// row is asked about, the busy flag, the refusal, and a reload of the list afterwards.
import { useState } from 'react';
import { asApiError, type ApiError } from '../api/client.ts';

export interface ConfirmedAction<T> {
  /** The row the dialog asks about; null when it is closed. */
  target: T | null;
  ask(item: T): void;
  cancel(): void;
  confirm(): Promise<void>;
  busy: boolean;
  error: ApiError | null;
  dismissError(): void;
}

export function useConfirmedAction<T>(perform: (item: T) => Promise<unknown>, afterwards: () => void): ConfirmedAction<T> {
  const [target, setTarget] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const confirm = async () => {
    if (!target) return;
    setBusy(true);
    try {
      await perform(target);
      setError(null);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
      setTarget(null);
      // Reload either way: a refusal usually means the row changed meanwhile.
      afterwards();
    }
  };

  return { target, ask: setTarget, cancel: () => setTarget(null), confirm, busy, error, dismissError: () => setError(null) };
}
