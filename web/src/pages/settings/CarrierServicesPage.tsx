// Carrier services: the ways parcels leave (rate tables, manual bookings). Add them, and
// retire or reinstate them.
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { CarrierService, Page } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { humanize } from '../../format.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ListSection } from '../../ui/ListSection.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { useConfirmedAction } from '../../ui/useConfirmedAction.ts';
import { CreateCarrierServiceForm } from './CreateCarrierServiceForm.tsx';

export function CarrierServicesPage() {
  const { can } = useSession();
  const canEdit = can('settings:write');
  const services = useApi<Page<CarrierService>>('/v1/carrier-services');
  const toggle = useConfirmedAction<CarrierService>((s) => api('PATCH', `/v1/carrier-services/${encodeURIComponent(s.code)}`, { active: !s.active }), services.reload);
  const target = toggle.target;
  return (
    <>
      <PageHeader title="Carrier services" subtitle="Ways you ship. Rates compare the active services that serve an order's shipping method." />
      {canEdit ? <CreateCarrierServiceForm onCreated={services.reload} /> : null}
      {toggle.error ? <ProblemMessage error={toggle.error} onDismiss={toggle.dismissError} /> : null}
      <ListSection
        title="Services" tableLabel="Carrier services" resource={services} loadingLabel="Loading carrier services…" emptyTitle="No carrier services yet."
        columns={<><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Methods</th><th scope="col" className="num">Days</th><th scope="col">Status</th>{canEdit ? <th scope="col"><span className="sr-only">Actions</span></th> : null}</>}
        row={(s) => (
          <tr key={s.code}>
            <td className="mono">{s.code}</td>
            <td>{s.name}</td>
            <td>{humanize(s.carrier)}</td>
            <td>{s.methods.length > 0 ? s.methods.join(', ') : <span className="muted">any</span>}</td>
            <td className="num">{s.transit_days ?? '—'}</td>
            <td><StatusBadge status={s.active ? 'active' : 'disabled'} label={s.active ? 'Active' : 'Retired'} /></td>
            {canEdit ? <td className="actions-cell"><button type="button" className="button button-small" onClick={() => toggle.ask(s)} aria-label={`${s.active ? 'Retire' : 'Reinstate'} ${s.name}`}>{s.active ? 'Retire' : 'Reinstate'}</button></td> : null}
          </tr>
        )}
      />
      <ConfirmDialog open={target !== null} title={target?.active ? 'Retire this service?' : 'Reinstate this service?'} confirmLabel={target?.active ? 'Retire' : 'Reinstate'}
        tone={target?.active ? 'danger' : 'primary'} busy={toggle.busy} onClose={toggle.cancel} onConfirm={() => void toggle.confirm()}>
        <p>{target?.active ? `${target.name} is no longer offered when rates are compared. Shipments already made keep it.` : `${target?.name ?? ''} is offered again.`}</p>
      </ConfirmDialog>
    </>
  );
}
