// Adjust stock with a reason. The answer is the new level, shown right away; the
// levels and the ledger below reload.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import type { Level, Location } from '../../api/types.ts';
import { humanize } from '../../format.ts';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';

export const ADJUSTMENT_REASONS = ['receipt', 'count', 'damage', 'loss', 'correction'] as const;

export interface AdjustTarget { sku: string; location: string; nonce: number }

export function AdjustForm({ locations, target, onAdjusted }: { locations: Location[]; target: AdjustTarget | null; onAdjusted(level: Level): void }) {
  const [sku, setSku] = useState(target?.sku ?? '');
  const [location, setLocation] = useState(target?.location ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<Level | null>(null);
  const deltaRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!target) return;
    setSku(target.sku);
    setLocation(target.location);
    setResult(null);
    setError(null);
    deltaRef.current?.focus();
  }, [target]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const note = String(data.get('note') ?? '').trim();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const level = await api<Level>('POST', '/v1/inventory/adjustments', {
        sku: sku.trim(), location, delta: Number(data.get('delta')), reason: String(data.get('reason')), ...(note ? { note } : {}),
      });
      setResult(level);
      (form.elements.namedItem('delta') as HTMLInputElement).value = '';
      (form.elements.namedItem('note') as HTMLInputElement).value = '';
      onAdjusted(level);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'client_error', 'Error', String(caught)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="adjust-title">
      <h2 className="card-title" id="adjust-title">Adjust stock</h2>
      <form className="form-grid" onSubmit={submit}>
        <div className="field">
          <label htmlFor="adjust-sku">SKU</label>
          <input id="adjust-sku" name="sku" value={sku} onChange={(e) => setSku(e.target.value)} required maxLength={64} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="adjust-location">Location</label>
          <select id="adjust-location" name="location" value={location} onChange={(e) => setLocation(e.target.value)} required>
            <option value="">Choose…</option>
            {locations.map((l) => <option key={l.code} value={l.code}>{l.code} · {l.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="adjust-delta">Change</label>
          <input id="adjust-delta" name="delta" type="number" step={1} required ref={deltaRef} aria-describedby="adjust-delta-hint" />
          <p className="field-hint" id="adjust-delta-hint">Units to add (e.g. 12) or remove (e.g. -3).</p>
        </div>
        <div className="field">
          <label htmlFor="adjust-reason">Reason</label>
          <select id="adjust-reason" name="reason" defaultValue="receipt" required>
            {ADJUSTMENT_REASONS.map((r) => <option key={r} value={r}>{humanize(r)}</option>)}
          </select>
        </div>
        <div className="field field-wide">
          <label htmlFor="adjust-note">Note <span className="muted">(optional)</span></label>
          <input id="adjust-note" name="note" maxLength={500} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Saving…' : 'Save adjustment'}</button>
        </div>
      </form>
      {result ? (
        <p className="notice notice-success" role="status">
          New level of <strong>{result.sku}</strong> at <strong>{result.location}</strong>: {result.on_hand} on hand, {result.reserved} reserved, <strong>{result.available} available</strong>.
        </p>
      ) : null}
      {error ? <ProblemMessage error={error} onDismiss={() => setError(null)} /> : null}
    </section>
  );
}
