// The editor's shipping part: a new address and a new method and price, each only when
// asked for (a box to tick), prefilled with what the order has now.
import type { Order } from '../../../api/types.ts';
import { addressDraft, shippingDraft, type AddressDraft, type Draft } from './edit-draft.ts';

interface Props { order: Order; draft: Draft; change(update: (draft: Draft) => Draft): void; invalid: Set<string> }

const ADDRESS_FIELDS: { key: keyof AddressDraft; label: string; required?: boolean; autoComplete: string }[] = [
  { key: 'name', label: 'Name', autoComplete: 'name' },
  { key: 'line1', label: 'Street', required: true, autoComplete: 'address-line1' },
  { key: 'line2', label: 'Street, line 2', autoComplete: 'address-line2' },
  { key: 'city', label: 'City', required: true, autoComplete: 'address-level2' },
  { key: 'region', label: 'Region', autoComplete: 'address-level1' },
  { key: 'postal_code', label: 'Postal code', required: true, autoComplete: 'postal-code' },
  { key: 'country', label: 'Country (2 letters)', required: true, autoComplete: 'country' },
];

export function EditShipping({ order, draft, change, invalid }: Props) {
  if (order.delivery.type === 'pickup') return null;
  const setAddress = (key: keyof AddressDraft, value: string) => change((d) => (d.address ? { ...d, address: { ...d.address, [key]: value } } : d));
  const setShipping = (key: 'method' | 'amount', value: string) => change((d) => (d.shipping ? { ...d, shipping: { ...d.shipping, [key]: value } } : d));
  return (
    <section className="card" aria-labelledby="edit-shipping-title">
      <h2 className="card-title" id="edit-shipping-title">Shipping</h2>
      <div className="check">
        <input type="checkbox" id="change-address" checked={draft.address !== null}
          onChange={(e) => { const on = e.target.checked; change((d) => ({ ...d, address: on ? addressDraft(order.shipping_address) : null })); }} />
        <label htmlFor="change-address">Change the shipping address</label>
      </div>
      {draft.address ? (
        <fieldset className="form-grid fieldset">
          <legend className="sr-only">New shipping address</legend>
          {ADDRESS_FIELDS.map((f) => (
            <div className="field" key={f.key}>
              <label htmlFor={`address-${f.key}`}>{f.label}</label>
              <input id={`address-${f.key}`} value={draft.address?.[f.key] ?? ''} required={f.required} autoComplete={`shipping ${f.autoComplete}`}
                maxLength={f.key === 'country' ? 2 : 200} aria-invalid={invalid.has(`address-${f.key}`) || undefined}
                onChange={(e) => setAddress(f.key, e.target.value)} />
            </div>
          ))}
        </fieldset>
      ) : null}
      <div className="check">
        <input type="checkbox" id="change-shipping" checked={draft.shipping !== null}
          onChange={(e) => { const on = e.target.checked; change((d) => ({ ...d, shipping: on ? shippingDraft(order) : null })); }} />
        <label htmlFor="change-shipping">Change the shipping method or price</label>
      </div>
      {draft.shipping ? (
        <fieldset className="form-grid fieldset">
          <legend className="sr-only">New shipping method and price</legend>
          <div className="field">
            <label htmlFor="shipping-method">Method</label>
            <input id="shipping-method" value={draft.shipping.method} required maxLength={64} aria-invalid={invalid.has('shipping-method') || undefined} onChange={(e) => setShipping('method', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="shipping-amount">Price ({order.currency})</label>
            <input id="shipping-amount" value={draft.shipping.amount} inputMode="decimal" required aria-invalid={invalid.has('shipping-amount') || undefined} onChange={(e) => setShipping('amount', e.target.value)} />
          </div>
        </fieldset>
      ) : null}
    </section>
  );
}
