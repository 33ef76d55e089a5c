// Edit one location (/locations/:code/edit).
import { useState } from 'react';
import { useApi } from '../../api/useApi.ts';
import type { Location } from '../../api/types.ts';
import { Link } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState, Loading } from '../../ui/States.tsx';
import { LocationForm } from './LocationForm.tsx';

export function LocationEditPage({ params }: { params: Record<string, string> }) {
  const code = params.code ?? '';
  const location = useApi<Location>(`/v1/locations/${encodeURIComponent(code)}`);
  const [saved, setSaved] = useState<Location | null>(null);
  return (
    <>
      <p className="breadcrumb"><Link to="/locations">Locations</Link></p>
      <PageHeader title={`Edit ${code}`} subtitle={location.data?.name} />
      {location.loading ? <Loading label="Loading the location…" /> : null}
      {location.error ? <ErrorState error={location.error} onRetry={location.reload} /> : null}
      {location.data ? <LocationForm location={location.data} onSaved={setSaved} /> : null}
      <div aria-live="polite">{saved ? <p className="notice notice-success" role="status">Saved {saved.code}. Routing uses the change from the next order.</p> : null}</div>
    </>
  );
}
