// Who is signed in. The server is the judge: the app asks /v1/auth/me at start and
// returns to the sign-in page whenever any call answers 401.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthorized } from '../api/client.ts';
import type { Me, Permission } from '../api/types.ts';

interface SessionState {
  me: Me | null;
  /** Why the user sees the sign-in page, when it is not their first visit. */
  notice: string | null;
  signIn(email: string, password: string, tenant?: string): Promise<void>;
  signOut(): Promise<void>;
  can(permission: Permission): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

type Status = { kind: 'loading' } | { kind: 'error'; error: ApiError } | { kind: 'ready'; me: Me | null; notice: string | null };

export function SessionProvider({ children, fallback }: { children: (state: SessionState) => ReactNode; fallback: (status: Exclude<Status, { kind: 'ready' }>, retry: () => void) => ReactNode }) {
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    api<Me>('GET', '/v1/auth/me').then(
      (me) => setStatus({ kind: 'ready', me, notice: null }),
      (error: ApiError) => setStatus(error.status === 401 ? { kind: 'ready', me: null, notice: null } : { kind: 'error', error }),
    );
  }, [attempt]);

  useEffect(() => onUnauthorized(() => setStatus((s) => (s.kind === 'ready' && s.me ? { kind: 'ready', me: null, notice: 'Your session has ended. Please sign in again.' } : s))), []);

  const signIn = useCallback(async (email: string, password: string, tenant?: string) => {
    await api('POST', '/v1/auth/login', { email, password, ...(tenant ? { tenant } : {}) });
    const me = await api<Me>('GET', '/v1/auth/me');
    setStatus({ kind: 'ready', me, notice: null });
  }, []);

  const signOut = useCallback(async () => {
    await api('POST', '/v1/auth/logout').catch(() => undefined);
    setStatus({ kind: 'ready', me: null, notice: 'You have signed out.' });
  }, []);

  const me = status.kind === 'ready' ? status.me : null;
  const notice = status.kind === 'ready' ? status.notice : null;
  const value = useMemo<SessionState>(() => ({
    me, notice, signIn, signOut,
    can: (permission) => me?.permissions.includes(permission) ?? false,
  }), [me, notice, signIn, signOut]);

  if (status.kind !== 'ready') return <>{fallback(status, () => { setStatus({ kind: 'loading' }); setAttempt((n) => n + 1); })}</>;
  return <SessionContext.Provider value={value}>{children(value)}</SessionContext.Provider>;
}

/** The session of the signed-in app. */
export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
