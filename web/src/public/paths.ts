// The customer pages' addresses (the links in the shop's e-mails). Kept apart from the
// pages so the app can tell a public path without loading them.
import { matchPath } from '../router/router.tsx';

export const PUBLIC_PATHS = { track: '/track', returnRequest: '/returns/new', survey: '/survey/:token' } as const;

/** True for a page customers open without signing in. */
export function isPublicPath(pathname: string): boolean {
  return Object.values(PUBLIC_PATHS).some((pattern) => matchPath(pattern, pathname) !== null);
}

/**
 * `path` plus the given query and the current `tenant` parameter: a shop with several
 * workspaces names its own in the e-mail links, and every call and link keeps it.
 */
export function withTenant(path: string, params: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const tenant = new URLSearchParams(window.location.search).get('tenant');
  if (tenant) search.set('tenant', tenant);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
