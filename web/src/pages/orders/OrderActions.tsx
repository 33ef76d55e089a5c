// Hold, release and cancel, each behind a confirmation. The server decides: when it
// refuses (the order moved on in another tab, say), its message is shown as it said it
// and the order is reloaded to show where it stands now.
import { useRef, useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import type { Order } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';

type Action = 'hold' | 'release' | 'cancel';

const ACTIONS: Record<Action, { label: string; title: string; confirm: string; tone: 'danger' | 'primary'; reason: 'required' | 'none'; explain: string }> = {
  hold: { label: 'Hold', title: 'Put this order on hold?', confirm: 'Hold order', tone: 'primary', reason: 'required', explain: 'A held order keeps its reserved stock but is not worked on until it is released.' },
  release: { label: 'Release', title: 'Release this order?', confirm: 'Release order', tone: 'primary', reason: 'none', explain: 'The order goes back to open and can be fulfilled.' },
  cancel: { label: 'Cancel order', title: 'Cancel this order?', confirm: 'Cancel order', tone: 'danger', reason: 'required', explain: 'Every reservation is released. This cannot be undone.' },
};

/** The actions the order's status allows (the server checks again). */
function available(order: Order): Action[] {
  if (order.status === 'open') return ['hold', 'cancel'];
  if (order.status === 'on_hold') return ['release', 'cancel'];
  return [];
}

export function OrderActions({ order, onChanged }: { order: Order; onChanged(updated?: Order): void }) {
  const { can } = useSession();
  const [pending, setPending] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  if (!can('orders:manage')) return null;
  const actions = available(order);

  const run = async (action: Action, form: FormData) => {
    setBusy(true);
    const reason = String(form.get('reason') ?? '').trim();
    try {
      const updated = await api<Order>('POST', `/v1/orders/${order.id}/${action}`, ACTIONS[action].reason === 'none' ? undefined : { reason });
      setPending(null);
      setError(null);
      setDone(`Order #${order.number} is now ${updated.status.replace('_', ' ')}.`);
      onChanged(updated);
    } catch (caught) {
      setPending(null);
      setDone(null);
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'client_error', 'Error', String(caught)));
      onChanged();
      requestAnimationFrame(() => errorRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const spec = pending ? ACTIONS[pending] : null;
  return (
    <div className="order-actions">
      {actions.length > 0 ? (
        <div className="button-row">
          {actions.map((action) => (
            <button key={action} type="button" className={`button ${action === 'cancel' ? 'button-danger-outline' : ''}`} onClick={() => { setError(null); setDone(null); setPending(action); }}>
              {ACTIONS[action].label}
            </button>
          ))}
        </div>
      ) : null}
      {done ? <p className="notice notice-success" role="status">{done}</p> : null}
      {error ? <ProblemMessage ref={errorRef} error={error} onDismiss={() => setError(null)} /> : null}
      <ConfirmDialog
        open={pending !== null}
        title={spec?.title ?? ''}
        confirmLabel={spec?.confirm ?? ''}
        tone={spec?.tone ?? 'primary'}
        busy={busy}
        onClose={() => setPending(null)}
        onConfirm={(form) => { if (pending) void run(pending, form); }}
      >
        <p>{spec?.explain}</p>
        {spec?.reason === 'required' ? (
          <div className="field">
            <label htmlFor="action-reason">Reason</label>
            <textarea id="action-reason" name="reason" required maxLength={500} rows={3} />
          </div>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
