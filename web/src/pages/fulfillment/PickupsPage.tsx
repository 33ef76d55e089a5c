// Store pickup: orders to get ready at each store, "Ready for pickup" (the customer is
// told), and "Picked up at the counter" when the customer takes them.
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { api, query } from '../../api/client.ts';
import type { FulfillmentOrder, FulfillmentOrderStatus } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { formatDateTime } from '../../format.ts';
import { Link, navigate, useLocation } from '../../router/router.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { useFocusAfterRender } from '../../ui/useFocusAfterRender.ts';
import { FulfillmentBadge } from './FulfillmentBadge.tsx';
import { LocationSelect } from './LocationSelect.tsx';
import { FULFILLMENT_PATHS, orderHref } from './paths.ts';
import { useCommand } from './useCommand.ts';
import { useLocations } from './useLocations.ts';
import { usePickupOrders } from './usePickupOrders.ts';
import './fulfillment.css';

type Action = 'ready' | 'handover';

const TO_PREPARE: FulfillmentOrderStatus[] = ['open', 'picking', 'picked'];
const AT_COUNTER: FulfillmentOrderStatus[] = ['ready_for_pickup'];

const contents = (fo: FulfillmentOrder) => fo.lines.filter((l) => l.status === 'reserved').map((l) => `${l.sku} × ${l.quantity}`).join(', ');

function PickupSection({ title, location, statuses, version, action, canWrite, onAct }: {
  title: string; location: string; statuses: FulfillmentOrderStatus[]; version: number; action: Action; canWrite: boolean; onAct(fo: FulfillmentOrder, action: Action): void;
}) {
  const orders = usePickupOrders(location, statuses, version);
  const headingId = `pickups-${action}`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 className="section-title" id={headingId}>{title}{orders.data ? <span className="muted small"> ({orders.data.length})</span> : null}</h2>
      {orders.loading ? <Loading label="Loading pickup orders…" /> : null}
      {orders.error ? <ErrorState error={orders.error} onRetry={orders.reload} /> : null}
      {orders.data && orders.data.length === 0 ? <Empty title={action === 'ready' ? 'Nothing to get ready.' : 'Nobody is waiting at the counter.'} /> : null}
      {orders.data && orders.data.length > 0 ? (
        <TableWrap label={title}>
          <thead><tr><th scope="col">Order</th><th scope="col">Store</th><th scope="col">Status</th><th scope="col">Items</th><th scope="col">Since</th>{canWrite ? <th scope="col" className="sr-cell"><span className="sr-only">Actions</span></th> : null}</tr></thead>
          <tbody>
            {orders.data.map((fo) => (
              <tr key={fo.id}>
                <td><Link to={orderHref(fo.order.number)} className="strong">#{fo.order.number}</Link></td>
                <td>{fo.location}</td>
                <td><FulfillmentBadge status={fo.status} /></td>
                <td className="small">{contents(fo)}</td>
                <td className="nowrap">{formatDateTime(fo.updated_at)}</td>
                {canWrite ? (
                  <td className="actions-cell">
                    <button type="button" className={`button button-small ${action === 'handover' ? 'button-primary' : ''}`} onClick={() => onAct(fo, action)}
                      aria-label={`${action === 'ready' ? 'Ready for pickup' : 'Picked up at the counter'}: order #${fo.order.number}`}>
                      {action === 'ready' ? 'Ready for pickup' : 'Picked up at the counter'}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </TableWrap>
      ) : null}
    </section>
  );
}

export function PickupsPage() {
  const { search } = useLocation();
  const { can } = useSession();
  const location = search.get('location') ?? '';
  const { locations } = useLocations((l) => l.pickup);
  const [version, setVersion] = useState(0);
  const [target, setTarget] = useState<{ fo: FulfillmentOrder; action: Action } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const command = useCommand();
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const canWrite = can('fulfillment:write');

  const filter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(`${FULFILLMENT_PATHS.pickups}${query({ location: String(new FormData(event.currentTarget).get('location') ?? '') })}`);
  };
  const applyNow = (event: ChangeEvent<HTMLSelectElement>) => event.currentTarget.form?.requestSubmit();

  const act = async (form: FormData) => {
    if (!target) return;
    const { fo, action } = target;
    const note = String(form.get('note') ?? '').trim();
    const path = `/v1/fulfillment-orders/${encodeURIComponent(fo.id)}/${action === 'ready' ? 'ready-for-pickup' : 'pickup'}`;
    const done = await command.run(() => api('POST', path, action === 'handover' && note ? { note } : undefined).then(() => true));
    setTarget(null);
    setVersion((v) => v + 1);
    if (done) {
      setNotice(action === 'ready' ? `Order #${fo.order.number} is ready for pickup; the customer is told.` : `Order #${fo.order.number} was picked up at the counter.`);
      focusAfterRender(noticeRef);
    } else {
      setNotice(null);
    }
  };

  return (
    <>
      <PageHeader title="Pickups" subtitle="Orders customers collect in store." />
      <form className="filters" role="search" aria-label="Choose a store" onSubmit={filter} key={location}>
        <LocationSelect id="pickups-location" label="Store" locations={locations} defaultValue={location} anyLabel="All stores" onChange={applyNow} />
        <div className="filters-actions"><button type="submit" className="button button-primary">Apply</button></div>
      </form>
      {notice ? <p className="notice notice-success" role="status" tabIndex={-1} ref={noticeRef}>{notice}</p> : null}
      {command.error ? <ProblemMessage error={command.error} onDismiss={command.clear} /> : null}
      <PickupSection title="Ready at the counter" location={location} statuses={AT_COUNTER} version={version} action="handover" canWrite={canWrite} onAct={(fo, action) => { command.clear(); setTarget({ fo, action }); }} />
      <PickupSection title="To get ready" location={location} statuses={TO_PREPARE} version={version} action="ready" canWrite={canWrite} onAct={(fo, action) => { command.clear(); setTarget({ fo, action }); }} />
      <ConfirmDialog
        open={target !== null} busy={command.busy} onClose={() => setTarget(null)} onConfirm={(form) => void act(form)}
        title={target?.action === 'handover' ? `Hand over order #${target.fo.order.number}?` : `Order #${target?.fo.order.number ?? ''} ready for pickup?`}
        confirmLabel={target?.action === 'handover' ? 'Picked up at the counter' : 'Ready for pickup'}
      >
        {target?.action === 'handover' ? (
          <>
            <p>The customer takes {contents(target.fo)}. The units leave the stock of {target.fo.location}; this cannot be undone.</p>
            <div className="field">
              <label htmlFor="pickup-note">Note <span className="muted">(optional)</span></label>
              <input id="pickup-note" name="note" maxLength={500} placeholder="e.g. ID checked" />
            </div>
          </>
        ) : target ? (
          <p>{contents(target.fo)} are set aside at {target.fo.location}; the customer is told the order is ready.</p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
