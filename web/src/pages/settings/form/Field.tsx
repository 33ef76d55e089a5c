// One labelled form field with its hint and its error right under it. The control is
// rendered by the caller with the ids that tie label, hint and error together.
import type { ReactNode } from 'react';

export interface FieldControlProps { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }

export function Field({ id, label, hint, error, wide = false, children }: {
  id: string; label: ReactNode; hint?: ReactNode; error?: string | undefined; wide?: boolean;
  children(control: FieldControlProps): ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${wide ? ' field-wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {hint ? <p className="field-hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? <p className="field-error" id={`${id}-error`}>{error}</p> : null}
    </div>
  );
}

/** A checkbox with its label beside it, and an optional hint. */
export function CheckField({ id, name, label, hint, defaultChecked }: { id: string; name: string; label: ReactNode; hint?: ReactNode; defaultChecked: boolean }) {
  return (
    <div className="field field-check">
      <label htmlFor={id}>
        <input id={id} name={name} type="checkbox" defaultChecked={defaultChecked} aria-describedby={hint ? `${id}-hint` : undefined} />
        <span>{label}</span>
      </label>
      {hint ? <p className="field-hint" id={`${id}-hint`}>{hint}</p> : null}
    </div>
  );
}
