// Ship what is packed (or, without packages, the order's remaining units): the rates of
// the order's shipping method (cheapest and fastest marked), then buy the label, or for
// a manual service type the tracking number the courier gave.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { Rates, Shipment } from '../../api/types.ts';
import { formatMoney } from '../../format.ts';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';
import { ErrorState, Loading } from '../../ui/States.tsx';
import { formatWeight } from './format.ts';
import { useCommand } from './useCommand.ts';

export interface ShipPanelProps {
  fulfillmentOrderId: string; version: number; canWrite: boolean;
  /** Units not packed yet while some packages are: only the packages ship now. */
  partial: number;
  onShipped(shipment: Shipment): void;
}

export function ShipPanel({ fulfillmentOrderId, version, canWrite, partial, onShipped }: ShipPanelProps) {
  const id = useId();
  const rates = useApi<Rates>(`/v1/fulfillment-orders/${encodeURIComponent(fulfillmentOrderId)}/rates`, version);
  const [service, setService] = useState('');
  const command = useCommand();
  const list = rates.data?.rates ?? [];
  useEffect(() => {
    if (!list.some((r) => r.service === service)) setService(list.find((r) => r.cheapest)?.service ?? list[0]?.service ?? '');
  }, [rates.data, service]);
  const chosen = list.find((r) => r.service === service);
  const manual = chosen?.carrier === 'manual';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const tracking = String(new FormData(event.currentTarget).get('tracking_number') ?? '').trim();
    const shipment = await command.run(() => api<Shipment>('POST', `/v1/fulfillment-orders/${encodeURIComponent(fulfillmentOrderId)}/shipments`, {
      service, ...(manual && tracking ? { tracking_number: tracking } : {}),
    }));
    if (shipment) onShipped(shipment);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 className="card-title" id={`${id}-title`}>Ship</h2>
      {rates.loading ? <Loading label="Loading rates…" /> : null}
      {rates.error ? <ErrorState error={rates.error} onRetry={rates.reload} /> : null}
      {rates.data ? (
        <form className="form-stack" onSubmit={submit}>
          <p className="muted small">
            {formatWeight(rates.data.weight_g)} ({rates.data.weight_source === 'packages' ? 'the unshipped packages' : 'catalog weights, nothing packed'}) to {rates.data.destination.postal_code} {rates.data.destination.country}
            {rates.data.shipping_method ? <> · method <strong>{rates.data.shipping_method}</strong></> : null}
          </p>
          {partial > 0 ? <p className="notice">Only the packages ship now; {partial} unit(s) not packed yet stay for a later shipment.</p> : null}
          {list.length === 0 ? <p className="inline-error" role="alert">No carrier service can ship this order{rates.data.shipping_method ? ` (method ${rates.data.shipping_method})` : ''}. Set one up under carrier services.</p> : (
            <fieldset className="rates">
              <legend>Service</legend>
              {list.map((rate) => (
                <label key={rate.service} className="rate-option">
                  <input type="radio" name="service" value={rate.service} checked={service === rate.service} onChange={() => setService(rate.service)} />
                  <span className="rate-name"><strong>{rate.name}</strong> <span className="muted small">{rate.carrier === 'manual' ? 'manual, you book it' : rate.carrier.replace(/_/g, ' ')}</span></span>
                  <span className="rate-price">{formatMoney(rate.price, rate.currency)}</span>
                  <span className="rate-days small muted">{rate.transit_days === null ? 'transit time unknown' : `${rate.transit_days} day(s)`}</span>
                  <span className="badges">
                    {rate.cheapest ? <span className="badge badge-success">Cheapest</span> : null}
                    {rate.fastest ? <span className="badge badge-info">Fastest</span> : null}
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          {rates.data.unavailable.length > 0 ? (
            <details className="small">
              <summary>{rates.data.unavailable.length} service(s) cannot take it</summary>
              <ul>{rates.data.unavailable.map((u) => <li key={u.service}>{u.name}: {u.reason}</li>)}</ul>
            </details>
          ) : null}
          {manual ? (
            <div className="field">
              <label htmlFor={`${id}-tracking`}>Tracking number</label>
              <input id={`${id}-tracking`} name="tracking_number" required maxLength={64} autoComplete="off" spellCheck={false} aria-describedby={`${id}-tracking-hint`} />
              <p className="field-hint" id={`${id}-tracking-hint`}>As given by {chosen?.name}; Ordo prints no label for a manual service.</p>
            </div>
          ) : null}
          {canWrite && chosen ? (
            <div>
              <button type="submit" className="button button-primary" disabled={command.busy}>
                {command.busy ? 'Shipping…' : manual ? 'Ship with this tracking number' : `Buy label (${formatMoney(chosen.price, chosen.currency)})`}
              </button>
            </div>
          ) : null}
        </form>
      ) : null}
      {command.error ? <ProblemMessage error={command.error} onDismiss={command.clear} /> : null}
    </section>
  );
}
