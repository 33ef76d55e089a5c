// Inventory: levels per SKU and location, the adjustment form, and the movement ledger,
// all filtered by the SKU and location in the URL.
import { useState, type FormEvent } from 'react';
import { query } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { Level, Location, Movement, Page } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { Link, navigate, useLocation } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { AdjustForm, type AdjustTarget } from './AdjustForm.tsx';
import { LevelsTable } from './LevelsTable.tsx';
import { MovementsTable } from './MovementsTable.tsx';

const PAGE_SIZE = 50;
const MOVEMENTS_PAGE_SIZE = 25;

export function InventoryPage() {
  const { search } = useLocation();
  const { can } = useSession();
  const sku = search.get('sku') ?? '';
  const location = search.get('location') ?? '';
  const cursor = search.get('cursor') ?? '';
  const movementsCursor = search.get('mcursor') ?? '';
  const href = (extra: Record<string, string>) => `/inventory${query({ sku, location, ...extra })}`;

  const [changes, setChanges] = useState(0);
  const [target, setTarget] = useState<AdjustTarget | null>(sku && location ? { sku, location, nonce: 0 } : null);
  const locations = useApi<Page<Location>>('/v1/locations');
  const levels = useApi<Page<Level>>(`/v1/inventory/levels${query({ sku, location, cursor, limit: PAGE_SIZE })}`, changes);
  const movements = useApi<Page<Movement>>(`/v1/inventory/movements${query({ sku, location, cursor: movementsCursor, limit: MOVEMENTS_PAGE_SIZE })}`, changes);

  const filter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    navigate(`/inventory${query({ sku: String(data.get('sku') ?? '').trim(), location: String(data.get('location') ?? '') })}`);
  };

  return (
    <>
      <PageHeader title="Inventory" subtitle="On hand, reserved and available units per location." />
      <form className="filters" role="search" aria-label="Filter inventory" onSubmit={filter} key={`${sku}|${location}`}>
        <div className="field field-grow">
          <label htmlFor="inventory-sku">SKU</label>
          <input id="inventory-sku" name="sku" defaultValue={sku} placeholder="Exact SKU, e.g. TEE-M" />
        </div>
        <div className="field">
          <label htmlFor="inventory-location">Location</label>
          <select id="inventory-location" name="location" defaultValue={location} onChange={(e) => e.currentTarget.form?.requestSubmit()}>
            <option value="">All locations</option>
            {(locations.data?.data ?? []).map((l) => <option key={l.code} value={l.code}>{l.code} · {l.name}</option>)}
          </select>
        </div>
        <div className="filters-actions">
          <button type="submit" className="button button-primary">Apply</button>
          {sku || location ? <Link to="/inventory" className="button button-quiet">Clear</Link> : null}
        </div>
      </form>

      {can('inventory:write') ? (
        <AdjustForm locations={locations.data?.data ?? []} target={target} onAdjusted={() => setChanges((n) => n + 1)} />
      ) : null}

      <section aria-labelledby="levels-title" className="section">
        <h2 id="levels-title" className="section-title">Levels</h2>
        {levels.loading ? <Loading label="Loading levels…" /> : null}
        {levels.error ? <ErrorState error={levels.error} onRetry={levels.reload} /> : null}
        {levels.data && levels.data.data.length === 0 ? <Empty title={sku || location ? 'No stock matches this filter.' : 'No stock recorded yet.'}>Stock appears here after a receipt.</Empty> : null}
        {levels.data && levels.data.data.length > 0 ? (
          <>
            <LevelsTable levels={levels.data.data} canAdjust={can('inventory:write')} onAdjust={(l) => setTarget({ sku: l.sku, location: l.location, nonce: Date.now() })} />
            <Pager label="Pages of levels" shown={levels.data.data.length} nextHref={levels.data.next_cursor ? href({ cursor: levels.data.next_cursor }) : null} firstHref={cursor ? href({}) : null} />
          </>
        ) : null}
      </section>

      <section aria-labelledby="movements-title" className="section">
        <h2 id="movements-title" className="section-title">Movement history</h2>
        {movements.loading ? <Loading label="Loading movements…" /> : null}
        {movements.error ? <ErrorState error={movements.error} onRetry={movements.reload} /> : null}
        {movements.data && movements.data.data.length === 0 ? <Empty title="No movements yet." /> : null}
        {movements.data && movements.data.data.length > 0 ? (
          <>
            <MovementsTable movements={movements.data.data} />
            <Pager label="Pages of movements" shown={movements.data.data.length} nextHref={movements.data.next_cursor ? href({ cursor, mcursor: movements.data.next_cursor }) : null} firstHref={movementsCursor ? href({ cursor }) : null} />
          </>
        ) : null}
      </section>
    </>
  );
}
