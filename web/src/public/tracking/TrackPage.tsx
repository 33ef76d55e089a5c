// "Where is my order?": look up by order number and e-mail, or by tracking number. The
// query lives in the URL, so the link in the shipping e-mail opens the answer directly.
import { useRef } from 'react';
import { useApi } from '../../api/useApi.ts';
import { navigate, takeNavigationFocus, useLocation } from '../../router/router.tsx';
import { Loading } from '../../ui/States.tsx';
import { PublicHeading } from '../PublicHeading.tsx';
import { PublicLayout } from '../PublicLayout.tsx';
import { PUBLIC_PATHS, withTenant } from '../paths.ts';
import type { Tracking } from '../types.ts';
import { useFocusWhen } from '../useFocusWhen.ts';
import { TrackForm, type TrackQuery } from './TrackForm.tsx';
import { TrackingProblem } from './TrackingProblem.tsx';
import { TrackingResult } from './TrackingResult.tsx';

/** The lookup the URL asks for, or null when it asks nothing (yet). */
function queryOf(search: URLSearchParams): TrackQuery | null {
  const trackingNumber = search.get('tracking_number')?.trim();
  if (trackingNumber) return { tracking_number: trackingNumber };
  const order = search.get('order')?.trim();
  const email = search.get('email')?.trim();
  return order && email ? { order, email } : null;
}

export function TrackPage() {
  const { search } = useLocation();
  const query = queryOf(search);
  const tracking = useApi<Tracking>(query ? withTenant('/v1/public/tracking', { ...query }) : null);
  const outcome = useRef<HTMLHeadingElement>(null);
  const focus = useFocusWhen(outcome, tracking.data ?? tracking.error);

  const submit = (next: TrackQuery) => {
    focus.arm();
    const to = withTenant(PUBLIC_PATHS.track, { ...next });
    if (to === window.location.pathname + window.location.search) {
      tracking.reload();
      return;
    }
    navigate(to);
    // This page stays; the outcome's heading takes the focus when it arrives.
    takeNavigationFocus();
  };

  return (
    <PublicLayout title="Track your order">
      <PublicHeading lead="Enter your order number and the e-mail you ordered with, or the tracking number from your shipping e-mail.">
        Track your order
      </PublicHeading>
      <TrackForm key={search.toString()} initial={query} busy={tracking.loading} onSubmit={submit} />
      <div aria-live="polite">
        {tracking.loading ? <Loading label="Looking up your order…" /> : null}
      </div>
      {tracking.error ? <TrackingProblem ref={outcome} error={tracking.error} byTrackingNumber={query !== null && 'tracking_number' in query} /> : null}
      {tracking.data ? <TrackingResult ref={outcome} tracking={tracking.data} /> : null}
    </PublicLayout>
  );
}
