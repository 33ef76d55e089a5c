// What the edit would do, as the server worked it out: totals now and after, the lines
// that change, the payment difference and how it is settled, and the stock that moves.
import { forwardRef } from 'react';
import type { EditPreview, EditTotals } from '../../../api/types.ts';
import { formatMoney, humanize } from '../../../format.ts';
import { TableWrap } from '../../../ui/TableWrap.tsx';
import { PAYMENT_ACTION_TEXT } from '../labels.ts';

const TOTAL_ROWS: [keyof EditTotals, string][] = [['subtotal', 'Subtotal'], ['discount_total', 'Discount'], ['shipping_total', 'Shipping'], ['tax_total', 'Tax'], ['total', 'Total']];

interface Props { preview: EditPreview; currency: string; busy: boolean; onConfirm(): void }

export const EditPreviewPanel = forwardRef<HTMLHeadingElement, Props>(function EditPreviewPanel({ preview, currency, busy, onConfirm }, ref) {
  const money = (n: number) => formatMoney(n, currency);
  const changed = preview.lines.filter((l) => l.change !== null);
  const difference = preview.payment_difference;
  return (
    <section className="card preview" aria-labelledby="preview-title">
      <h2 className="card-title" id="preview-title" ref={ref} tabIndex={-1}>Preview</h2>
      <div className="grid-2">
        <TableWrap label="Totals now and after the edit">
          <thead><tr><th scope="col"><span className="sr-only">Amount</span></th><th scope="col" className="num">Now</th><th scope="col" className="num">After</th></tr></thead>
          <tbody>
            {TOTAL_ROWS.map(([key, label]) => (
              <tr key={key} className={key === 'total' ? 'row-strong' : undefined}>
                <th scope="row">{label}</th>
                <td className="num">{money(preview.current[key])}</td>
                <td className="num">{money(preview.proposed[key])}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
        <div className="stack">
          <p className="difference">
            <span className="muted">Payment difference</span>{' '}
            <strong>{difference > 0 ? '+' : difference < 0 ? '−' : ''}{money(Math.abs(difference))}</strong>
          </p>
          <p>{PAYMENT_ACTION_TEXT[preview.payment_action] ?? humanize(preview.payment_action)}</p>
          <div>
            <h3 className="sub-title">Stock moves</h3>
            {preview.stock.length === 0 ? <p className="muted">No reserved stock changes.</p> : (
              <ul className="plain-list">
                {preview.stock.map((s) => (
                  <li key={`${s.sku}-${s.location ?? 'backorder'}`}>
                    <span className="mono">{s.sku}</span> {s.location ? `at ${s.location}` : 'backordered'}: {s.delta > 0 ? `${s.delta} more reserved` : `${-s.delta} released`}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </div>
      {changed.length > 0 ? (
        <TableWrap label="Lines the edit changes">
          <thead><tr><th scope="col">SKU</th><th scope="col">Change</th><th scope="col" className="num">Qty after</th><th scope="col" className="num">Total after</th></tr></thead>
          <tbody>
            {changed.map((l) => (
              <tr key={l.id}>
                <td className="mono">{l.sku}</td>
                <td>{humanize(l.change ?? '')}{l.backordered > 0 ? <span className="block small">{l.backordered} backordered</span> : null}</td>
                <td className="num">{l.quantity - l.canceled}</td>
                <td className="num">{money(l.total)}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      ) : null}
      <div className="form-actions-row">
        <button type="button" className="button button-primary" onClick={onConfirm} disabled={busy}>{busy ? 'Saving…' : 'Confirm edit'}</button>
        <span className="muted small">Confirms against version {preview.version} of the order.</span>
      </div>
    </section>
  );
});
