// Serves the built web app (web/dist) from the API's own server: hashed assets with a
// long cache, index.html for every client-side route. The API's own paths never fall
// back to the page, so a wrong API URL still answers problem+json.
import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Where `npm run build:web` writes the app. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const API_PREFIXES = ['/v1', '/docs', '/openapi.json', '/metrics', '/healthz'];
const INDEX = 'index.html';

/** The page's own scripts and styles only; charts set inline style attributes. */
const PAGE_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-cache',
};

function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`));
}

/** True for a GET of a client route: not an API path, not a file (no extension). */
export function isClientRoute(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '/';
  return !isApiPath(path) && !/\.[A-Za-z0-9]+$/.test(path);
}

/** The installed app: answers client routes with its index.html. */
export interface WebApp {
  root: string;
  sendIndex(reply: FastifyReply): FastifyReply;
}

/**
 * Registers the static files if the app is built; returns null (and serves nothing)
 * when `root` has no index.html, so the API runs without a build.
 */
export async function installWebApp(app: FastifyInstance, root: string = DEFAULT_WEB_ROOT): Promise<WebApp | null> {
  const indexPath = join(root, INDEX);
  if (!existsSync(indexPath)) return null;
  // Read once: a rebuild renames the hashed assets, which are listed at start too.
  const index = readFileSync(indexPath);
  const sendIndex = (reply: FastifyReply) => reply.headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(index);
  await app.register(async (scope) => {
    // The files are public, like the sign-in page they make up.
    scope.addHook('onRoute', (route) => { route.config = { ...(route.config ?? {}), permission: 'public' }; });
    await scope.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      schemaHide: true,
      setHeaders: (reply, path) => {
        if (path.endsWith('.html')) reply.headers(PAGE_HEADERS);
        else if (path.includes(`${sep}assets${sep}`)) reply.header('cache-control', 'public, max-age=31536000, immutable');
        else reply.header('cache-control', 'no-cache');
      },
    });
    scope.get('/', { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));
  });
  return { root, sendIndex };
}
