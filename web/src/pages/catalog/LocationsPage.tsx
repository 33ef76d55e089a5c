// Warehouses and stores: where stock lives and orders ship from.
import { useApi } from '../../api/useApi.ts';
import type { Location, Page } from '../../api/types.ts';
import { humanize } from '../../format.ts';
import { Link } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { useSession } from '../../auth/session.tsx';
import { LocationForm } from './LocationForm.tsx';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

export function LocationsPage() {
  const { can } = useSession();
  const canEdit = can('settings:write');
  const locations = useApi<Page<Location>>('/v1/locations');
  return (
    <>
      <PageHeader title="Locations" subtitle="Lower priority numbers are preferred when routing ties." />
      {canEdit ? <LocationForm collapsed onSaved={() => locations.reload()} /> : null}
      {locations.loading ? <Loading label="Loading locations…" /> : null}
      {locations.error ? <ErrorState error={locations.error} onRetry={locations.reload} /> : null}
      {locations.data && locations.data.data.length === 0 ? <Empty title="No locations yet.">{canEdit ? 'Add a warehouse or store with “New location” above.' : null}</Empty> : null}
      {locations.data && locations.data.data.length > 0 ? (
        <TableWrap label="Locations">
          <thead>
            <tr><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">City</th><th scope="col">Ships</th><th scope="col">Pickup</th><th scope="col" className="num">Priority</th><th scope="col">Status</th>{canEdit ? <th scope="col"><span className="sr-only">Actions</span></th> : null}</tr>
          </thead>
          <tbody>
            {locations.data.data.map((l) => (
              <tr key={l.id}>
                <td className="mono"><Link to={`/inventory?location=${encodeURIComponent(l.code)}`}>{l.code}</Link></td>
                <td>{l.name}</td>
                <td>{humanize(l.kind)}</td>
                <td>{l.address.city}, {l.address.country}</td>
                <td>{yesNo(l.ships)}</td>
                <td>{yesNo(l.pickup)}</td>
                <td className="num">{l.priority}</td>
                <td><StatusBadge status={l.active ? 'active' : 'disabled'} label={l.active ? 'Active' : 'Inactive'} /></td>
                {canEdit ? <td className="actions-cell"><Link to={`/locations/${encodeURIComponent(l.code)}/edit`} aria-label={`Edit ${l.code}`}>Edit</Link></td> : null}
              </tr>
            ))}
          </tbody>
        </TableWrap>
      ) : null}
    </>
  );
}
