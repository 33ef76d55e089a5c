// A customer asks to return items: find the order (number + e-mail), choose what and
// why, and get the return's number. The shop's policy decides; its refusals are shown.
import { useEffect, useRef, useState } from 'react';
import { api, asApiError, type ApiError } from '../../api/client.ts';
import { useLocation } from '../../router/router.tsx';
import { PublicHeading } from '../PublicHeading.tsx';
import { PublicLayout } from '../PublicLayout.tsx';
import { withTenant } from '../paths.ts';
import type { Eligibility, ReturnRequested } from '../types.ts';
import { useFocusWhen } from '../useFocusWhen.ts';
import { OrderLookupForm, type OrderLookup } from './OrderLookupForm.tsx';
import { ReturnConfirmation } from './ReturnConfirmation.tsx';
import { ReturnItemsForm, type ReturnChoice } from './ReturnItemsForm.tsx';
import { ReturnProblem } from './ReturnProblem.tsx';

type Step =
  | { kind: 'lookup'; lookup: OrderLookup }
  | { kind: 'choose'; lookup: OrderLookup; eligibility: Eligibility }
  | { kind: 'done'; lookup: OrderLookup; requested: ReturnRequested };

export function ReturnRequestPage() {
  const { search } = useLocation();
  const [step, setStep] = useState<Step>({ kind: 'lookup', lookup: { order: search.get('order') ?? '', email: search.get('email') ?? '' } });
  const [busy, setBusy] = useState(false);
  // A refusal belongs to the step it happened in; the names of the items last sent label its field messages.
  const [error, setError] = useState<ApiError | null>(null);
  const submitted = useRef<string[]>([]);
  const outcome = useRef<HTMLHeadingElement>(null);
  const focus = useFocusWhen(outcome, error ?? step);

  const run = async (work: () => Promise<Step>, moveFocus = true) => {
    if (moveFocus) focus.arm();
    setBusy(true);
    setError(null);
    try {
      setStep(await work());
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const findOrder = (lookup: OrderLookup, moveFocus = true) => run(async () => ({
    kind: 'choose', lookup,
    eligibility: await api<Eligibility>('GET', withTenant('/v1/public/returns/eligibility', { order: lookup.order, email: lookup.email })),
  }), moveFocus);

  const requestReturn = (lookup: OrderLookup, eligibility: Eligibility, choice: ReturnChoice) => {
    submitted.current = choice.items.map((item) => eligibility.lines.find((line) => line.line_id === item.line_id)?.name ?? '');
    return run(async () => ({
      kind: 'done', lookup,
      requested: await api<ReturnRequested>('POST', withTenant('/v1/public/returns'), {
        order: lookup.order, email: lookup.email, items: choice.items, ...(choice.note ? { note: choice.note } : {}),
      }),
    }));
  };

  // A link that carries the order and e-mail looks the order up at once (the focus stays put).
  useEffect(() => {
    if (step.kind === 'lookup' && step.lookup.order && step.lookup.email) void findOrder(step.lookup, false);
    // Only on arrival; later lookups come from the form.
  }, []);

  const problem = error ? <ReturnProblem ref={outcome} error={error} submitted={step.kind === 'choose' ? submitted.current : []} /> : null;
  return (
    <PublicLayout title="Return items">
      <PublicHeading lead="Find your order, choose what you would like to send back, and tell us why.">Return items</PublicHeading>
      {step.kind === 'lookup' ? (
        <>
          <OrderLookupForm initial={step.lookup} busy={busy} onSubmit={(lookup) => void findOrder(lookup)} />
          {problem}
        </>
      ) : null}
      {step.kind === 'choose' ? (
        <ReturnItemsForm headingRef={error ? undefined : outcome} eligibility={step.eligibility} busy={busy} problem={problem}
          onSubmit={(choice) => void requestReturn(step.lookup, step.eligibility, choice)}
          onChangeOrder={() => { setError(null); setStep({ kind: 'lookup', lookup: step.lookup }); }} />
      ) : null}
      {step.kind === 'done' ? <ReturnConfirmation ref={outcome} requested={step.requested} orderNumber={step.lookup.order} /> : null}
    </PublicLayout>
  );
}
