// A card holding a "create something" form: the fields come from the page; the card
// handles the submit (busy label, the server's refusal, clearing the form on success).
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { asApiError, type ApiError } from '../api/client.ts';
import { ProblemMessage } from './ProblemMessage.tsx';

export interface CreateFormCardProps {
  title: string;
  submitLabel: string;
  busyLabel?: string;
  /** Sends the form; a throw shows the refusal and keeps what was typed. */
  onSubmit(form: FormData): Promise<void>;
  /** Called as a submit starts, e.g. to hide the previous result. */
  onStart?(): void;
  /** What the last success produced (a notice, a secret), shown under the form. */
  result?: ReactNode;
  children: ReactNode;
}

export function CreateFormCard({ title, submitLabel, busyLabel = 'Creating…', onSubmit, onStart, result, children }: CreateFormCardProps) {
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setError(null);
    onStart?.();
    try {
      await onSubmit(new FormData(form));
      form.reset();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 className="card-title" id={titleId}>{title}</h2>
      <form className="form-grid" onSubmit={submit}>
        {children}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>{busy ? busyLabel : submitLabel}</button>
        </div>
      </form>
      {error ? <ProblemMessage error={error} onDismiss={() => setError(null)} /> : null}
      {result}
    </section>
  );
}
