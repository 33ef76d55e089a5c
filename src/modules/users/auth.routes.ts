// Sign-in, sign-out and "who am I" for the web app. Sign-in is public; the others go
// through the auth hook like every route (so sign-out needs the CSRF header too).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { StrictObject, parseCookies, serializeCookie, iso, type CookieOptions } from '../../platform/http/index.ts';
import type { Kdb } from '../../platform/db/index.ts';
import { CSRF_COOKIE, PERMISSIONS, SESSION_COOKIE, principalOf, roleHas, type Permission } from '../access/index.ts';
import { PASSWORD_LENGTH_MAX } from './passwords.ts';
import { getUser, login, logout } from './users.service.ts';

const LoginInput = StrictObject({
  email: Type.String({ minLength: 1, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: PASSWORD_LENGTH_MAX }),
  tenant: Type.Optional(Type.String({ pattern: '^ten_[a-z0-9_]{1,60}$', description: 'Tenant id; the default tenant when absent' })),
});

/** Secure cookies when the browser talks https (directly or through a TLS proxy). */
function cookieOptions(request: FastifyRequest, httpOnly: boolean, maxAgeSeconds?: number): CookieOptions {
  const secure = request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https';
  return { httpOnly, secure, sameSite: 'Lax', path: '/', ...(maxAgeSeconds !== undefined ? { maxAgeSeconds } : {}) };
}

function clearCookies(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('set-cookie', [
    serializeCookie(SESSION_COOKIE, '', cookieOptions(request, true, 0)),
    serializeCookie(CSRF_COOKIE, '', cookieOptions(request, false, 0)),
  ]);
}

/** Registers POST /v1/auth/login, POST /v1/auth/logout and GET /v1/auth/me. */
export function registerAuthRoutes(fastify: FastifyInstance, db: Kdb): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['auth'];

  app.post('/v1/auth/login', { config: { permission: 'public' }, schema: { tags, security: [], body: LoginInput } }, async (request, reply) => {
    const signedIn = await login(db, request.body, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
    // Browser-session cookies: closing the browser signs out; the server's expiry bounds the rest.
    reply.header('set-cookie', [
      serializeCookie(SESSION_COOKIE, signedIn.token, cookieOptions(request, true)),
      serializeCookie(CSRF_COOKIE, signedIn.csrfToken, cookieOptions(request, false)),
    ]);
    reply.header('cache-control', 'no-store');
    return { user: signedIn.user, tenant: { id: signedIn.tenantId }, csrf_token: signedIn.csrfToken, expires_at: iso(signedIn.expiresAt) };
  });

  app.post('/v1/auth/logout', { config: { permission: 'account:read' }, schema: { tags } }, async (request, reply) => {
    const token = parseCookies(request.headers.cookie).get(SESSION_COOKIE);
    if (token && principalOf(request).userId) await logout(db, token);
    clearCookies(request, reply);
    return reply.code(204).send();
  });

  app.get('/v1/auth/me', { config: { permission: 'account:read' }, schema: { tags } }, async (request, reply) => {
    const principal = principalOf(request);
    const user = principal.userId ? await getUser(db, principal.tenantId, principal.userId) : null;
    reply.header('cache-control', 'no-store');
    return {
      kind: user ? 'user' : 'api_key',
      user,
      role: principal.role,
      tenant: { id: principal.tenantId },
      permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((p) => roleHas(principal.role, p)),
    };
  });
}
