// The editor's lines: new quantities, lines to remove (and keep again), lines added by SKU.
import { useState, type KeyboardEvent } from 'react';
import { useApi } from '../../../api/useApi.ts';
import type { Order, Page, Product } from '../../../api/types.ts';
import { useSession } from '../../../auth/session.tsx';
import { formatMoney } from '../../../format.ts';
import { TableWrap } from '../../../ui/TableWrap.tsx';
import { activeUnits, shippedUnits } from '../order-facts.ts';
import { editableLines, type Draft } from './edit-draft.ts';

interface Props { order: Order; draft: Draft; change(update: (draft: Draft) => Draft): void; invalid: Set<string> }

let nextKey = 0;

function AddLine({ change }: Pick<Props, 'change'>) {
  const { can } = useSession();
  const products = useApi<Page<Product>>(can('catalog:read') ? '/v1/products?limit=200' : null);
  const [sku, setSku] = useState('');
  const [quantity, setQuantity] = useState('1');
  const add = () => {
    if (!sku.trim()) { document.getElementById('add-sku')?.focus(); return; }
    change((d) => ({ ...d, added: [...d.added, { key: String(nextKey++), sku: sku.trim(), quantity }] }));
    setSku('');
    setQuantity('1');
    document.getElementById('add-sku')?.focus();
  };
  // Enter adds the line instead of submitting the whole edit for a preview.
  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => { if (event.key === 'Enter') { event.preventDefault(); add(); } };
  return (
    <div className="inline-form" role="group" aria-label="Add a line">
      <div className="field field-grow">
        <label htmlFor="add-sku">Add SKU</label>
        <input id="add-sku" value={sku} onChange={(e) => setSku(e.target.value)} onKeyDown={onEnter} list="add-sku-options" autoComplete="off" />
        <datalist id="add-sku-options">{(products.data?.data ?? []).filter((p) => p.active).map((p) => <option key={p.sku} value={p.sku}>{p.name}</option>)}</datalist>
      </div>
      <div className="field field-narrow">
        <label htmlFor="add-qty">Quantity</label>
        <input id="add-qty" type="number" min={1} step={1} value={quantity} onChange={(e) => setQuantity(e.target.value)} onKeyDown={onEnter} />
      </div>
      <button type="button" className="button" onClick={add}>Add line</button>
    </div>
  );
}

export function EditLines({ order, draft, change, invalid }: Props) {
  const money = (n: number) => formatMoney(n, order.currency);
  const toggleRemoved = (id: string) => change((d) => ({ ...d, removed: d.removed.includes(id) ? d.removed.filter((x) => x !== id) : [...d.removed, id] }));
  return (
    <section className="card" aria-labelledby="edit-lines-title">
      <h2 className="card-title" id="edit-lines-title">Lines</h2>
      <TableWrap label="Lines to edit">
        <thead><tr><th scope="col">SKU</th><th scope="col">Product</th><th scope="col" className="num">Unit price</th><th scope="col" className="num">Now</th><th scope="col">New quantity</th><th scope="col"><span className="sr-only">Remove</span></th></tr></thead>
        <tbody>
          {editableLines(order).map((line) => {
            const removed = draft.removed.includes(line.id);
            const shipped = shippedUnits(line);
            return (
              <tr key={line.id} className={removed ? 'row-removed' : undefined}>
                <td className="mono">{line.sku}</td>
                <td>{line.name}{shipped > 0 ? <span className="block small muted">{shipped} shipped</span> : null}</td>
                <td className="num">{money(line.unit_price)}</td>
                <td className="num">{activeUnits(line)}</td>
                <td>
                  {removed ? <span className="muted">Removed</span> : (
                    <input id={`qty-${line.id}`} className="qty-input" type="number" min={1} step={1} aria-label={`New quantity of ${line.sku}`}
                      aria-invalid={invalid.has(`qty-${line.id}`) || undefined}
                      value={draft.quantities[line.id] ?? ''} onChange={(e) => { const v = e.target.value; change((d) => ({ ...d, quantities: { ...d.quantities, [line.id]: v } })); }} />
                  )}
                </td>
                <td className="actions-cell">
                  <button type="button" className="button button-small button-quiet" aria-pressed={removed} aria-label={`${removed ? 'Keep' : 'Remove'} ${line.sku}`} onClick={() => toggleRemoved(line.id)}>{removed ? 'Keep' : 'Remove'}</button>
                </td>
              </tr>
            );
          })}
          {draft.added.map((added) => (
            <tr key={added.key} className="row-added">
              <td className="mono">{added.sku}</td>
              <td><span className="badge badge-info">New line</span></td>
              <td className="num muted">From the catalog</td>
              <td className="num">0</td>
              <td>
                <input id={`add-qty-${added.key}`} className="qty-input" type="number" min={1} step={1} aria-label={`Quantity of the new ${added.sku} line`}
                  aria-invalid={invalid.has(`add-qty-${added.key}`) || undefined}
                  value={added.quantity} onChange={(e) => { const v = e.target.value; change((d) => ({ ...d, added: d.added.map((a) => (a.key === added.key ? { ...a, quantity: v } : a)) })); }} />
              </td>
              <td className="actions-cell">
                <button type="button" className="button button-small button-quiet" aria-label={`Drop the new ${added.sku} line`} onClick={() => change((d) => ({ ...d, added: d.added.filter((a) => a.key !== added.key) }))}>Drop</button>
              </td>
            </tr>
          ))}
        </tbody>
      </TableWrap>
      <AddLine change={change} />
    </section>
  );
}
