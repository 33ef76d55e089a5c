// A card holding one form: its title, the fields, the submit button (busy label), the
// refusal (focused) and what the last success said. `collapsed` starts it closed behind
// its title, for create forms above a list.
import { useId, type ReactNode } from 'react';
import { ProblemMessage } from '../../../ui/ProblemMessage.tsx';
import type { FormState } from './useForm.ts';
import './settings.css';

export interface FormCardProps {
  title: string;
  form: FormState;
  submitLabel: string;
  busyLabel?: string;
  /** A success notice (announced) or a result such as a secret. */
  result?: ReactNode;
  collapsed?: boolean;
  /** Extra buttons beside submit (a cancel link). */
  actions?: ReactNode;
  /** Shown but not editable (the viewer may read, not change): fields disabled, no submit. */
  readOnly?: boolean;
  children: ReactNode;
}

export function FormCard({ title, form, submitLabel, busyLabel = 'Saving…', result, collapsed, actions, readOnly = false, children }: FormCardProps) {
  const titleId = useId();
  const body = (
    <>
      <form className="form-grid" onSubmit={form.onSubmit} noValidate aria-labelledby={titleId} aria-busy={form.busy}>
        <fieldset className="contents" disabled={readOnly}>{children}</fieldset>
        {readOnly ? <p className="muted field-wide">Your role may read these settings, not change them.</p> : (
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={form.busy}>{form.busy ? busyLabel : submitLabel}</button>
            {actions}
          </div>
        )}
      </form>
      {form.error ? <ProblemMessage ref={form.problemRef} error={form.error} onDismiss={form.clear} /> : null}
      <div aria-live="polite">{result}</div>
    </>
  );
  if (collapsed !== undefined) {
    return (
      <details className="card form-details" open={!collapsed || undefined}>
        <summary><h2 className="card-title" id={titleId}>{title}</h2></summary>
        {body}
      </details>
    );
  }
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 className="card-title" id={titleId}>{title}</h2>
      {body}
    </section>
  );
}
