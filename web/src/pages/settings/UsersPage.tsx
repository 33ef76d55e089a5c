// People who sign in to this app: create them, disable or enable them.
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { Page, User } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { formatDateTime, humanize } from '../../format.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ListSection } from '../../ui/ListSection.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { useConfirmedAction } from '../../ui/useConfirmedAction.ts';
import { CreateUserForm } from './CreateUserForm.tsx';

export function UsersPage() {
  const { me } = useSession();
  const users = useApi<Page<User>>('/v1/users?limit=200');
  const toggle = useConfirmedAction<User>((user) => api('PATCH', `/v1/users/${user.id}`, { disabled: !user.disabled }), users.reload);
  const target = toggle.target;

  return (
    <>
      <PageHeader title="Users" subtitle="Admins manage everything; operators orders and customers; warehouse staff stock; analysts read." />
      <CreateUserForm onCreated={users.reload} />
      {toggle.error ? <ProblemMessage error={toggle.error} onDismiss={toggle.dismissError} /> : null}
      <ListSection
        title="People" tableLabel="Users" resource={users} loadingLabel="Loading users…" emptyTitle="No users yet."
        columns={<><th scope="col">Name</th><th scope="col">E-mail</th><th scope="col">Role</th><th scope="col">Last sign-in</th><th scope="col">Status</th><th scope="col"><span className="sr-only">Actions</span></th></>}
        row={(u) => (
          <tr key={u.id}>
            <td>{u.name ?? <span className="muted">—</span>}{u.id === me?.user?.id ? <span className="muted small"> (you)</span> : null}</td>
            <td>{u.email}</td>
            <td>{humanize(u.role)}</td>
            <td>{formatDateTime(u.last_login_at)}</td>
            <td><StatusBadge status={u.disabled ? 'disabled' : 'active'} /></td>
            <td className="actions-cell">
              {u.id === me?.user?.id ? null : (
                <button type="button" className={`button button-small ${u.disabled ? '' : 'button-danger-outline'}`} onClick={() => toggle.ask(u)} aria-label={`${u.disabled ? 'Enable' : 'Disable'} ${u.email}`}>
                  {u.disabled ? 'Enable' : 'Disable'}
                </button>
              )}
            </td>
          </tr>
        )}
      />
      <ConfirmDialog open={target !== null} title={target?.disabled ? 'Enable this user?' : 'Disable this user?'} confirmLabel={target?.disabled ? 'Enable user' : 'Disable user'} tone={target?.disabled ? 'primary' : 'danger'} busy={toggle.busy} onClose={toggle.cancel} onConfirm={() => void toggle.confirm()}>
        <p>{target?.disabled ? `${target.email} can sign in again.` : `${target?.email ?? ''} is signed out everywhere and cannot sign in until enabled.`}</p>
      </ConfirmDialog>
    </>
  );
}
