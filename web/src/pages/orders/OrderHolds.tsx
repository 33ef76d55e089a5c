// The order's active holds: why, since when and by whom. With several, each can be
// released on its own; the order opens once the last one goes.
import { api } from '../../api/client.ts';
import type { Hold, Order } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { actorLabel, formatDateTime } from '../../format.ts';
import { ActionFeedback } from '../../ui/ActionFeedback.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useAction } from '../../ui/useAction.ts';
import { useState } from 'react';
import { activeHolds } from './order-facts.ts';
import { holdTypeLabel } from './labels.ts';

export function OrderHolds({ order, onChanged }: { order: Order; onChanged(updated?: Order): void }) {
  const { can, me } = useSession();
  const action = useAction();
  const [target, setTarget] = useState<Hold | null>(null);
  const holds = activeHolds(order);
  if (holds.length === 0 && !action.notice && !action.error) return null;
  const releaseOne = can('orders:manage') && holds.length > 1;

  const release = async () => {
    if (!target) return;
    const updated = await action.run(
      () => api<Order>('POST', `/v1/orders/${encodeURIComponent(order.id)}/release`, { hold_id: target.id }),
      (o) => `The ${holdTypeLabel(target.type).toLowerCase()} hold is lifted; the order is ${o.status.replace('_', ' ')}.`,
      () => setTarget(null),
    );
    onChanged(updated);
  };

  return (
    <section className="card" aria-labelledby="holds-title">
      <h2 className="card-title" id="holds-title">Holds</h2>
      {holds.length === 0 ? <p className="muted">No active holds.</p> : null}
      <ul className="plain-list stack">
        {holds.map((h) => (
          <li key={h.id} className="hold">
            <div>
              <p><strong>{holdTypeLabel(h.type)}</strong></p>
              {h.reason ? <p>{h.reason}</p> : null}
              <p className="small muted">Since {formatDateTime(h.created_at)} · {actorLabel(h.created_by, me?.user?.id)}{h.expires_at ? ` · ends ${formatDateTime(h.expires_at)}` : ''}</p>
            </div>
            {releaseOne ? <button type="button" className="button button-small" aria-label={`Lift the ${holdTypeLabel(h.type).toLowerCase()} hold`} onClick={() => { action.clear(); setTarget(h); }}>Lift</button> : null}
          </li>
        ))}
      </ul>
      <ConfirmDialog open={target !== null} title="Lift this hold?" confirmLabel="Lift hold" busy={action.busy} onClose={() => setTarget(null)} onConfirm={() => { void release(); }}>
        <p>{target ? `${holdTypeLabel(target.type)}${target.reason ? `: ${target.reason}` : ''}.` : ''} The other holds stay.</p>
      </ConfirmDialog>
      <ActionFeedback action={action} />
    </section>
  );
}
