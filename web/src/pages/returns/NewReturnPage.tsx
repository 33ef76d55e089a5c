// Staff open a return for an order: how many units of which lines come back and why,
// optionally approved at once. The server checks the policy (window, returnable SKUs,
// delivered quantities) and says what it refuses.
import { useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { Order, Return, ReturnPolicy } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { humanize } from '../../format.ts';
import { Link, navigate } from '../../router/router.tsx';
import { ActionFeedback } from '../../ui/ActionFeedback.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { useAction } from '../../ui/useAction.ts';
import { activeUnits, returnableByLine } from '../orders/order-facts.ts';
import { orderHref } from '../orders/paths.ts';
import { returnHref } from './paths.ts';
import '../orders/after-sales.css';

function ReturnForm({ order, reasons }: { order: Order; reasons: string[] }) {
  const action = useAction();
  const [problem, setProblem] = useState<string | null>(null);
  const problemRef = useRef<HTMLParagraphElement>(null);
  const returnable = returnableByLine(order);
  const lines = order.lines.filter((line) => activeUnits(line) > 0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const items = lines.map((line) => ({ line_id: line.id, quantity: Number(form.get(`qty-${line.id}`) ?? 0), reason: String(form.get(`reason-${line.id}`) ?? '') }))
      .filter((item) => item.quantity > 0);
    if (items.length === 0 || items.some((i) => !Number.isInteger(i.quantity))) {
      setProblem(items.length === 0 ? 'Choose at least one unit to return.' : 'Quantities are whole numbers.');
      requestAnimationFrame(() => problemRef.current?.focus());
      return;
    }
    setProblem(null);
    const note = String(form.get('note') ?? '').trim();
    const created = await action.run(() => api<Return>('POST', '/v1/returns', {
      order: order.id, items, ...(note ? { note } : {}), ...(form.get('approve') ? { approve: true } : {}),
    }), () => null);
    if (created) navigate(returnHref(created.number));
  };

  return (
    <form onSubmit={(e) => { void submit(e); }} className="form-stack">
      <TableWrap label="Lines to return">
        <thead><tr><th scope="col">SKU</th><th scope="col">Product</th><th scope="col" className="num">Returnable</th><th scope="col">Return</th><th scope="col">Reason</th></tr></thead>
        <tbody>
          {lines.map((line) => {
            const max = Math.max(0, returnable.get(line.id) ?? 0);
            return (
              <tr key={line.id}>
                <td className="mono">{line.sku}</td>
                <td>{line.name}</td>
                <td className="num">{max}</td>
                <td><input className="qty-input" type="number" name={`qty-${line.id}`} min={0} max={max} step={1} defaultValue={0} aria-label={`Units of ${line.sku} to return`} disabled={max === 0} /></td>
                <td>
                  <select name={`reason-${line.id}`} aria-label={`Reason for ${line.sku}`} disabled={max === 0} defaultValue={reasons[0]}>
                    {reasons.map((r) => <option key={r} value={r}>{humanize(r)}</option>)}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </TableWrap>
      <div className="field">
        <label htmlFor="return-note">Note (optional)</label>
        <textarea id="return-note" name="note" rows={2} maxLength={2000} />
      </div>
      <div className="check">
        <input type="checkbox" id="return-approve" name="approve" value="1" />
        <label htmlFor="return-approve">Approve at once</label>
      </div>
      {problem ? <p className="field-error" role="alert" tabIndex={-1} ref={problemRef}>{problem}</p> : null}
      <div className="form-actions-row">
        <button type="submit" className="button button-primary" disabled={action.busy}>{action.busy ? 'Creating…' : 'Create return'}</button>
        <Link to={orderHref(order)} className="button button-quiet">Back to the order</Link>
      </div>
      <ActionFeedback action={action} />
    </form>
  );
}

export function NewReturnPage({ params }: { params: Record<string, string> }) {
  const ref = params.order ?? '';
  const order = useApi<Order>(`/v1/orders/${encodeURIComponent(ref)}`);
  const policy = useApi<ReturnPolicy>('/v1/settings/return-policy');
  const data = order.data;
  return (
    <>
      <p className="breadcrumb"><Link to={orderHref(ref)}>Order #{data?.number ?? ref}</Link></p>
      <PageHeader title={data ? `New return for order #${data.number}` : 'New return'} subtitle="Delivered units can come back; the refund is worked out when the return is closed." />
      {order.loading || policy.loading ? <Loading label="Loading the order…" /> : null}
      {order.error ? <ErrorState error={order.error} onRetry={order.reload} /> : null}
      {policy.error ? <ErrorState error={policy.error} onRetry={policy.reload} /> : null}
      {data && policy.data && [...returnableByLine(data).values()].every((n) => n <= 0) ? (
        <Empty title="Nothing to return yet.">Only delivered units that no other return claims can come back. <Link to={orderHref(data)}>Back to the order</Link></Empty>
      ) : null}
      {data && policy.data && [...returnableByLine(data).values()].some((n) => n > 0) ? <ReturnForm order={data} reasons={policy.data.reasons} /> : null}
    </>
  );
}
