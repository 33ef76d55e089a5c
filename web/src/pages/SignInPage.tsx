// Sign-in. The tenant (workspace) field only matters for shops with several tenants;
// it is prefilled from `?tenant=` and otherwise tucked away.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { ProblemMessage } from '../ui/ProblemMessage.tsx';

export function SignInPage({ notice }: { notice: string | null }) {
  const { signIn } = useSession();
  const initialTenant = new URLSearchParams(window.location.search).get('tenant') ?? '';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await signIn(String(form.get('email')), String(form.get('password')), String(form.get('tenant') ?? '') || undefined);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'client_error', 'Error', String(caught)));
      setBusy(false);
    }
  };

  return (
    <main className="signin" id="main">
      <div className="signin-card">
        <p className="brand brand-large" aria-hidden="true">Ordo</p>
        <h1>Sign in</h1>
        <p className="signin-lead">Order management for every channel.</p>
        {notice ? <p className="notice" role="status">{notice}</p> : null}
        {error ? <ProblemMessage error={error} /> : null}
        <form onSubmit={submit} className="form-stack">
          <div className="field">
            <label htmlFor="signin-email">E-mail</label>
            <input id="signin-email" name="email" type="email" autoComplete="username" required autoFocus />
          </div>
          <div className="field">
            <label htmlFor="signin-password">Password</label>
            <input id="signin-password" name="password" type="password" autoComplete="current-password" required />
          </div>
          <details className="signin-more" open={initialTenant !== ''}>
            <summary>Another workspace</summary>
            <div className="field">
              <label htmlFor="signin-tenant">Workspace id</label>
              <input id="signin-tenant" name="tenant" defaultValue={initialTenant} placeholder="ten_default" pattern="ten_[a-z0-9_]+" aria-describedby="signin-tenant-hint" />
              <p className="field-hint" id="signin-tenant-hint">Leave empty for the default workspace.</p>
            </div>
          </details>
          <button type="submit" className="button button-primary button-block" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
        </form>
      </div>
    </main>
  );
}
