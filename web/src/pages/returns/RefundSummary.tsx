// The money of a return: what closing it would refund (the preview, from the units
// received, or asked for until then), or what was refunded once it closed.
import type { Return, ReturnRefund } from '../../api/types.ts';
import { formatMoney } from '../../format.ts';

export function RefundSummary({ ret, currency }: { ret: Return; currency: string | null }) {
  const refund: ReturnRefund | undefined = ret.refund ?? ret.refund_preview;
  if (!refund || !currency) return null;
  const money = (n: number) => formatMoney(n, currency);
  const rows: [string, number][] = [
    ['Items', refund.items], ['Tax', refund.tax], ['Shipping', refund.shipping],
    ['Restocking fee', -refund.restocking_fee], ['Exchange credit', -refund.exchange_credit],
  ];
  const basis = ret.refund ? null : ret.status === 'received' ? 'From the units received.' : 'From the units asked for; it follows what is received.';
  return (
    <section className="card" aria-labelledby="refund-title">
      <h2 className="card-title" id="refund-title">{ret.refund ? 'Refunded' : 'Refund on close'}</h2>
      {basis ? <p className="small muted">{basis}</p> : null}
      <dl className="totals totals-full">
        {rows.filter(([, v]) => v !== 0).map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{money(value)}</dd></div>)}
        <div className="totals-grand"><dt>{ret.refund ? 'Refund' : 'Refund amount'}</dt><dd>{money(refund.amount)}</dd></div>
      </dl>
    </section>
  );
}
