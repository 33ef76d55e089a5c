// Editing an order: change quantities, add or remove lines, change the shipping address
// or method; "Preview" asks the server what that would do, "Confirm" applies exactly
// that against the previewed version. Any change to the draft drops the preview.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../../api/client.ts';
import type { EditPreview, Order, OrderEdit } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link, navigate } from '../../../router/router.tsx';
import { ActionFeedback } from '../../../ui/ActionFeedback.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { Empty, ErrorState, Loading } from '../../../ui/States.tsx';
import { useAction } from '../../../ui/useAction.ts';
import { orderHref } from '../paths.ts';
import { canEdit } from '../order-facts.ts';
import { EditLines } from './EditLines.tsx';
import { EditPreviewPanel } from './EditPreviewPanel.tsx';
import { EditShipping } from './EditShipping.tsx';
import { draftChanges, initialDraft, type Draft, type FieldProblem } from './edit-draft.ts';
import '../after-sales.css';

function Editor({ order, onReload }: { order: Order; onReload(): void }) {
  const [draft, setDraft] = useState<Draft>(() => initialDraft(order));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [preview, setPreview] = useState<EditPreview | null>(null);
  const previewAction = useAction();
  const confirmAction = useAction();
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const problemsRef = useRef<HTMLDivElement>(null);

  useEffect(() => { if (preview) previewHeading.current?.focus(); }, [preview]);
  const change = (update: (d: Draft) => Draft) => { setDraft(update); setPreview(null); previewAction.clear(); confirmAction.clear(); };

  const submitPreview = async (event: FormEvent) => {
    event.preventDefault();
    const { changes, problems: found } = draftChanges(order, draft);
    setProblems(found);
    if (found.length > 0) { requestAnimationFrame(() => problemsRef.current?.focus()); return; }
    if (changes.length === 0) { setProblems([{ field: '', message: 'Nothing is changed yet.' }]); requestAnimationFrame(() => problemsRef.current?.focus()); return; }
    const answer = await previewAction.run(() => api<EditPreview>('POST', `/v1/orders/${encodeURIComponent(order.id)}/edits/preview`, { changes }), () => null);
    if (answer) setPreview(answer);
  };

  const confirm = async () => {
    if (!preview) return;
    const { changes } = draftChanges(order, draft);
    const edit = await confirmAction.run(() => api<OrderEdit>('POST', `/v1/orders/${encodeURIComponent(order.id)}/edits`, { changes, expected_version: preview.version }), () => null);
    if (edit) navigate(`${orderHref(order)}?edited=${edit.version}`);
  };

  const conflict = confirmAction.error?.code === 'version_conflict';
  return (
    <form onSubmit={(e) => { void submitPreview(e); }} noValidate aria-describedby="edit-intro">
      <p id="edit-intro" className="muted edit-intro">Changes apply together once confirmed. Units already picked or shipped cannot be taken off.</p>
      {problems.length > 0 ? (
        <div className="problem" role="alert" tabIndex={-1} ref={problemsRef}>
          <div>
            <p className="problem-title">Check the edit</p>
            <ul className="problem-fields">{problems.map((p) => <li key={p.field + p.message}>{p.field ? <a href={`#${p.field}`}>{p.message}</a> : p.message}</li>)}</ul>
          </div>
        </div>
      ) : null}
      <EditLines order={order} draft={draft} change={change} invalid={new Set(problems.map((p) => p.field))} />
      <EditShipping order={order} draft={draft} change={change} invalid={new Set(problems.map((p) => p.field))} />
      <div className="form-actions-row">
        <button type="submit" className="button button-primary" disabled={previewAction.busy}>{previewAction.busy ? 'Working it out…' : 'Preview'}</button>
        <Link to={orderHref(order)} className="button button-quiet">Back to the order</Link>
      </div>
      <ActionFeedback action={previewAction} />
      {preview ? <EditPreviewPanel ref={previewHeading} preview={preview} currency={order.currency} busy={confirmAction.busy} onConfirm={() => { void confirm(); }} /> : null}
      <ActionFeedback action={confirmAction} />
      {conflict ? (
        <p className="notice">
          Someone changed this order after the preview, so nothing was saved.{' '}
          <button type="button" className="button button-small" onClick={onReload}>Reload the order</button> (this clears the draft) and make the edit again.
        </p>
      ) : null}
    </form>
  );
}

export function OrderEditPage({ params }: { params: Record<string, string> }) {
  const ref = params.order ?? '';
  const [generation, setGeneration] = useState(0);
  const loaded = useApi<Order>(`/v1/orders/${encodeURIComponent(ref)}`, generation);
  const order = loaded.data;
  return (
    <>
      <p className="breadcrumb"><Link to={orderHref(ref)}>Order #{order?.number ?? ref}</Link></p>
      <PageHeader title={order ? `Edit order #${order.number}` : 'Edit order'} />
      {loaded.loading ? <Loading label="Loading the order…" /> : null}
      {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : null}
      {order && !canEdit(order) ? (
        <Empty title="This order cannot be edited.">It is {order.status.replace('_', ' ')} and has nothing left to ship. <Link to={orderHref(order)}>Back to the order</Link></Empty>
      ) : null}
      {/* The key starts a fresh draft from the reloaded order. */}
      {order && canEdit(order) ? <Editor key={`${order.updated_at}/${generation}`} order={order} onReload={() => setGeneration((g) => g + 1)} /> : null}
    </>
  );
}
