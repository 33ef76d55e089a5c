// A barcode-scanner input. Scanners in keyboard-wedge mode type the code and press
// Enter, often faster than the server answers, so scans are queued and sent one at a
// time in the order they were read. The field clears and keeps the focus after every
// scan, so the next one can follow without touching the mouse.
import { forwardRef, useImperativeHandle, useRef, useState, type FormEvent, type ReactNode } from 'react';

export interface ScanFieldHandle { focus(): void }

export interface ScanFieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  placeholder?: string;
  submitLabel?: string;
  /** Handles one scan; the next queued scan waits until it settles. */
  onScan(code: string): Promise<void>;
  disabled?: boolean;
  autoFocus?: boolean;
}

export const ScanField = forwardRef<ScanFieldHandle, ScanFieldProps>(function ScanField(
  { id, label, hint, placeholder, submitLabel = 'Add', onScan, disabled = false, autoFocus = true }, ref,
) {
  const input = useRef<HTMLInputElement>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [pending, setPending] = useState(0);
  useImperativeHandle(ref, () => ({ focus: () => input.current?.focus() }), []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = input.current;
    const code = element?.value.trim() ?? '';
    if (!element || code === '') return;
    element.value = '';
    element.focus();
    setPending((n) => n + 1);
    queue.current = queue.current
      .then(() => onScan(code))
      .catch(() => undefined)
      .finally(() => {
        setPending((n) => n - 1);
        // Keep the scanner's place unless the user has moved on to another control.
        if (document.activeElement === document.body) input.current?.focus();
      });
  };

  return (
    <form className="scan-field" onSubmit={submit} aria-busy={pending > 0}>
      <div className="field field-grow">
        <label htmlFor={id}>{label}</label>
        <div className="scan-row">
          <input
            id={id} ref={input} name="code" autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={64}
            placeholder={placeholder} disabled={disabled} autoFocus={autoFocus} enterKeyHint="go"
            aria-describedby={hint ? `${id}-hint` : undefined} className="scan-input"
          />
          <button type="submit" className="button" disabled={disabled}>{submitLabel}</button>
        </div>
        {hint ? <p className="field-hint" id={`${id}-hint`}>{hint}</p> : null}
      </div>
    </form>
  );
});
