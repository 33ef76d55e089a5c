// The pack station for one fulfillment order: its items and what is left, the package
// being packed, the packages made, the packing slip, and shipping.
import { useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { Box, BoxSuggestion, FulfillmentOrder, Package, Page, Shipment } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { Link } from '../../router/router.tsx';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';
import type { ScanFieldHandle } from '../../ui/ScanField.tsx';
import { useFocusAfterRender } from '../../ui/useFocusAfterRender.ts';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { FoShipments } from './FoShipments.tsx';
import { FulfillmentBadge } from './FulfillmentBadge.tsx';
import { PackageForm, type PackageDraft } from './PackageForm.tsx';
import { PackagesList } from './PackagesList.tsx';
import { PackItemsTable } from './PackItemsTable.tsx';
import { draftItems, packLines } from './packing.ts';
import { FULFILLMENT_PATHS, orderHref, packHref, pdfHref, waveHref } from './paths.ts';
import { ShipPanel } from './ShipPanel.tsx';
import { useCommand } from './useCommand.ts';
import { useProducts } from './useProducts.ts';

const PACKABLE = new Set(['open', 'picked']);
const SHIPPABLE = new Set(['open', 'picked', 'packed']);

function StatusNote({ fo }: { fo: FulfillmentOrder }) {
  if (fo.delivery_type === 'pickup') return <p className="notice">This order is picked up in store, not packed: hand it over on the <Link to={FULFILLMENT_PATHS.pickups}>pickups</Link> page.</p>;
  if (fo.status === 'picking') return <p className="notice">This order is being picked{fo.wave_id ? <> in <Link to={waveHref(fo.wave_id)}>its wave</Link></> : null}; pack it once the wave is completed.</p>;
  if (fo.status === 'canceled') return <p className="notice">This fulfillment order is canceled; nothing to pack.</p>;
  return null;
}

export function PackingBench({ fulfillmentOrderId }: { fulfillmentOrderId: string }) {
  const { can } = useSession();
  const canWrite = can('fulfillment:write');
  const [version, setVersion] = useState(0);
  const base = `/v1/fulfillment-orders/${encodeURIComponent(fulfillmentOrderId)}`;
  const fo = useApi<FulfillmentOrder>(base, version);
  const packages = useApi<Page<Package>>(`${base}/packages`, version);
  const suggestion = useApi<BoxSuggestion>(`${base}/box-suggestion`, version);
  const boxes = useApi<Page<Box>>('/v1/boxes');
  const products = useProducts(fo.data?.lines.map((l) => l.sku) ?? []);
  const [draft, setDraft] = useState<Record<string, number>>({});
  const [activeLine, setActiveLine] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const create = useCommand();
  const scanner = useRef<ScanFieldHandle>(null);
  const [justShipped, setJustShipped] = useState<string | null>(null);
  const focusAfterRender = useFocusAfterRender();

  if (fo.loading && !fo.data) return <Loading label="Loading the order…" />;
  if (fo.error && !fo.data) return <ErrorState error={fo.error} onRetry={fo.reload} />;
  if (!fo.data) return null;
  const order = fo.data;
  const lines = packLines(order, packages.data?.data ?? []);
  const left = lines.reduce((n, l) => n + l.left, 0);
  const packable = canWrite && order.delivery_type === 'ship' && PACKABLE.has(order.status) && left > 0;
  const shippable = order.delivery_type === 'ship' && SHIPPABLE.has(order.status);

  const refresh = (message: string) => {
    setNotice(message || null);
    setVersion((v) => v + 1);
    focusAfterRender(scanner);
  };

  const createPackage = async ({ box, weightG }: PackageDraft) => {
    const pkg = await create.run(() => api<Package>('POST', `${base}/packages`, { ...(box ? { box } : {}), items: draftItems(draft), ...(weightG !== undefined ? { weight_g: weightG } : {}) }));
    if (pkg) {
      setDraft({});
      setActiveLine(null);
      refresh(`Package created: ${pkg.items.map((i) => `${i.sku} × ${i.quantity}`).join(', ')}${pkg.box ? ` in box ${pkg.box}` : ''}.`);
    }
    focusAfterRender(scanner);
  };

  const shipped = (shipment: Shipment) => {
    setNotice(`Shipped${shipment.tracking_number ? ` with tracking number ${shipment.tracking_number}` : ''}.`);
    setJustShipped(shipment.id);
    setVersion((v) => v + 1);
  };

  return (
    <>
      <div className="bench-head">
        <p>
          <Link to={orderHref(order.order.number)} className="strong">Order #{order.order.number}</Link> at <strong>{order.location}</strong>{' '}
          <FulfillmentBadge status={order.status} />
        </p>
        <div className="button-row">
          <a className="button" href={pdfHref.packingSlip(order.id)} target="_blank" rel="noopener">Print packing slip</a>
          <Link className="button button-quiet" to={packHref()}>Another order</Link>
        </div>
      </div>
      <StatusNote fo={order} />
      {notice ? <p className="notice notice-success" role="status">{notice}</p> : null}
      <div className="bench">
        <div className="bench-main">
          <section className="section" aria-labelledby="pack-items-title">
            <h2 className="section-title" id="pack-items-title">Items {left > 0 ? <span className="muted small">({left} left to pack)</span> : <span className="muted small">(all packed)</span>}</h2>
            {lines.length === 0 ? <Empty title="No reserved units on this fulfillment order." /> : (
              <PackItemsTable lines={lines} draft={draft} activeLine={activeLine} editable={packable} onChange={(allocationId, quantity) => setDraft((d) => ({ ...d, [allocationId]: quantity }))} />
            )}
          </section>
          <section className="section" aria-labelledby="packages-title">
            <h2 className="section-title" id="packages-title">Packages</h2>
            {packages.loading && !packages.data ? <Loading label="Loading packages…" /> : null}
            {packages.error ? <ErrorState error={packages.error} onRetry={packages.reload} /> : null}
            {packages.data && packages.data.data.length === 0 ? <Empty title="Nothing packed yet." /> : null}
            {packages.data && packages.data.data.length > 0 ? <PackagesList packages={packages.data.data} canWrite={canWrite} onChanged={refresh} /> : null}
          </section>
        </div>
        <div className="bench-side">
          {packable ? (
            <>
              <PackageForm
                ref={scanner} lines={lines} draft={draft} products={products} boxes={(boxes.data?.data ?? []).filter((b) => b.active)} suggestion={suggestion.data} suggestionError={suggestion.error}
                busy={create.busy} onCreate={(d) => void createPackage(d)}
                onAdd={(allocationId) => { setActiveLine(allocationId); setDraft((d) => ({ ...d, [allocationId]: (d[allocationId] ?? 0) + 1 })); }}
              />
              {create.error ? <ProblemMessage error={create.error} onDismiss={create.clear} /> : null}
            </>
          ) : null}
          {boxes.error ? <ErrorState error={boxes.error} onRetry={boxes.reload} /> : null}
          {shippable ? (
            <ShipPanel key={version} fulfillmentOrderId={order.id} version={version} canWrite={canWrite} onShipped={shipped}
              partial={left > 0 && (packages.data?.data.some((p) => p.shipment_id === null) ?? false) ? left : 0} />
          ) : null}
          <FoShipments focusOn={justShipped} orderId={order.order.id} fulfillmentOrderId={order.id} version={version} />
        </div>
      </div>
    </>
  );
}
