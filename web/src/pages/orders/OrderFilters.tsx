// The filter form above the orders list. Submitting writes the filter into the URL;
// the list follows the URL. Choosing a status or channel applies it at once.
import type { ChangeEvent, FormEvent } from 'react';
import { useApi } from '../../api/useApi.ts';
import type { Channel, Page } from '../../api/types.ts';
import { humanize } from '../../format.ts';
import { Link, navigate } from '../../router/router.tsx';
import { ORDER_STATUSES, isFiltered, listHref, type OrderFilter } from './filters.ts';

function read(form: HTMLFormElement): OrderFilter {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  return { q: text('q'), status: text('status'), channel: text('channel'), email: text('email'), from: text('from'), to: text('to'), cursor: '' };
}

export function OrderFilters({ filter }: { filter: OrderFilter }) {
  const channels = useApi<Page<Channel>>('/v1/channels');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(listHref(read(event.currentTarget)));
  };
  const applyNow = (event: ChangeEvent<HTMLSelectElement>) => event.currentTarget.form?.requestSubmit();

  return (
    // The key resets the inputs when the URL changes (Back, a shared link, Clear).
    <form className="filters" role="search" aria-label="Filter orders" onSubmit={submit} key={listHref(filter)}>
      <div className="field field-grow">
        <label htmlFor="orders-q">Search</label>
        <input id="orders-q" name="q" type="search" defaultValue={filter.q} placeholder="Number, external id, e-mail or name" />
      </div>
      <div className="field">
        <label htmlFor="orders-status">Status</label>
        <select id="orders-status" name="status" defaultValue={filter.status} onChange={applyNow}>
          <option value="">Any status</option>
          {ORDER_STATUSES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="orders-channel">Channel</label>
        <select id="orders-channel" name="channel" defaultValue={filter.channel} onChange={applyNow}>
          <option value="">Any channel</option>
          {(channels.data?.data ?? []).map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
          {filter.channel && !channels.data?.data.some((c) => c.code === filter.channel) ? <option value={filter.channel}>{filter.channel}</option> : null}
        </select>
      </div>
      <div className="field">
        <label htmlFor="orders-from">From</label>
        <input id="orders-from" name="from" type="date" defaultValue={filter.from} />
      </div>
      <div className="field">
        <label htmlFor="orders-to">To</label>
        <input id="orders-to" name="to" type="date" defaultValue={filter.to} />
      </div>
      {filter.email ? <input type="hidden" name="email" value={filter.email} /> : null}
      <div className="filters-actions">
        <button type="submit" className="button button-primary">Apply</button>
        {isFiltered(filter) ? <Link to="/orders" className="button button-quiet">Clear</Link> : null}
      </div>
    </form>
  );
}
