// Receiving a return: where it arrives, and per item how many units are sellable (back
// on the shelf) and how many damaged (written off). A confirmation sums it up first.
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { Location, Page, Return } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { ActionFeedback } from '../../ui/ActionFeedback.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { useAction } from '../../ui/useAction.ts';

interface Receipt { location: string; items: { line_id: string; quantity: number; condition: 'sellable' | 'damaged' }[]; note?: string }

function readReceipt(form: FormData, ret: Return): Receipt | string {
  const items: Receipt['items'] = [];
  for (const item of ret.items) {
    for (const condition of ['sellable', 'damaged'] as const) {
      const text = String(form.get(`${condition}-${item.line_id}`) ?? '0').trim() || '0';
      if (!/^\d+$/.test(text)) return `Units of ${item.sku} are whole numbers.`;
      if (Number(text) > 0) items.push({ line_id: item.line_id, quantity: Number(text), condition });
    }
  }
  if (items.length === 0) return 'Nothing is received: enter the units that came back.';
  const note = String(form.get('note') ?? '').trim();
  return { location: String(form.get('location') ?? ''), items, ...(note ? { note } : {}) };
}

export function ReceiveForm({ ret, onReceived }: { ret: Return; onReceived(updated: Return): void }) {
  const locations = useApi<Page<Location>>('/v1/locations');
  const action = useAction();
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const active = (locations.data?.data ?? []).filter((l) => l.active);

  const review = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readReceipt(new FormData(event.currentTarget), ret);
    if (typeof read === 'string') { setProblem(read); return; }
    setProblem(null);
    action.clear();
    setReceipt(read);
  };
  const send = async () => {
    if (!receipt) return;
    const updated = await action.run(() => api<Return>('POST', `/v1/returns/${encodeURIComponent(ret.id)}/receive`, receipt), () => null, () => setReceipt(null));
    if (updated) onReceived(updated);
  };
  const count = (condition: string) => receipt?.items.filter((i) => i.condition === condition).reduce((n, i) => n + i.quantity, 0) ?? 0;

  return (
    <section className="card" aria-labelledby="receive-title">
      <h2 className="card-title" id="receive-title">Receive</h2>
      <form className="form-stack" onSubmit={review}>
        <div className="field field-narrow-wide">
          <label htmlFor="receive-location">Received at</label>
          <select id="receive-location" name="location" required defaultValue={ret.restock_location ?? active[0]?.code}>
            {active.map((l) => <option key={l.code} value={l.code}>{l.name} ({l.code})</option>)}
          </select>
        </div>
        <TableWrap label="Units received">
          <thead><tr><th scope="col">SKU</th><th scope="col" className="num">Asked</th><th scope="col">Sellable</th><th scope="col">Damaged</th></tr></thead>
          <tbody>
            {ret.items.map((item) => (
              <tr key={item.line_id}>
                <td className="mono">{item.sku}<span className="block small muted">{item.name}</span></td>
                <td className="num">{item.quantity}</td>
                <td><input className="qty-input" type="number" name={`sellable-${item.line_id}`} min={0} max={item.quantity} step={1} defaultValue={item.quantity} aria-label={`Sellable units of ${item.sku}`} /></td>
                <td><input className="qty-input" type="number" name={`damaged-${item.line_id}`} min={0} max={item.quantity} step={1} defaultValue={0} aria-label={`Damaged units of ${item.sku}`} /></td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
        <div className="field">
          <label htmlFor="receive-note">Note (optional)</label>
          <textarea id="receive-note" name="note" rows={2} maxLength={2000} />
        </div>
        {problem ? <p className="field-error" role="alert">{problem}</p> : null}
        <div className="form-actions-row">
          <button type="submit" className="button button-primary" disabled={action.busy || active.length === 0}>Receive…</button>
        </div>
      </form>
      <ConfirmDialog open={receipt !== null} title="Receive this return?" confirmLabel="Receive" busy={action.busy} onClose={() => setReceipt(null)} onConfirm={() => { void send(); }}>
        <p>At {receipt?.location}: {count('sellable')} sellable {count('sellable') === 1 ? 'unit goes' : 'units go'} back into stock, {count('damaged')} damaged {count('damaged') === 1 ? 'unit is' : 'units are'} written off.</p>
        <p>Units not entered did not come back. This cannot be undone.</p>
      </ConfirmDialog>
      <ActionFeedback action={action} />
    </section>
  );
}
