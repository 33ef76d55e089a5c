// A form that sends to the API: the busy flag, the refusal (the server's problem+json or
// the form's own check) and, for each field, the message meant for it by `path`. A
// refusal takes the focus so keyboard and screen-reader users land on the explanation.
import { useCallback, useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { ApiError, asApiError, type FieldError } from '../../../api/client.ts';

export interface FormState {
  busy: boolean;
  error: ApiError | null;
  problemRef: RefObject<HTMLDivElement | null>;
  /** The message for a field: an error whose path is this one or lies under it (`address` ← `address.city`). */
  errorOf(path: string): string | undefined;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  clear(): void;
}

/** A refusal found before sending, shown like the server's (field errors by path). */
export function invalidForm(errors: FieldError[]): ApiError {
  return new ApiError(422, 'validation_failed', 'Check the form', errors.length === 1 ? 'One field needs a fix.' : `${errors.length} fields need a fix.`, errors);
}

const under = (path: string, field: string) => path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);

/** `send` gets the form's data; a throw shows the refusal and keeps what was typed. */
export function useForm(send: (data: FormData, form: HTMLFormElement) => Promise<void>): FormState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!error) return;
    const frame = requestAnimationFrame(() => problemRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [error]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    setBusy(true);
    setError(null);
    send(new FormData(form), form).then(
      () => setBusy(false),
      (caught: unknown) => { setBusy(false); setError(asApiError(caught)); },
    );
  };

  const errorOf = (path: string) => error?.errors.find((e) => under(e.path.replace(/^\/?body[./]?/, ''), path))?.message;
  const clear = useCallback(() => setError(null), []);
  return { busy, error, problemRef, errorOf, onSubmit, clear };
}
