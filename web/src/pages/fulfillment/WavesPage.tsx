// Pick waves: the list (location and status in the URL) and the form that builds one.
import type { ChangeEvent, FormEvent } from 'react';
import { query } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { Page, PickWaveSummary } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { humanize } from '../../format.ts';
import { Link, navigate, useLocation } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { CreateWaveForm } from './CreateWaveForm.tsx';
import { LocationSelect } from './LocationSelect.tsx';
import { FULFILLMENT_PATHS } from './paths.ts';
import { useLocations } from './useLocations.ts';
import { WavesTable } from './WavesTable.tsx';
import './fulfillment.css';

const PAGE_SIZE = 50;
const WAVE_STATUSES = ['open', 'completed', 'canceled'] as const;

export function WavesPage() {
  const { search } = useLocation();
  const { can } = useSession();
  const location = search.get('location') ?? '';
  const status = search.get('status') ?? '';
  const cursor = search.get('cursor') ?? '';
  const href = (extra: Record<string, string> = {}) => `${FULFILLMENT_PATHS.waves}${query({ location, status, ...extra })}`;
  const { locations } = useLocations((l) => l.ships || l.pickup);
  const waves = useApi<Page<PickWaveSummary>>(`/v1/pick-waves${query({ location, status, cursor, limit: PAGE_SIZE })}`);

  const filter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    navigate(`${FULFILLMENT_PATHS.waves}${query({ location: String(data.get('location') ?? ''), status: String(data.get('status') ?? '') })}`);
  };
  const applyNow = (event: ChangeEvent<HTMLSelectElement>) => event.currentTarget.form?.requestSubmit();
  const filtered = Boolean(location || status);

  return (
    <>
      <PageHeader title="Pick waves" subtitle="Batches of orders picked in one walk through the aisles." />
      {can('fulfillment:write') ? <CreateWaveForm locations={locations} initialLocation={location} /> : null}
      <form className="filters" role="search" aria-label="Filter pick waves" onSubmit={filter} key={`${location}|${status}`}>
        <LocationSelect id="waves-location" locations={locations} defaultValue={location} anyLabel="All locations" onChange={applyNow} />
        <div className="field">
          <label htmlFor="waves-status">Status</label>
          <select id="waves-status" name="status" defaultValue={status} onChange={applyNow}>
            <option value="">Any status</option>
            {WAVE_STATUSES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
          </select>
        </div>
        <div className="filters-actions">
          <button type="submit" className="button button-primary">Apply</button>
          {filtered ? <Link to={FULFILLMENT_PATHS.waves} className="button button-quiet">Clear</Link> : null}
        </div>
      </form>
      <section className="section" aria-labelledby="waves-title">
        <h2 className="section-title" id="waves-title">Waves</h2>
        <div aria-live="polite">
          {waves.loading ? <Loading label="Loading waves…" /> : null}
          {waves.error ? <ErrorState error={waves.error} onRetry={waves.reload} /> : null}
          {waves.data && waves.data.data.length === 0 ? (
            <Empty title={filtered ? 'No waves match this filter.' : 'No pick waves yet.'}>{can('fulfillment:write') ? 'Build one from the open orders above.' : null}</Empty>
          ) : null}
        </div>
        {waves.data && waves.data.data.length > 0 ? (
          <>
            <WavesTable waves={waves.data.data} />
            <Pager label="Pages of waves" shown={waves.data.data.length} nextHref={waves.data.next_cursor ? href({ cursor: waves.data.next_cursor }) : null} firstHref={cursor ? href() : null} />
          </>
        ) : null}
      </section>
    </>
  );
}
