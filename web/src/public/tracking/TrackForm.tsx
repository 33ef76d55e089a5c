// The lookup form: order number + e-mail (the default), or a tracking number alone.
import { useId, useState, type FormEvent } from 'react';

export type TrackQuery = { order: string; email: string } | { tracking_number: string };

export function TrackForm({ initial, busy, onSubmit }: { initial: TrackQuery | null; busy: boolean; onSubmit(query: TrackQuery): void }) {
  const id = useId();
  const [mode, setMode] = useState<'order' | 'tracking'>(initial && 'tracking_number' in initial ? 'tracking' : 'order');
  const byOrder = initial && 'order' in initial ? initial : null;
  const byNumber = initial && 'tracking_number' in initial ? initial.tracking_number : '';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    onSubmit(mode === 'order' ? { order: value('order').replace(/^#/, ''), email: value('email') } : { tracking_number: value('tracking_number') });
  };

  return (
    <form className="public-card form-stack" onSubmit={submit} aria-label="Find your order">
      <fieldset className="choice">
        <legend>Find your order with</legend>
        <label><input type="radio" name="mode" value="order" checked={mode === 'order'} onChange={() => setMode('order')} /> My order number and e-mail</label>
        <label><input type="radio" name="mode" value="tracking" checked={mode === 'tracking'} onChange={() => setMode('tracking')} /> A tracking number</label>
      </fieldset>
      {mode === 'order' ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-order`}>Order number</label>
            <input id={`${id}-order`} name="order" required defaultValue={byOrder?.order ?? ''} autoComplete="off" aria-describedby={`${id}-order-hint`} />
            <p className="field-hint" id={`${id}-order-hint`}>It is in your order confirmation e-mail.</p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-email`}>E-mail</label>
            <input id={`${id}-email`} name="email" type="email" required defaultValue={byOrder?.email ?? ''} autoComplete="email" />
          </div>
        </>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-tracking`}>Tracking number</label>
          <input id={`${id}-tracking`} name="tracking_number" required defaultValue={byNumber} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
        </div>
      )}
      <button type="submit" className="button button-primary button-block" disabled={busy}>{busy ? 'Looking up…' : 'Track order'}</button>
    </form>
  );
}
