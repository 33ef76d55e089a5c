// The customer pages: which page a public path shows. They need no sign-in and no staff
// shell; this part of the app is loaded on its own, so customers download only it.
import type { ComponentType } from 'react';
import { matchPath, useLocation } from '../router/router.tsx';
import { PUBLIC_PATHS } from './paths.ts';
import { ReturnRequestPage } from './returns/ReturnRequestPage.tsx';
import { SurveyPage } from './survey/SurveyPage.tsx';
import { TrackPage } from './tracking/TrackPage.tsx';
import './public.css';

const PAGES: { path: string; page: ComponentType<{ params: Record<string, string> }> }[] = [
  { path: PUBLIC_PATHS.track, page: TrackPage },
  { path: PUBLIC_PATHS.returnRequest, page: ReturnRequestPage },
  { path: PUBLIC_PATHS.survey, page: SurveyPage },
];

export function PublicApp() {
  const { pathname } = useLocation();
  for (const { path, page: Page } of PAGES) {
    const params = matchPath(path, pathname);
    if (params) return <Page key={pathname} params={params} />;
  }
  return null;
}
