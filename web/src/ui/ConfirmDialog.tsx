// A modal confirmation on the native <dialog>: the browser traps focus, Escape closes
// it, and focus returns to the button that opened it.
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  busy?: boolean;
  onConfirm(form: FormData): void;
  onClose(): void;
}

export function ConfirmDialog({ open, title, children, confirmLabel, tone = 'primary', busy = false, onConfirm, onClose }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onConfirm(new FormData(event.currentTarget));
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      {open ? (
        <form method="dialog" onSubmit={submit}>
          <h2 id={titleId}>{title}</h2>
          <div className="dialog-body">{children}</div>
          <div className="dialog-actions">
            <button type="button" className="button button-quiet" onClick={onClose} disabled={busy}>Back</button>
            <button type="submit" className={`button button-${tone}`} disabled={busy}>{busy ? 'Working…' : confirmLabel}</button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
