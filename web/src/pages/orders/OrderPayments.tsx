// Money: each payment with what was authorized, captured and refunded and its provider
// calls, then the refunds issued (by staff, or by closing a return).
import type { Order, Payment, Refund } from '../../api/types.ts';
import { formatDateTime, formatMoney, humanize } from '../../format.ts';
import { Link } from '../../router/router.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { refundableAmount } from './order-facts.ts';

function PaymentEntry({ payment }: { payment: Payment }) {
  const money = (n: number) => formatMoney(n, payment.currency);
  return (
    <article className="sub-card" aria-label={`Payment by ${humanize(payment.provider)}`}>
      <header className="sub-card-head">
        <p><strong>{humanize(payment.provider)}</strong>{payment.method ? <span className="muted"> · {payment.method}</span> : null}</p>
        <StatusBadge status={payment.status} />
      </header>
      <dl className="amounts">
        <div><dt>Amount</dt><dd>{money(payment.amount)}</dd></div>
        <div><dt>Authorized</dt><dd>{money(payment.authorized)}</dd></div>
        <div><dt>Captured</dt><dd>{money(payment.captured)}</dd></div>
        <div><dt>Refunded</dt><dd>{money(payment.refunded)}</dd></div>
      </dl>
      {payment.transactions.length > 0 ? (
        <details className="disclosure">
          <summary>Provider calls ({payment.transactions.length})</summary>
          <TableWrap label={`Provider calls of the ${humanize(payment.provider)} payment`}>
            <thead><tr><th scope="col">Call</th><th scope="col" className="num">Amount</th><th scope="col">Status</th><th scope="col">When</th></tr></thead>
            <tbody>
              {payment.transactions.map((t) => (
                <tr key={t.id}>
                  <td>{humanize(t.kind)}</td>
                  <td className="num">{money(t.amount)}</td>
                  <td>{humanize(t.status)}{t.error_code ? <span className="block small text-danger">{t.error_code}</span> : null}</td>
                  <td className="nowrap">{formatDateTime(t.completed_at ?? t.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </TableWrap>
        </details>
      ) : null}
    </article>
  );
}

function RefundList({ refunds, returnsById }: { refunds: Refund[]; returnsById: Map<string, string> }) {
  return (
    <TableWrap label="Refunds">
      <thead><tr><th scope="col">Issued</th><th scope="col" className="num">Amount</th><th scope="col">Status</th><th scope="col">Reason</th></tr></thead>
      <tbody>
        {refunds.map((r) => {
          const returnNumber = r.return_id ? returnsById.get(r.return_id) : undefined;
          return (
            <tr key={r.id}>
              <td className="nowrap">{formatDateTime(r.created_at)}</td>
              <td className="num">{formatMoney(r.amount, r.currency)}</td>
              <td><StatusBadge status={r.status === 'succeeded' ? 'refunded' : r.status} label={humanize(r.status)} /></td>
              <td>{returnNumber ? <Link to={`/returns/${returnNumber}`}>Return #{returnNumber}</Link> : r.reason ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </TableWrap>
  );
}

export function OrderPayments({ order }: { order: Order }) {
  const payments = order.payments ?? [];
  const refunds = order.refunds ?? [];
  const returnsById = new Map((order.returns ?? []).map((r) => [r.id, r.number]));
  return (
    <section className="card" aria-labelledby="payments-title">
      <div className="section-head">
        <h2 className="card-title" id="payments-title">Payments</h2>
        {payments.length > 0 ? <p className="small muted">Refundable now {formatMoney(refundableAmount(order), order.currency)}</p> : null}
      </div>
      {payments.length === 0 ? <p className="muted">No payment yet.</p> : null}
      <div className="stack">{payments.map((p) => <PaymentEntry key={p.id} payment={p} />)}</div>
      {refunds.length > 0 ? (
        <>
          <h3 className="sub-title" id="refunds-title">Refunds</h3>
          <RefundList refunds={refunds} returnsById={returnsById} />
        </>
      ) : null}
    </section>
  );
}
