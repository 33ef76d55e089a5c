// The order's actions: hold, release, cancel and refund behind a confirmation; edit and
// new return open their own pages. The server decides: when it refuses (the order moved
// on in another tab, say), its message is shown as it said it and the order is reloaded.
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Order, Refund } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { formatMoney } from '../../format.ts';
import { Link } from '../../router/router.tsx';
import { ActionFeedback } from '../../ui/ActionFeedback.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { parseMoneyInput } from '../../ui/money-input.ts';
import { useAction } from '../../ui/useAction.ts';
import { CancelSummary, HoldFields, ReleaseSummary } from './ActionDialogBodies.tsx';
import { RefundFields } from './RefundFields.tsx';
import { canEdit, canReturn, refundableAmount } from './order-facts.ts';
import { editHref, newReturnHref } from './paths.ts';

type Pending = 'hold' | 'release' | 'cancel' | 'refund';

const DIALOGS: Record<Pending, { title(order: Order): string; confirm(order: Order): string; tone: 'danger' | 'primary' }> = {
  hold: { title: (o) => (o.status === 'on_hold' ? 'Add another hold?' : 'Put this order on hold?'), confirm: (o) => (o.status === 'on_hold' ? 'Add hold' : 'Hold order'), tone: 'primary' },
  release: { title: () => 'Release this order?', confirm: () => 'Release order', tone: 'primary' },
  cancel: { title: () => 'Cancel this order?', confirm: () => 'Cancel order', tone: 'danger' },
  refund: { title: () => 'Refund money?', confirm: () => 'Issue refund', tone: 'danger' },
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export function OrderActions({ order, onChanged }: { order: Order; onChanged(updated?: Order): void }) {
  const { can } = useSession();
  const action = useAction();
  const [pending, setPending] = useState<Pending | null>(null);
  const [amountError, setAmountError] = useState<string | null>(null);
  const manage = can('orders:manage');
  const refundable = refundableAmount(order);
  const live = order.status === 'open' || order.status === 'on_hold';

  const open = (next: Pending) => { action.clear(); setAmountError(null); setPending(next); };
  const settle = () => setPending(null);
  const afterOrder = (updated: Order | undefined) => onChanged(updated);
  const orderPath = `/v1/orders/${encodeURIComponent(order.id)}`;

  const confirm = async (form: FormData) => {
    if (pending === 'refund') {
      const amount = parseMoneyInput(text(form, 'amount'), order.currency);
      if (!amount.ok) { setAmountError(amount.message); document.getElementById('refund-amount')?.focus(); return; }
      await action.run(() => api<Refund>('POST', `${orderPath}/refunds`, { amount: amount.minor, reason: text(form, 'reason') }),
        (r) => `Refund of ${formatMoney(r.amount, r.currency)} issued (${r.status}).`, settle);
      onChanged();
      return;
    }
    if (pending === 'hold') {
      afterOrder(await action.run(() => api<Order>('POST', `${orderPath}/hold`, { type: text(form, 'type') || 'manual', reason: text(form, 'reason') }), describe, settle));
    } else if (pending === 'release') {
      const reason = text(form, 'reason');
      afterOrder(await action.run(() => api<Order>('POST', `${orderPath}/release`, reason ? { reason } : {}), describe, settle));
    } else if (pending === 'cancel') {
      afterOrder(await action.run(() => api<Order>('POST', `${orderPath}/cancel`, { reason: text(form, 'reason') }), describe, settle));
    }
  };
  const describe = (updated: Order) => `Order #${updated.number} is now ${updated.status.replace('_', ' ')}.`;

  const buttons = [
    manage && order.status === 'open' ? <button key="hold" type="button" className="button" onClick={() => open('hold')}>Hold</button> : null,
    manage && order.status === 'on_hold' ? <button key="release" type="button" className="button" onClick={() => open('release')}>Release</button> : null,
    manage && order.status === 'on_hold' ? <button key="add-hold" type="button" className="button button-quiet" onClick={() => open('hold')}>Add hold</button> : null,
    manage && canEdit(order) ? <Link key="edit" to={editHref(order)} className="button">Edit order</Link> : null,
    can('payments:manage') && refundable > 0 ? <button key="refund" type="button" className="button" onClick={() => open('refund')}>Refund</button> : null,
    can('returns:manage') && canReturn(order) ? <Link key="return" to={newReturnHref(order)} className="button">New return</Link> : null,
    manage && live ? <button key="cancel" type="button" className="button button-danger-outline" onClick={() => open('cancel')}>Cancel order</button> : null,
  ].filter(Boolean);

  const spec = pending ? DIALOGS[pending] : null;
  return (
    <div className="order-actions">
      {buttons.length > 0 ? <div className="button-row" role="group" aria-label="Order actions">{buttons}</div> : null}
      <ConfirmDialog
        open={pending !== null}
        title={spec?.title(order) ?? ''}
        confirmLabel={spec?.confirm(order) ?? ''}
        tone={spec?.tone ?? 'primary'}
        busy={action.busy}
        onClose={() => setPending(null)}
        onConfirm={(form) => { void confirm(form); }}
      >
        {pending === 'hold' ? <HoldFields order={order} /> : null}
        {pending === 'release' ? <ReleaseSummary order={order} /> : null}
        {pending === 'cancel' ? <CancelSummary order={order} /> : null}
        {pending === 'refund' ? <RefundFields currency={order.currency} refundable={refundable} amountError={amountError} /> : null}
      </ConfirmDialog>
      <ActionFeedback action={action} />
    </div>
  );
}
