// Which order: its number and the e-mail it was placed with (together they prove it is yours).
import { useId, type FormEvent } from 'react';

export interface OrderLookup { order: string; email: string }

export function OrderLookupForm({ initial, busy, onSubmit }: { initial: OrderLookup; busy: boolean; onSubmit(lookup: OrderLookup): void }) {
  const id = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onSubmit({ order: String(data.get('order') ?? '').trim().replace(/^#/, ''), email: String(data.get('email') ?? '').trim() });
  };
  return (
    <form className="public-card form-stack" onSubmit={submit} aria-label="Find your order">
      <div className="field">
        <label htmlFor={`${id}-order`}>Order number</label>
        <input id={`${id}-order`} name="order" required defaultValue={initial.order} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-email`}>E-mail</label>
        <input id={`${id}-email`} name="email" type="email" required defaultValue={initial.email} autoComplete="email" />
      </div>
      <button type="submit" className="button button-primary button-block" disabled={busy}>{busy ? 'Looking up…' : 'Find my order'}</button>
    </form>
  );
}
