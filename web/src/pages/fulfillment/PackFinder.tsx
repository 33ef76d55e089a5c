// Which order to pack: scan or type an order number (or a fulfillment order id), or
// take one from the queue of picked (or never-waved open) fulfillment orders.
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { api, asApiError, query, type ApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { FulfillmentOrder, Page } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import { Link, navigate } from '../../router/router.tsx';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';
import { ScanField } from '../../ui/ScanField.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { FulfillmentBadge } from './FulfillmentBadge.tsx';
import { LocationSelect } from './LocationSelect.tsx';
import { FULFILLMENT_PATHS, packHref } from './paths.ts';
import { useLocations } from './useLocations.ts';

const QUEUE_SIZE = 50;
const PACKABLE = new Set(['open', 'picked', 'packed']);

const units = (fo: FulfillmentOrder) => fo.lines.filter((l) => l.status === 'reserved').reduce((n, l) => n + l.quantity, 0);

function PackQueue({ location, status }: { location: string; status: string }) {
  const queue = useApi<Page<FulfillmentOrder>>(`/v1/fulfillment-orders${query({ location, status, limit: QUEUE_SIZE })}`);
  const rows = (queue.data?.data ?? []).filter((fo) => fo.delivery_type === 'ship');
  return (
    <div aria-live="polite">
      {queue.loading ? <Loading label="Loading the queue…" /> : null}
      {queue.error ? <ErrorState error={queue.error} onRetry={queue.reload} /> : null}
      {queue.data && rows.length === 0 ? <Empty title={status === 'picked' ? 'Nothing picked is waiting to be packed.' : 'No open orders to pack.'} /> : null}
      {rows.length > 0 ? (
        <TableWrap label="Orders to pack">
          <thead><tr><th scope="col">Order</th><th scope="col">Location</th><th scope="col">Status</th><th scope="col" className="num">Units</th><th scope="col">Since</th><th scope="col" className="sr-cell"><span className="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {rows.map((fo) => (
              <tr key={fo.id}>
                <td className="strong">#{fo.order.number}</td>
                <td>{fo.location}</td>
                <td><FulfillmentBadge status={fo.status} /></td>
                <td className="num">{units(fo)}</td>
                <td className="nowrap">{formatDateTime(fo.updated_at)}</td>
                <td className="actions-cell"><Link to={packHref(fo.id)} className="button button-small" aria-label={`Pack order #${fo.order.number}`}>Pack</Link></td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      ) : null}
    </div>
  );
}

export function PackFinder({ location, status }: { location: string; status: string }) {
  const { locations } = useLocations((l) => l.ships);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [choices, setChoices] = useState<FulfillmentOrder[]>([]);

  const find = async (code: string) => {
    setError(null);
    setMessage(null);
    setChoices([]);
    if (code.startsWith('ful_')) return navigate(packHref(code));
    try {
      const found = await api<Page<FulfillmentOrder>>('GET', `/v1/fulfillment-orders${query({ order: code.replace(/^#/, ''), location })}`);
      const packable = found.data.filter((fo) => fo.delivery_type === 'ship' && PACKABLE.has(fo.status));
      if (packable.length === 1 && packable[0]) return navigate(packHref(packable[0].id));
      if (packable.length > 1) return setChoices(packable);
      setMessage(found.data.length === 0 ? `No order ${code}${location ? ` at ${location}` : ''}.` : `Order ${code} has nothing to pack${location ? ` at ${location}` : ''} (${found.data.map((fo) => `${fo.location}: ${fo.status.replace(/_/g, ' ')}`).join(', ')}).`);
    } catch (caught) {
      setError(asApiError(caught));
    }
  };

  const filter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    navigate(`${FULFILLMENT_PATHS.pack}${query({ location: String(data.get('location') ?? ''), status: String(data.get('status') ?? '') })}`);
  };
  const applyNow = (event: ChangeEvent<HTMLSelectElement>) => event.currentTarget.form?.requestSubmit();

  return (
    <>
      <section className="card scan-card" aria-labelledby="find-title">
        <h2 className="card-title" id="find-title">Find an order</h2>
        <ScanField id="pack-find" label="Order number or fulfillment order id" submitLabel="Open" hint="Scan or type the order number (or the fulfillment order id) and press Enter." onScan={find} />
        {message ? <p className="inline-error" role="alert">{message}</p> : null}
        {error ? <ProblemMessage error={error} onDismiss={() => setError(null)} /> : null}
        {choices.length > 0 ? (
          <ul className="plain-list" aria-label="Fulfillment orders of this order">
            {choices.map((fo) => <li key={fo.id} className="plain-list-row"><Link to={packHref(fo.id)}>Order #{fo.order.number} at {fo.location}</Link> <FulfillmentBadge status={fo.status} /></li>)}
          </ul>
        ) : null}
      </section>
      <section className="section" aria-labelledby="queue-title">
        <h2 className="section-title" id="queue-title">Waiting to be packed</h2>
        <form className="filters" role="search" aria-label="Filter the packing queue" onSubmit={filter} key={`${location}|${status}`}>
          <LocationSelect id="pack-location" locations={locations} defaultValue={location} anyLabel="All locations" onChange={applyNow} />
          <div className="field">
            <label htmlFor="pack-status">Status</label>
            <select id="pack-status" name="status" defaultValue={status} onChange={applyNow}>
              <option value="picked">Picked (after a wave)</option>
              <option value="open">Open (pack without a wave)</option>
            </select>
          </div>
          <div className="filters-actions"><button type="submit" className="button button-primary">Apply</button></div>
        </form>
        <PackQueue key={`${location}|${status}`} location={location} status={status} />
      </section>
    </>
  );
}
