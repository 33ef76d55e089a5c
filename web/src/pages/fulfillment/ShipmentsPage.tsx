// Shipments, newest first, by status and order (both in the URL), with tracking numbers.
import type { ChangeEvent, FormEvent } from 'react';
import { query } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { Page, Shipment } from '../../api/types.ts';
import { formatDateTime, formatMoney, humanize } from '../../format.ts';
import { Link, navigate, useLocation } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { FulfillmentBadge } from './FulfillmentBadge.tsx';
import { FULFILLMENT_PATHS, orderHref, shipmentHref } from './paths.ts';
import './fulfillment.css';

const PAGE_SIZE = 50;
export const SHIPMENT_STATUSES = ['shipped', 'in_transit', 'out_for_delivery', 'delivered', 'exception', 'picked_up'] as const;

function ShipmentsTable({ shipments }: { shipments: Shipment[] }) {
  return (
    <TableWrap label="Shipments">
      <thead>
        <tr>
          <th scope="col">Tracking number</th><th scope="col">Order</th><th scope="col">Status</th><th scope="col">Service</th>
          <th scope="col">From</th><th scope="col" className="num">Cost</th><th scope="col">Shipped</th>
        </tr>
      </thead>
      <tbody>
        {shipments.map((s) => (
          <tr key={s.id}>
            <td><Link to={shipmentHref(s.id)} className="mono strong">{s.tracking_number ?? (s.carrier === 'pickup' ? 'Store pickup' : 'No tracking')}</Link></td>
            <td><Link to={orderHref(s.order.number)}>#{s.order.number}</Link></td>
            <td><FulfillmentBadge status={s.status} /></td>
            <td>{s.service_name ?? humanize(s.carrier)}</td>
            <td>{s.location}</td>
            <td className="num nowrap">{s.cost !== null && s.currency ? formatMoney(s.cost, s.currency) : '—'}</td>
            <td className="nowrap">{formatDateTime(s.shipped_at)}</td>
          </tr>
        ))}
      </tbody>
    </TableWrap>
  );
}

export function ShipmentsPage() {
  const { search } = useLocation();
  const status = search.get('status') ?? '';
  const order = search.get('order') ?? '';
  const cursor = search.get('cursor') ?? '';
  const href = (extra: Record<string, string> = {}) => `${FULFILLMENT_PATHS.shipments}${query({ status, order, ...extra })}`;
  const shipments = useApi<Page<Shipment>>(`/v1/shipments${query({ status, order, cursor, limit: PAGE_SIZE })}`);
  const filtered = Boolean(status || order);

  const filter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    navigate(`${FULFILLMENT_PATHS.shipments}${query({ status: String(data.get('status') ?? ''), order: String(data.get('order') ?? '').trim().replace(/^#/, '') })}`);
  };
  const applyNow = (event: ChangeEvent<HTMLSelectElement>) => event.currentTarget.form?.requestSubmit();

  return (
    <>
      <PageHeader title="Shipments" subtitle="Every parcel that left, with its tracking." />
      <form className="filters" role="search" aria-label="Filter shipments" onSubmit={filter} key={`${status}|${order}`}>
        <div className="field">
          <label htmlFor="shipments-status">Status</label>
          <select id="shipments-status" name="status" defaultValue={status} onChange={applyNow}>
            <option value="">Any status</option>
            {SHIPMENT_STATUSES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="shipments-order">Order number</label>
          <input id="shipments-order" name="order" defaultValue={order} inputMode="numeric" autoComplete="off" />
        </div>
        <div className="filters-actions">
          <button type="submit" className="button button-primary">Apply</button>
          {filtered ? <Link to={FULFILLMENT_PATHS.shipments} className="button button-quiet">Clear</Link> : null}
        </div>
      </form>
      <div aria-live="polite">
        {shipments.loading ? <Loading label="Loading shipments…" /> : null}
        {shipments.error ? <ErrorState error={shipments.error} onRetry={shipments.reload} /> : null}
        {shipments.data && shipments.data.data.length === 0 ? <Empty title={filtered ? 'No shipments match this filter.' : 'Nothing has shipped yet.'} /> : null}
      </div>
      {shipments.data && shipments.data.data.length > 0 ? (
        <>
          <ShipmentsTable shipments={shipments.data.data} />
          <Pager label="Pages of shipments" shown={shipments.data.data.length} nextHref={shipments.data.next_cursor ? href({ cursor: shipments.data.next_cursor }) : null} firstHref={cursor ? href() : null} />
        </>
      ) : null}
    </>
  );
}
