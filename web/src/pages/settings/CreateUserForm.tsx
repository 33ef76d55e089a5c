// Invite a colleague: e-mail, role and a first password they can be told in person.
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { humanize } from '../../format.ts';
import { CreateFormCard } from '../../ui/CreateFormCard.tsx';

export const USER_ROLES = ['admin', 'operator', 'warehouse', 'analyst'] as const;
const PASSWORD_LENGTH_MIN = 10;

export function CreateUserForm({ onCreated }: { onCreated(): void }) {
  const [created, setCreated] = useState<User | null>(null);

  const create = async (data: FormData) => {
    const name = String(data.get('name') ?? '').trim();
    const user = await api<User>('POST', '/v1/users', {
      email: String(data.get('email')).trim(), role: String(data.get('role')), password: String(data.get('password')), ...(name ? { name } : {}),
    });
    setCreated(user);
    onCreated();
  };

  return (
    <CreateFormCard
      title="New user" submitLabel="Create user" onSubmit={create} onStart={() => setCreated(null)}
      result={created ? <p className="notice notice-success" role="status">{created.email} can now sign in as {humanize(created.role).toLowerCase()}.</p> : null}
    >
      <div className="field">
        <label htmlFor="user-email">E-mail</label>
        <input id="user-email" name="email" type="email" required maxLength={254} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="user-name">Name <span className="muted">(optional)</span></label>
        <input id="user-name" name="name" maxLength={200} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="user-role">Role</label>
        <select id="user-role" name="role" defaultValue="operator">
          {USER_ROLES.map((r) => <option key={r} value={r}>{humanize(r)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="user-password">First password</label>
        <input id="user-password" name="password" type="password" required minLength={PASSWORD_LENGTH_MIN} maxLength={200} autoComplete="new-password" aria-describedby="user-password-hint" />
        <p className="field-hint" id="user-password-hint">At least {PASSWORD_LENGTH_MIN} characters.</p>
      </div>
    </CreateFormCard>
  );
}
