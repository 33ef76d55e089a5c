// What happened to the order, oldest first, with who did it.
import { useApi } from '../../api/useApi.ts';
import type { OrderEvent, Page } from '../../api/types.ts';
import { actorLabel, formatDateTime, formatMoney, humanize } from '../../format.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorState, Loading } from '../../ui/States.tsx';
import { holdTypeLabel } from './labels.ts';

/** The facts of an event worth a line: why, which hold, how much, which return or parcel. */
function detail(event: OrderEvent, currency: string): string | null {
  const d = event.data;
  const text = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : null);
  const count = (key: string) => (typeof d[key] === 'number' ? (d[key] as number) : null);
  const money = (key: string) => (count(key) !== null ? formatMoney(count(key) as number, text('currency') ?? currency) : null);
  const parts = [
    event.type === 'order.held' && text('type') ? holdTypeLabel(text('type') as string) : null,
    event.type.startsWith('return.') && text('number') ? `Return #${text('number')}` : null,
    text('reason'),
    count('units_released') !== null ? `${count('units_released')} units released` : null,
    event.type === 'refund.issued' ? money('amount') : null,
    event.type === 'order.edited' && count('total') !== null ? `New total ${money('total')}` : null,
    text('tracking_number') ? `Tracking ${text('tracking_number')}` : null,
  ];
  return parts.filter(Boolean).join(' · ') || null;
}

export function OrderTimeline({ orderId, currency, version }: { orderId: string; currency: string; version: string }) {
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
              {detail(event, currency) ? <p className="timeline-detail">{detail(event, currency)}</p> : null}
              <p className="muted small"><time dateTime={event.at}>{formatDateTime(event.at)}</time> · <span title={event.actor}>{actorLabel(event.actor, me?.user?.id)}</span></p>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
