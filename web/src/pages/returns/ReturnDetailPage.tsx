// One return: its status and actions, the items, receiving, the refund (preview or
// issued) and the facts, with links to the order and any exchange order.
import { useState, type ReactNode } from 'react';
import type { Order, Return } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { useSession } from '../../auth/session.tsx';
import { formatDateTime } from '../../format.ts';
import { Link } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState, Loading } from '../../ui/States.tsx';
import { ReturnStatusBadge } from './ReturnStatusBadge.tsx';
import { ReceiveForm } from './ReceiveForm.tsx';
import { RefundSummary } from './RefundSummary.tsx';
import { ReturnActions } from './ReturnActions.tsx';
import { ReturnItems } from './ReturnItems.tsx';
import '../orders/after-sales.css';

function ReturnFacts({ ret }: { ret: Return }) {
  const facts: [string, ReactNode][] = [
    ['Order', <Link key="o" to={`/orders/${encodeURIComponent(ret.order.number)}`}>#{ret.order.number}</Link>],
    ['Opened by', ret.source === 'customer' ? 'The customer' : 'Staff'],
    ['Requested', formatDateTime(ret.created_at)],
  ];
  if (ret.exchange) facts.push(['Exchange', ret.exchange.order ? <Link key="x" to={`/orders/${encodeURIComponent(ret.exchange.order.number)}`}>Order #{ret.exchange.order.number}</Link> : `${ret.exchange.lines.map((l) => `${l.sku} × ${l.quantity}`).join(', ')} (ordered on approval)`]);
  if (ret.override_policy) facts.push(['Policy', 'Accepted outside the return policy']);
  if (ret.note) facts.push(['Note', ret.note]);
  if (ret.reject_reason) facts.push(['Rejected because', ret.reject_reason]);
  if (ret.received_at) facts.push(['Received', `${formatDateTime(ret.received_at)}${ret.restock_location ? ` at ${ret.restock_location}` : ''}`]);
  if (ret.closed_at) facts.push(['Closed', formatDateTime(ret.closed_at)]);
  return (
    <section className="card" aria-labelledby="return-facts-title">
      <h2 className="card-title" id="return-facts-title">Details</h2>
      <dl className="facts">{facts.map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{value}</dd></div>)}</dl>
    </section>
  );
}

export function ReturnDetailPage({ params }: { params: Record<string, string> }) {
  const ref = params.return ?? '';
  const { can } = useSession();
  const loaded = useApi<Return>(`/v1/returns/${encodeURIComponent(ref)}`);
  const [updated, setUpdated] = useState<Return | null>(null);
  const ret = updated ?? loaded.data;
  // The return does not carry a currency; its order does.
  const order = useApi<Order>(ret ? `/v1/orders/${encodeURIComponent(ret.order.id)}` : null);
  const currency = order.data?.currency ?? null;
  const onChanged = (next?: Return) => { if (next) setUpdated(next); else { setUpdated(null); loaded.reload(); } };

  return (
    <>
      <p className="breadcrumb"><Link to="/returns">Returns</Link></p>
      <PageHeader
        title={ret ? `Return #${ret.number}` : `Return ${ref}`}
        subtitle={ret ? <span className="badges"><ReturnStatusBadge status={ret.status} /><span>for order <Link to={`/orders/${encodeURIComponent(ret.order.number)}`}>#{ret.order.number}</Link></span></span> : null}
      />
      {loaded.loading && !ret ? <Loading label="Loading the return…" /> : null}
      {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : null}
      {ret ? (
        <>
          <ReturnActions ret={ret} currency={currency} onChanged={onChanged} />
          <div className="order-layout">
            <div className="order-main">
              <ReturnItems ret={ret} />
              {ret.status === 'approved' && can('returns:receive') ? <ReceiveForm ret={ret} onReceived={onChanged} /> : null}
            </div>
            <div className="order-side">
              <RefundSummary ret={ret} currency={currency} />
              <ReturnFacts ret={ret} />
            </div>
          </div>
        </>
      ) : null}
    </>
  );
}
