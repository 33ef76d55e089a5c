// Authentication and authorization for every route. A route names its permission in
// `config.permission`; a route that names none is admin-only, so forgetting to declare
// one fails closed.
//
// Two credentials lead to a Principal: an API key (`Authorization: Bearer`), checked
// first and exactly as ever, and the web app's session cookie. A cookie is sent by the
// browser on its own, so a state-changing request authenticated by cookie must also
// carry the session's CSRF token in `x-csrf-token` (a page on another site can make the
// browser send the cookie, but cannot read the token to copy it into a header).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Problem } from '../../platform/http/problem.ts';
import { parseCookies, serializeCookie } from '../../platform/http/cookies.ts';
import type { KeyAuthenticator } from './access.service.ts';
import { hashKey } from './keys.ts';
import { roleHas, type Permission, type Principal } from './permissions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    permission?: Permission | 'public';
  }
}

/** The HttpOnly cookie that carries a web session's token. */
export const SESSION_COOKIE = 'ordo_session';
/** The cookie the web app reads its CSRF token from (not HttpOnly on purpose). */
export const CSRF_COOKIE = 'ordo_csrf';
/** The header a cookie-authenticated state-changing request must carry. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A valid session: who it is, and the SHA-256 hex of its CSRF token. */
export interface SessionMatch { principal: Principal; csrfHash: string }

/** Resolves a session cookie's token (the users module provides one). */
export interface SessionResolver {
  authenticate(token: string): Promise<SessionMatch | null>;
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

function csrfMatches(request: FastifyRequest, csrfHash: string): boolean {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || sent.length === 0 || sent.length > 200) return false;
  return timingSafeEqual(Buffer.from(hashKey(sent), 'hex'), Buffer.from(csrfHash, 'hex'));
}

async function sessionPrincipal(request: FastifyRequest, sessions: SessionResolver, token: string): Promise<Principal> {
  const session = await sessions.authenticate(token);
  if (!session) {
    // Tell the browser to drop the dead cookie so the web app shows its sign-in page.
    throw new Problem('unauthorized', 'The session has ended; sign in again.', {
      headers: { 'set-cookie': serializeCookie(SESSION_COOKIE, '', { httpOnly: true, maxAgeSeconds: 0 }) },
    });
  }
  if (!SAFE_METHODS.has(request.method) && !csrfMatches(request, session.csrfHash)) {
    throw new Problem('csrf_failed', `Send the session's CSRF token in the ${CSRF_HEADER} header.`);
  }
  return session.principal;
}

/** Installs the auth hook; routes then read `request.principal`. */
export function installAuth(app: FastifyInstance, authenticator: KeyAuthenticator, sessions?: SessionResolver): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const permission = request.routeOptions.config.permission;
    if (permission === 'public') return;
    const token = bearerToken(request);
    let principal: Principal;
    if (token) {
      const byKey = await authenticator.authenticate(token);
      if (!byKey) throw new Problem('unauthorized', 'The API key is not valid.', { headers: { 'www-authenticate': 'Bearer' } });
      principal = byKey;
    } else {
      const sessionToken = sessions ? parseCookies(request.headers.cookie).get(SESSION_COOKIE) : undefined;
      if (!sessions || !sessionToken) throw new Problem('unauthorized', 'Send an API key as `Authorization: Bearer <key>`, or sign in.', { headers: { 'www-authenticate': 'Bearer' } });
      principal = await sessionPrincipal(request, sessions, sessionToken);
    }
    request.principal = principal;
    const required = permission ?? 'keys:manage';
    if (!roleHas(principal.role, required)) {
      throw new Problem('forbidden', `The ${principal.role} role may not ${required.replace(':', ' ')}.`);
    }
  });
}

/** The authenticated principal of a request that passed the auth hook. */
export function principalOf(request: FastifyRequest): Principal {
  const principal = request.principal;
  if (!principal) throw new Problem('unauthorized', 'This route needs an API key.');
  return principal;
}
