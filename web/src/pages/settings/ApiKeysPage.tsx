// API keys of this workspace: create (the secret shows once) and revoke.
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { ApiKey, Page } from '../../api/types.ts';
import { formatDateTime, humanize } from '../../format.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ListSection } from '../../ui/ListSection.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { useConfirmedAction } from '../../ui/useConfirmedAction.ts';
import { CreateKeyForm } from './CreateKeyForm.tsx';

export function ApiKeysPage() {
  const keys = useApi<Page<ApiKey>>('/v1/api-keys');
  const revoke = useConfirmedAction<ApiKey>((key) => api('DELETE', `/v1/api-keys/${key.id}`), keys.reload);

  return (
    <>
      <PageHeader title="API keys" subtitle="Keys let channels and integrations use the API. Each carries one role." />
      <CreateKeyForm onCreated={keys.reload} />
      {revoke.error ? <ProblemMessage error={revoke.error} onDismiss={revoke.dismissError} /> : null}
      <ListSection
        title="Keys" tableLabel="API keys" resource={keys} loadingLabel="Loading keys…" emptyTitle="No API keys yet."
        columns={<><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Key starts with</th><th scope="col">Created</th><th scope="col">Status</th><th scope="col"><span className="sr-only">Actions</span></th></>}
        row={(k) => (
          <tr key={k.id}>
            <td>{k.name}</td>
            <td>{humanize(k.role)}</td>
            <td className="mono small">{k.prefix}…</td>
            <td>{formatDateTime(k.created_at)}</td>
            <td>{k.revoked_at ? <StatusBadge status="revoked" label={`Revoked ${formatDateTime(k.revoked_at)}`} /> : <StatusBadge status="active" />}</td>
            <td className="actions-cell">
              {k.revoked_at ? null : <button type="button" className="button button-small button-danger-outline" onClick={() => revoke.ask(k)} aria-label={`Revoke ${k.name}`}>Revoke</button>}
            </td>
          </tr>
        )}
      />
      <ConfirmDialog open={revoke.target !== null} title="Revoke this key?" confirmLabel="Revoke key" tone="danger" busy={revoke.busy} onClose={revoke.cancel} onConfirm={() => void revoke.confirm()}>
        <p>“{revoke.target?.name}” stops working within seconds. Whatever uses it will get 401 answers.</p>
      </ConfirmDialog>
    </>
  );
}
