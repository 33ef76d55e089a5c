// The app: find out who is signed in, then show the sign-in page or the routed page.
import { SessionProvider } from './auth/session.tsx';
import { Shell } from './layout/Shell.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { RoutedPage } from './routes.tsx';
import { ErrorState, Loading } from './ui/States.tsx';

export function App() {
  return (
    <SessionProvider
      fallback={(status, retry) => (
        <main className="centered" id="main">
          {status.kind === 'loading' ? <Loading label="Starting Ordo…" /> : <ErrorState error={status.error} onRetry={retry} />}
        </main>
      )}
    >
      {(session) => (session.me ? <Shell><RoutedPage /></Shell> : <SignInPage notice={session.notice} />)}
    </SessionProvider>
  );
}
