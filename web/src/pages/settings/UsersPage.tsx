// People who sign in to this app: create them, disable or enable them.
import { useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { Page, User } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { formatDateTime, humanize } from '../../format.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { CreateUserForm } from './CreateUserForm.tsx';

export function UsersPage() {
  const { me } = useSession();
  const users = useApi<Page<User>>('/v1/users?limit=200');
  const [toggling, setToggling] = useState<User | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const toggle = async () => {
    if (!toggling) return;
    setBusy(true);
    try {
      await api('PATCH', `/v1/users/${toggling.id}`, { disabled: !toggling.disabled });
      setError(null);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'client_error', 'Error', String(caught)));
    } finally {
      setBusy(false);
      setToggling(null);
      users.reload();
    }
  };

  return (
    <>
      <PageHeader title="Users" subtitle="Admins manage everything; operators orders and customers; warehouse staff stock; analysts read." />
      <CreateUserForm onCreated={users.reload} />
      {error ? <ProblemMessage error={error} onDismiss={() => setError(null)} /> : null}
      <section className="section" aria-labelledby="users-title">
        <h2 id="users-title" className="section-title">People</h2>
        {users.loading ? <Loading label="Loading users…" /> : null}
        {users.error ? <ErrorState error={users.error} onRetry={users.reload} /> : null}
        {users.data && users.data.data.length === 0 ? <Empty title="No users yet." /> : null}
        {users.data && users.data.data.length > 0 ? (
          <TableWrap label="Users">
            <thead><tr><th scope="col">Name</th><th scope="col">E-mail</th><th scope="col">Role</th><th scope="col">Last sign-in</th><th scope="col">Status</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {users.data.data.map((u) => (
                <tr key={u.id}>
                  <td>{u.name ?? <span className="muted">—</span>}{u.id === me?.user?.id ? <span className="muted small"> (you)</span> : null}</td>
                  <td>{u.email}</td>
                  <td>{humanize(u.role)}</td>
                  <td>{formatDateTime(u.last_login_at)}</td>
                  <td><StatusBadge status={u.disabled ? 'disabled' : 'active'} /></td>
                  <td className="actions-cell">
                    {u.id === me?.user?.id ? null : (
                      <button type="button" className={`button button-small ${u.disabled ? '' : 'button-danger-outline'}`} onClick={() => setToggling(u)} aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.email}`}>
                        {u.disabled ? 'Enable' : 'Disable'}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </TableWrap>
        ) : null}
      </section>
      <ConfirmDialog open={toggling !== null} title={toggling?.disabled ? 'Enable this user?' : 'Disable this user?'} confirmLabel={toggling?.disabled ? 'Enable user' : 'Disable user'} tone={toggling?.disabled ? 'primary' : 'danger'} busy={busy} onClose={() => setToggling(null)} onConfirm={() => void toggle()}>
        <p>{toggling?.disabled ? `${toggling.email} can sign in again.` : `${toggling?.email ?? ''} is signed out everywhere and cannot sign in until enabled.`}</p>
      </ConfirmDialog>
    </>
  );
}
