// Build a pick wave at one location: the oldest open orders (up to a number, placed
// before a cut-off) or exactly the orders ticked in the list. The new wave opens.
import { useId, useState, type FormEvent } from 'react';
import { api, query } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { FulfillmentOrder, Location, Page, PickWave } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import { navigate } from '../../router/router.tsx';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { LocationSelect } from './LocationSelect.tsx';
import { fromLocalInput } from './format.ts';
import { waveHref } from './paths.ts';
import { useCommand } from './useCommand.ts';

/** How many open fulfillment orders the "choose" list shows. */
const CHOICES_LIMIT = 100;

type Mode = 'oldest' | 'chosen';

function units(fo: FulfillmentOrder): string {
  return fo.lines.map((l) => `${l.sku} × ${l.quantity}`).join(', ');
}

function OpenOrderChoices({ location, deliveryType }: { location: string; deliveryType: string }) {
  const open = useApi<Page<FulfillmentOrder>>(`/v1/fulfillment-orders${query({ location, status: 'open', limit: CHOICES_LIMIT })}`);
  const choices = (open.data?.data ?? []).filter((fo) => !deliveryType || fo.delivery_type === deliveryType);
  if (open.loading) return <Loading label="Loading open orders…" />;
  if (open.error) return <ErrorState error={open.error} onRetry={open.reload} />;
  if (choices.length === 0) return <Empty title={`No open fulfillment orders at ${location}.`} />;
  return (
    <fieldset className="choices">
      <legend>Orders to pick ({choices.length} open)</legend>
      <ul className="choice-list">
        {choices.map((fo) => (
          <li key={fo.id}>
            <label className="choice-item">
              <input type="checkbox" name="fulfillment_orders" value={fo.id} />
              <span>
                <strong>Order #{fo.order.number}</strong> <span className="muted">· {fo.delivery_type === 'pickup' ? 'pickup' : 'ship'} · {formatDateTime(fo.created_at)}</span>
                <span className="block small">{units(fo)}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function CreateWaveForm({ locations, initialLocation }: { locations: Location[]; initialLocation: string }) {
  const id = useId();
  const [location, setLocation] = useState(initialLocation);
  const [mode, setMode] = useState<Mode>('oldest');
  const [deliveryType, setDeliveryType] = useState('');
  const command = useCommand();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const max = String(data.get('max_orders') ?? '').trim();
    const cutoff = fromLocalInput(String(data.get('cutoff') ?? ''));
    const chosen = data.getAll('fulfillment_orders').map(String);
    const body = {
      location,
      ...(deliveryType ? { delivery_type: deliveryType } : {}),
      ...(mode === 'chosen' ? (chosen.length > 0 ? { fulfillment_orders: chosen } : {}) : { ...(max ? { max_orders: Number(max) } : {}), ...(cutoff ? { cutoff } : {}) }),
    };
    const wave = await command.run(() => api<PickWave>('POST', '/v1/pick-waves', body));
    if (wave) navigate(waveHref(wave));
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 className="card-title" id={`${id}-title`}>New pick wave</h2>
      <form className="form-stack" onSubmit={submit}>
        <div className="form-grid">
          <LocationSelect id={`${id}-location`} locations={locations} value={location} required anyLabel="Choose…" onChange={(e) => setLocation(e.target.value)} />
          <div className="field">
            <label htmlFor={`${id}-delivery`}>Delivery</label>
            <select id={`${id}-delivery`} value={deliveryType} onChange={(e) => setDeliveryType(e.target.value)}>
              <option value="">Ship and pickup</option>
              <option value="ship">Ship only</option>
              <option value="pickup">Pickup only</option>
            </select>
          </div>
        </div>
        <fieldset className="segmented-choice">
          <legend>Which orders</legend>
          <label><input type="radio" name="mode" value="oldest" checked={mode === 'oldest'} onChange={() => setMode('oldest')} /> Oldest open orders</label>
          <label><input type="radio" name="mode" value="chosen" checked={mode === 'chosen'} onChange={() => setMode('chosen')} /> Choose orders</label>
        </fieldset>
        {mode === 'oldest' ? (
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`${id}-max`}>Up to (orders)</label>
              <input id={`${id}-max`} name="max_orders" type="number" min={1} step={1} inputMode="numeric" aria-describedby={`${id}-max-hint`} />
              <p className="field-hint" id={`${id}-max-hint`}>Oldest order first.</p>
            </div>
            <div className="field">
              <label htmlFor={`${id}-cutoff`}>Placed before (cut-off)</label>
              <input id={`${id}-cutoff`} name="cutoff" type="datetime-local" aria-describedby={`${id}-cutoff-hint`} />
              <p className="field-hint" id={`${id}-cutoff-hint`}>The carrier's collection time; optional.</p>
            </div>
          </div>
        ) : location ? (
          <OpenOrderChoices key={location} location={location} deliveryType={deliveryType} />
        ) : (
          <p className="muted">Choose a location to see its open orders.</p>
        )}
        <div>
          <button type="submit" className="button button-primary" disabled={command.busy}>{command.busy ? 'Creating…' : 'Create wave'}</button>
        </div>
      </form>
      {command.error ? <ProblemMessage error={command.error} onDismiss={command.clear} /> : null}
    </section>
  );
}
