// The app: customer pages (tracking, returns, survey) need no sign-in and get their own
// layout; for every other page find out who is signed in, then show the sign-in page or
// the routed page.
import { lazy, Suspense } from 'react';
import { SessionProvider } from './auth/session.tsx';
import { Shell } from './layout/Shell.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { isPublicPath } from './public/paths.ts';
import { RoutedPage } from './routes.tsx';
import { useLocation } from './router/router.tsx';
import { ErrorState, Loading } from './ui/States.tsx';

const PublicApp = lazy(() => import('./public/PublicApp.tsx').then((m) => ({ default: m.PublicApp })));

export function App() {
  const { pathname } = useLocation();
  if (isPublicPath(pathname)) {
    return <Suspense fallback={<main className="centered" id="main"><Loading /></main>}><PublicApp /></Suspense>;
  }
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
