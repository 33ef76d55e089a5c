// API keys of this workspace: create (the secret shows once) and revoke.
import { useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { ApiKey, Page } from '../../api/types.ts';
import { formatDateTime, humanize } from '../../format.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { CreateKeyForm } from './CreateKeyForm.tsx';

export function ApiKeysPage() {
  const keys = useApi<Page<ApiKey>>('/v1/api-keys');
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    try {
      await api('DELETE', `/v1/api-keys/${revoking.id}`);
      setError(null);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'client_error', 'Error', String(caught)));
    } finally {
      setBusy(false);
      setRevoking(null);
      keys.reload();
    }
  };

  return (
    <>
      <PageHeader title="API keys" subtitle="Keys let channels and integrations use the API. Each carries one role." />
      <CreateKeyForm onCreated={keys.reload} />
      {error ? <ProblemMessage error={error} onDismiss={() => setError(null)} /> : null}
      <section className="section" aria-labelledby="keys-title">
        <h2 id="keys-title" className="section-title">Keys</h2>
        {keys.loading ? <Loading label="Loading keys…" /> : null}
        {keys.error ? <ErrorState error={keys.error} onRetry={keys.reload} /> : null}
        {keys.data && keys.data.data.length === 0 ? <Empty title="No API keys yet." /> : null}
        {keys.data && keys.data.data.length > 0 ? (
          <TableWrap label="API keys">
            <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Key starts with</th><th scope="col">Created</th><th scope="col">Status</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {keys.data.data.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td>{humanize(k.role)}</td>
                  <td className="mono small">{k.prefix}…</td>
                  <td>{formatDateTime(k.created_at)}</td>
                  <td>{k.revoked_at ? <StatusBadge status="revoked" label={`Revoked ${formatDateTime(k.revoked_at)}`} /> : <StatusBadge status="active" />}</td>
                  <td className="actions-cell">
                    {k.revoked_at ? null : <button type="button" className="button button-small button-danger-outline" onClick={() => setRevoking(k)} aria-label={`Revoke ${k.name}`}>Revoke</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </TableWrap>
        ) : null}
      </section>
      <ConfirmDialog open={revoking !== null} title="Revoke this key?" confirmLabel="Revoke key" tone="danger" busy={busy} onClose={() => setRevoking(null)} onConfirm={() => void revoke()}>
        <p>“{revoking?.name}” stops working within seconds. Whatever uses it will get 401 answers.</p>
      </ConfirmDialog>
    </>
  );
}
