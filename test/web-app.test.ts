// The server serves the built web app: files, index.html for client routes, and never
// the page in place of an API answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { KeyAuthenticator } from '../src/modules/access/index.ts';
import { freshDatabase } from './helpers/harness.ts';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let app: FastifyInstance;
let bare: FastifyInstance;

before(async () => {
  const root = mkdtempSync(join(tmpdir(), 'ordo-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Ordo</title><div id="root"></div>');
  writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log("app")');
  fresh = await freshDatabase('pglite');
  const ctx = { db: fresh.db, config: loadConfig({}), authenticator: new KeyAuthenticator(fresh.db.kysely, 0) };
  app = await buildApp(ctx, { logger: false, webRoot: root });
  bare = await buildApp(ctx, { logger: false, webRoot: join(root, 'missing') });
});
after(async () => {
  await app?.close();
  await bare?.close();
  await fresh?.close();
});

test('client routes get index.html with a strict content security policy', async () => {
  for (const url of ['/', '/orders', '/orders/1001?tab=lines', '/settings/api-keys']) {
    const response = await app.inject({ method: 'GET', url });
    assert.equal(response.statusCode, 200, url);
    assert.match(String(response.headers['content-type']), /^text\/html/);
    assert.match(response.body, /<div id="root">/);
    assert.match(String(response.headers['content-security-policy']), /script-src 'self'/);
    assert.equal(response.headers['cache-control'], 'no-cache');
  }
});

test('hashed assets are served with a long cache; a missing file is a 404', async () => {
  const asset = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
  assert.equal(asset.statusCode, 200);
  assert.match(String(asset.headers['cache-control']), /immutable/);
  assert.equal((await app.inject({ method: 'GET', url: '/assets/gone-9999.js' })).statusCode, 404);
});

test('API, docs and operations paths never fall back to the page', async () => {
  for (const url of ['/v1/nothing', '/v1', '/docs/nothing', '/openapi.json/x', '/metrics/x', '/healthz/x']) {
    const response = await app.inject({ method: 'GET', url });
    assert.equal(response.statusCode, 404, url);
    assert.equal(response.json().code, 'route_not_found', url);
  }
  assert.equal((await app.inject({ method: 'GET', url: '/v1/orders' })).statusCode, 401);
  assert.equal((await app.inject({ method: 'POST', url: '/orders' })).statusCode, 404);
  assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).json().status, 'ok');
});

test('without a build the API still runs and client routes are plain 404s', async () => {
  assert.equal((await bare.inject({ method: 'GET', url: '/orders' })).statusCode, 404);
  assert.equal((await bare.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
});
