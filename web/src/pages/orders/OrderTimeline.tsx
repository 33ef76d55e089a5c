// What happened to the order, oldest first, with who did it.
import { useApi } from '../../api/useApi.ts';
import type { OrderEvent, Page } from '../../api/types.ts';
import { actorLabel, formatDateTime, humanize } from '../../format.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorState, Loading } from '../../ui/States.tsx';

function detail(event: OrderEvent): string | null {
  const reason = typeof event.data.reason === 'string' ? event.data.reason : null;
  const released = typeof event.data.units_released === 'number' ? `${event.data.units_released} units released` : null;
  return [reason, released].filter(Boolean).join(' · ') || null;
}

export function OrderTimeline({ orderId, version }: { orderId: string; version: string }) {
  const { me } = useSession();
  const events = useApi<Page<OrderEvent>>(`/v1/orders/${orderId}/events`, version);
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 className="card-title" id="timeline-title">Timeline</h2>
      {events.loading ? <Loading label="Loading the timeline…" /> : null}
      {events.error ? <ErrorState error={events.error} onRetry={events.reload} /> : null}
      {events.data ? (
        <ol className="timeline">
          {events.data.data.map((event, i) => (
            <li key={`${event.at}-${i}`}>
              <p className="timeline-type">{humanize(event.type.replace(/^order\./, ''))}</p>
              {detail(event) ? <p className="timeline-detail">{detail(event)}</p> : null}
              <p className="muted small"><time dateTime={event.at}>{formatDateTime(event.at)}</time> · <span title={event.actor}>{actorLabel(event.actor, me?.user?.id)}</span></p>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
