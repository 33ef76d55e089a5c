// What to order now: the replenishment suggestions, most urgent first, with a draft
// purchase order from the selected ones, and the purchase orders below.
import { useState } from 'react';
import { api, ApiError, query } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { Page } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { formatCount, formatDate, formatMoney, humanize } from '../../format.ts';
import { Link, useLocation } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import type { PurchaseOrder, Suggestion, Urgency } from './types.ts';

const URGENCY_TONE: Record<Urgency, string> = { stockout: 'badge-warning', reorder: 'badge-info', ok: 'badge-success', overstock: 'badge-muted' };
const key = (s: Suggestion) => `${s.sku}@${s.location}`;
const num = (x: number | null) => (x === null ? '—' : formatCount(x));

export function ReplenishmentPage() {
  const { search } = useLocation();
  const cursor = search.get('cursor') ?? '';
  const { can } = useSession();
  const [refresh, setRefresh] = useState(0);
  const suggestions = useApi<Page<Suggestion>>(`/v1/replenishment${query({ sort: 'urgency', cursor, limit: 50 })}`, refresh);
  const orders = useApi<Page<PurchaseOrder>>('/v1/purchase-orders?limit=20', refresh);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [created, setCreated] = useState<PurchaseOrder>();
  const mayWrite = can('purchasing:write');

  const rows = suggestions.data?.data ?? [];
  const chosen = rows.filter((s) => selected.has(key(s)));
  const toggle = (s: Suggestion) => setSelected((prev) => {
    const next = new Set(prev);
    if (next.has(key(s))) next.delete(key(s)); else next.add(key(s));
    return next;
  });

  const run = async (action: () => Promise<PurchaseOrder | undefined>) => {
    setBusy(true);
    setError(undefined);
    try {
      const po = await action();
      if (po) setCreated(po);
      setRefresh((r) => r + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client_error', 'Error', String(e)));
    } finally {
      setBusy(false);
    }
  };

  const createPo = () => run(async () => {
    const locations = [...new Set(chosen.map((s) => s.location))];
    if (locations.length !== 1) throw new ApiError(0, 'one_location', 'Choose one location', 'A purchase order delivers to one location: select suggestions of a single location.');
    const po = await api<PurchaseOrder>('POST', '/v1/replenishment/purchase-orders', {
      location: locations[0],
      items: chosen.map((s) => ({ sku: s.sku, ...(s.suggested_quantity > 0 ? {} : { quantity: 1 }) })),
    });
    setSelected(new Set());
    return po;
  });

  const submit = (po: PurchaseOrder) => run(async () => { await api('POST', `/v1/purchase-orders/${po.id}/submit`, {}); return undefined; });
  const receive = (po: PurchaseOrder) => run(async () => {
    const lines = po.lines.filter((l) => l.open > 0).map((l) => ({ sku: l.sku, quantity: l.open }));
    await api('POST', `/v1/purchase-orders/${po.id}/receive`, { location: po.location, lines, note: 'received in full' });
    return undefined;
  });

  return (
    <>
      <PageHeader title="Replenishment" subtitle="What to order now, most urgent first, from the latest forecast run." />
      {error ? <ProblemMessage error={error} onDismiss={() => setError(undefined)} /> : null}
      {created ? (
        <div className="notice" role="status" style={{ marginBottom: 12 }}>
          Draft purchase order <strong>#{created.number}</strong> created for {created.supplier.name} ({created.location}),
          expected {formatDate(created.expected_date)}: {created.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')}.
        </div>
      ) : null}

      <section aria-labelledby="suggestions-title">
        <h2 id="suggestions-title">Suggestions</h2>
        {suggestions.loading ? <Loading label="Loading suggestions…" /> : null}
        {suggestions.error ? <ErrorState error={suggestions.error} onRetry={suggestions.reload} /> : null}
        {suggestions.data && rows.length === 0 ? <Empty title="No suggestions yet — the forecast runs hourly." /> : null}
        {rows.length > 0 ? (
          <>
            {mayWrite ? (
              <div className="filters-actions" style={{ marginBottom: 8 }}>
                <button type="button" className="button button-primary" disabled={busy || chosen.length === 0} onClick={createPo}>Create purchase order</button>
                <span className="muted small">{chosen.length} selected</span>
              </div>
            ) : null}
            <TableWrap label="Replenishment suggestions">
              <thead>
                <tr>
                  {mayWrite ? <th scope="col"><span className="sr-only">Select</span></th> : null}
                  <th scope="col">Urgency</th><th scope="col">SKU</th><th scope="col">Location</th>
                  <th scope="col" className="num">On hand</th><th scope="col" className="num">Available</th><th scope="col" className="num">On order</th>
                  <th scope="col" className="num">Reorder point</th><th scope="col" className="num">Order up to</th><th scope="col" className="num">Suggested</th>
                  <th scope="col">Projected stockout</th><th scope="col" className="num">Weeks of cover</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={key(s)}>
                    {mayWrite ? (
                      <td><input type="checkbox" aria-label={`Select ${s.sku} at ${s.location}`} checked={selected.has(key(s))} onChange={() => toggle(s)} /></td>
                    ) : null}
                    <td><span className={`badge ${URGENCY_TONE[s.urgency]}`}>{humanize(s.urgency)}</span></td>
                    <td className="mono"><Link to={`/products/${encodeURIComponent(s.sku)}?location=${encodeURIComponent(s.location)}`}>{s.sku}</Link></td>
                    <td>{s.location}</td>
                    <td className="num">{num(s.on_hand)}</td>
                    <td className="num">{num(s.available)}</td>
                    <td className="num">{num(s.on_order)}</td>
                    <td className="num">{num(s.reorder_point)}</td>
                    <td className="num">{num(s.order_up_to)}</td>
                    <td className="num"><strong>{num(s.suggested_quantity)}</strong></td>
                    <td className="nowrap">{s.projected_stockout_date ?? '—'}</td>
                    <td className="num">{num(s.weeks_of_cover)}</td>
                  </tr>
                ))}
              </tbody>
            </TableWrap>
            <Pager shown={rows.length} nextHref={suggestions.data?.next_cursor ? `/replenishment${query({ cursor: suggestions.data.next_cursor })}` : null} firstHref={cursor ? '/replenishment' : null} />
          </>
        ) : null}
      </section>

      <section aria-labelledby="po-title" style={{ marginTop: 24 }}>
        <h2 id="po-title">Purchase orders</h2>
        {orders.loading ? <Loading label="Loading purchase orders…" /> : null}
        {orders.error ? <ErrorState error={orders.error} onRetry={orders.reload} /> : null}
        {orders.data && orders.data.data.length === 0 ? <Empty title="No purchase orders yet." /> : null}
        {orders.data && orders.data.data.length > 0 ? (
          <TableWrap label="Purchase orders">
            <thead>
              <tr><th scope="col">Number</th><th scope="col">Status</th><th scope="col">Supplier</th><th scope="col">Location</th><th scope="col">Expected</th><th scope="col">Lines</th><th scope="col" className="num">Total</th><th scope="col"><span className="sr-only">Actions</span></th></tr>
            </thead>
            <tbody>
              {orders.data.data.map((po) => (
                <tr key={po.id}>
                  <td className="mono">#{po.number}</td>
                  <td><span className="badge badge-info">{humanize(po.status)}</span></td>
                  <td>{po.supplier.name}</td>
                  <td>{po.location}</td>
                  <td className="nowrap">{po.expected_date ?? '—'}</td>
                  <td>{po.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')}</td>
                  <td className="num nowrap">{formatMoney(po.total, po.currency)}</td>
                  <td className="nowrap">
                    {mayWrite && po.status === 'draft' ? <button type="button" className="button" disabled={busy} onClick={() => submit(po)} aria-label={`Submit purchase order ${po.number}`}>Submit</button> : null}
                    {mayWrite && (po.status === 'ordered' || po.status === 'partially_received') ? <button type="button" className="button" disabled={busy} onClick={() => receive(po)} aria-label={`Receive purchase order ${po.number}`}>Receive all</button> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </TableWrap>
        ) : null}
      </section>
    </>
  );
}
