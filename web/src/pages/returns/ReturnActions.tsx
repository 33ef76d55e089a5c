// Approve, reject and close a return, each behind a confirmation; the server decides
// and its refusal is shown as it said it.
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Return } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { formatMoney } from '../../format.ts';
import { ActionFeedback } from '../../ui/ActionFeedback.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useAction } from '../../ui/useAction.ts';

type Kind = 'approve' | 'reject' | 'close';

function available(ret: Return): Kind[] {
  if (ret.status === 'requested') return ['approve', 'reject'];
  if (ret.status === 'approved') return ['reject'];
  if (ret.status === 'received') return ['close'];
  return [];
}

const LABELS: Record<Kind, { button: string; title: string; confirm: string; tone: 'primary' | 'danger' }> = {
  approve: { button: 'Approve', title: 'Approve this return?', confirm: 'Approve return', tone: 'primary' },
  reject: { button: 'Reject', title: 'Reject this return?', confirm: 'Reject return', tone: 'danger' },
  close: { button: 'Close and refund', title: 'Close this return and refund?', confirm: 'Close and refund', tone: 'primary' },
};

export function ReturnActions({ ret, currency, onChanged }: { ret: Return; currency: string | null; onChanged(updated?: Return): void }) {
  const { can } = useSession();
  const action = useAction();
  const [pending, setPending] = useState<Kind | null>(null);
  if (!can('returns:manage')) return null;
  const kinds = available(ret);
  const refund = ret.refund_preview?.amount;
  const refundText = refund !== undefined && currency ? formatMoney(refund, currency) : null;

  const send = async (form: FormData) => {
    if (!pending) return;
    const kind = pending;
    const reason = String(form.get('reason') ?? '').trim();
    const updated = await action.run(
      () => api<Return>('POST', `/v1/returns/${encodeURIComponent(ret.id)}/${kind}`, kind === 'reject' ? { reason } : {}),
      (r) => `Return #${r.number} is now ${r.status}.`,
      () => setPending(null),
    );
    onChanged(updated);
  };

  const spec = pending ? LABELS[pending] : null;
  return (
    <div className="order-actions">
      {kinds.length > 0 ? (
        <div className="button-row" role="group" aria-label="Return actions">
          {kinds.map((kind) => (
            <button key={kind} type="button" className={`button ${kind === 'reject' ? 'button-danger-outline' : kind === 'close' ? 'button-primary' : ''}`} onClick={() => { action.clear(); setPending(kind); }}>
              {kind === 'close' && refundText ? `Close and refund ${refundText}` : LABELS[kind].button}
            </button>
          ))}
        </div>
      ) : null}
      <ConfirmDialog open={pending !== null} title={spec?.title ?? ''} confirmLabel={spec?.confirm ?? ''} tone={spec?.tone ?? 'primary'} busy={action.busy}
        onClose={() => setPending(null)} onConfirm={(form) => { void send(form); }}>
        {pending === 'approve' ? <p>The customer can send the items back{ret.exchange ? '; the replacement order is created now' : ''}.</p> : null}
        {pending === 'reject' ? (
          <>
            <p>{ret.status === 'approved' ? 'Nothing has been received yet. ' : ''}The units can be asked for again later.</p>
            <div className="field">
              <label htmlFor="reject-reason">Reason</label>
              <textarea id="reject-reason" name="reason" required maxLength={500} rows={3} />
            </div>
          </>
        ) : null}
        {pending === 'close' ? <p>{refundText ? `${refundText} goes back to the order's payments.` : 'The refund goes back to the order\'s payments.'} The return cannot change afterwards.</p> : null}
      </ConfirmDialog>
      <ActionFeedback action={action} />
    </div>
  );
}
