// Authentication and authorization for every route. A route names its permission in
// `config.permission`; a route that names none is admin-only, so forgetting to declare
// one fails closed.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Problem } from '../../platform/http/problem.ts';
import type { KeyAuthenticator } from './access.service.ts';
import { roleHas, type Permission, type Principal } from './permissions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    permission?: Permission | 'public';
  }
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/** Installs the auth hook; routes then read `request.principal`. */
export function installAuth(app: FastifyInstance, authenticator: KeyAuthenticator): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const permission = request.routeOptions.config.permission;
    if (permission === 'public') return;
    const token = bearerToken(request);
    if (!token) throw new Problem('unauthorized', 'Send an API key as `Authorization: Bearer <key>`.', { headers: { 'www-authenticate': 'Bearer' } });
    const principal = await authenticator.authenticate(token);
    if (!principal) throw new Problem('unauthorized', 'The API key is not valid.', { headers: { 'www-authenticate': 'Bearer' } });
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
