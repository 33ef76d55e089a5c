// One pick wave: the pick list in walking order with the scanner on top, per-line
// confirmation, complete/cancel and the printable pick list.
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { PickLine, PickWave, ScanResult } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { formatDateTime } from '../../format.ts';
import { Link } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';
import type { ScanFieldHandle } from '../../ui/ScanField.tsx';
import { useFocusAfterRender } from '../../ui/useFocusAfterRender.ts';
import { ErrorState, Loading } from '../../ui/States.tsx';
import { FulfillmentBadge } from './FulfillmentBadge.tsx';
import { FULFILLMENT_PATHS, orderHref, packHref, pdfHref } from './paths.ts';
import { ShortPickDialog, type ShortPick } from './ShortPickDialog.tsx';
import { PickListTable } from './PickListTable.tsx';
import { useCommand } from './useCommand.ts';
import { WaveActions } from './WaveActions.tsx';
import { WaveScanner } from './WaveScanner.tsx';
import './fulfillment.css';

/** The wave with a scanned line's new state merged in (the scan answers only the line). */
function withLine(wave: PickWave, line: PickLine): PickWave {
  const lines = wave.lines.map((l) => (l.id === line.id ? line : l));
  return { ...wave, lines, units_picked: lines.reduce((n, l) => n + l.picked, 0) };
}

function WaveOrders({ wave }: { wave: PickWave }) {
  return (
    <section className="card" aria-labelledby="wave-orders-title">
      <h2 className="card-title" id="wave-orders-title">Orders in this wave</h2>
      <ul className="plain-list">
        {wave.fulfillment_orders.map((fo) => (
          <li key={fo.id} className="plain-list-row">
            <Link to={orderHref(fo.order_number)} className="strong">Order #{fo.order_number}</Link>
            <FulfillmentBadge status={fo.status} />
            {fo.delivery_type === 'pickup' ? <span className="muted small">pickup</span> : null}
            {fo.status === 'picked' && fo.delivery_type === 'ship' ? <Link to={packHref(fo.id)} className="button button-small">Pack</Link> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function WaveDetailPage({ params }: { params: Record<string, string> }) {
  const ref = params.wave ?? '';
  const { can } = useSession();
  const loaded = useApi<PickWave>(`/v1/pick-waves/${encodeURIComponent(ref)}`);
  const [wave, setWave] = useState<PickWave | null>(null);
  const [activeLine, setActiveLine] = useState<string | null>(null);
  const [short, setShort] = useState<ShortPick | null>(null);
  const [busyLine, setBusyLine] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const confirm = useCommand();
  const scanner = useRef<ScanFieldHandle>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const focusAfterRender = useFocusAfterRender();

  useEffect(() => { if (loaded.data) setWave(loaded.data); }, [loaded.data]);
  const current = wave ?? loaded.data;
  const editable = current?.status === 'open' && can('fulfillment:write');

  const sendConfirm = async (line: PickLine, picked: number) => {
    setBusyLine(line.id);
    setActiveLine(line.id);
    const next = await confirm.run(() => api<PickWave>('POST', `/v1/pick-waves/${encodeURIComponent(current?.id ?? ref)}/lines/${encodeURIComponent(line.id)}/confirm`, { picked }));
    setBusyLine(null);
    setShort(null);
    if (next) {
      setWave(next);
      setNotice(`${line.sku} at ${line.bin ?? 'no bin'} confirmed: ${picked} of ${line.quantity}.`);
    } else {
      loaded.reload();
    }
    focusAfterRender(scanner);
  };

  const onConfirm = (line: PickLine, picked: number) => {
    setNotice(null);
    if (picked < line.quantity) setShort({ line, picked });
    else void sendConfirm(line, picked);
  };

  const onScanned = (result: ScanResult) => {
    setNotice(null);
    setActiveLine(result.line.id);
    setWave((w) => (w ? withLine(w, result.line) : w));
  };

  const onWaveChanged = (next: PickWave, message: string) => {
    setWave(next);
    setNotice(message);
    focusAfterRender(noticeRef);
  };

  const confirmedLines = current ? current.lines.filter((l) => l.confirmed).length : 0;
  return (
    <>
      <p className="breadcrumb"><Link to={FULFILLMENT_PATHS.waves}>Pick waves</Link></p>
      <PageHeader
        title={current ? `Pick wave ${current.number}` : `Pick wave ${ref}`}
        subtitle={current ? (
          <span className="badges"><FulfillmentBadge status={current.status} /> <span>{current.location} · created {formatDateTime(current.created_at)}</span></span>
        ) : null}
        actions={current ? <a className="button" href={pdfHref.pickList(current.id)} target="_blank" rel="noopener">Print pick list</a> : null}
      />
      {loaded.loading && !current ? <Loading label="Loading the pick list…" /> : null}
      {loaded.error && !current ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : null}
      {notice ? <p className="notice notice-success" role="status" tabIndex={-1} ref={noticeRef}>{notice}</p> : null}
      {current ? (
        <>
          <div className="wave-progress">
            <label htmlFor="wave-progress-bar">Picked {current.units_picked} of {current.units} units · {confirmedLines} of {current.lines_count} lines confirmed</label>
            <progress id="wave-progress-bar" max={Math.max(current.units, 1)} value={current.units_picked} />
          </div>
          {editable ? (
            <div className="wave-tools">
              <WaveScanner ref={scanner} wave={current} onScanned={onScanned} />
              <WaveActions wave={current} onChanged={onWaveChanged} />
            </div>
          ) : null}
          {confirm.error ? <ProblemMessage error={confirm.error} onDismiss={confirm.clear} /> : null}
          <section className="section" aria-labelledby="pick-list-title">
            <h2 className="section-title" id="pick-list-title">Pick list</h2>
            <PickListTable lines={current.lines} editable={editable} busyLine={busyLine} activeLine={activeLine} onConfirm={onConfirm} />
          </section>
          <WaveOrders wave={current} />
          <ShortPickDialog
            short={short} location={current.location} busy={confirm.busy}
            onConfirm={() => { if (short) void sendConfirm(short.line, short.picked); }} onClose={() => setShort(null)}
          />
        </>
      ) : null}
    </>
  );
}
