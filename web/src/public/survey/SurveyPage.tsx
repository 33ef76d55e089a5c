// The feedback survey from the delivery e-mail: one rating (1-5) and an optional comment,
// answered once. An answered survey (now or before) shows the thank-you.
import { useRef, useState } from 'react';
import { api, ApiError, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Loading } from '../../ui/States.tsx';
import { commonMessage, PublicProblem, type CustomerMessage } from '../PublicProblem.tsx';
import { PublicHeading } from '../PublicHeading.tsx';
import { PublicLayout } from '../PublicLayout.tsx';
import type { SurveyInvitation } from '../types.ts';
import { useFocusWhen } from '../useFocusWhen.ts';
import { SurveyForm, type SurveyAnswer } from './SurveyForm.tsx';
import { ThankYou } from './ThankYou.tsx';

function messageFor(error: ApiError): CustomerMessage {
  const common = commonMessage(error);
  if (common) return common;
  if (error.status === 404) return { title: 'This survey link does not work', detail: 'It may be mistyped or no longer valid. Copy the whole link from the e-mail and try again.' };
  if (error.status === 422) return { title: 'Please check your answer', detail: error.message };
  return { title: error.title || 'Something went wrong', detail: error.message };
}

/** A malformed token is, to the customer, just a link that does not work. */
function invalidLink(error: ApiError): ApiError {
  return new ApiError(404, 'not_found', error.title, error.message);
}

export function SurveyPage({ params }: { params: Record<string, string> }) {
  // The token alone names the survey (and its shop).
  const path = `/v1/public/surveys/${encodeURIComponent(params.token ?? '')}`;
  const invitation = useApi<SurveyInvitation>(path);
  const [outcome, setOutcome] = useState<'answered' | 'already' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const focus = useFocusWhen(heading, outcome ?? error);

  const answer = async (value: SurveyAnswer) => {
    focus.arm();
    setBusy(true);
    setError(null);
    try {
      await api('POST', path, { rating: value.rating, ...(value.comment ? { comment: value.comment } : {}) });
      setOutcome('answered');
    } catch (caught) {
      const failure = asApiError(caught);
      // Answered meanwhile (another tab, a double tap): the answer is in, so thank them.
      if (failure.status === 409) setOutcome('already');
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const data = invitation.data;
  const answered = outcome ?? (data?.answered ? 'already' : null);
  return (
    <PublicLayout title="How was your order?">
      <PublicHeading lead={data ? `Order #${data.order_number}` : undefined}>How was your order?</PublicHeading>
      {invitation.loading ? <Loading label="Opening the survey…" /> : null}
      {invitation.error ? <PublicProblem message={messageFor(invitation.error.status === 422 ? invalidLink(invitation.error) : invitation.error)} /> : null}
      {data && answered ? <ThankYou ref={heading} already={answered === 'already'} /> : null}
      {data && !answered ? (
        <SurveyForm items={data.items} busy={busy} onSubmit={(value) => void answer(value)}
          problem={error ? <PublicProblem ref={heading} message={messageFor(error)} details={error.errors.map((e) => e.message)} /> : null} />
      ) : null}
    </PublicLayout>
  );
}
