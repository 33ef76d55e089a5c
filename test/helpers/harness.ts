// Boots Ordo for tests on a real database: the embedded PGlite (always) and PostgreSQL
// (when ORDO_TEST_DATABASE_URL is set), so every suite runs on both.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { dumpPglite, migrate, openDatabase, type Db } from '../../src/platform/db/index.ts';
import { createApiKey, ensureTenant, KeyAuthenticator, type Role } from '../../src/modules/access/index.ts';
import { newId } from '../../src/platform/ids.ts';

export type DbKind = 'pglite' | 'postgres';

/** The databases this run covers. */
export function testDatabases(): DbKind[] {
  return process.env.ORDO_TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

let pgliteTemplate: Promise<Blob> | null = null;

/** A migrated PGlite image, made once per process and cloned per test database. */
function migratedTemplate(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const db = await openDatabase({});
    await migrate(db);
    const dump = await dumpPglite(db);
    await db.close();
    return dump;
  })();
  return pgliteTemplate;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Opens a fresh, migrated database of the given kind; close() drops it. */
export async function freshDatabase(kind: DbKind, poolMax = 10): Promise<{ db: Db; url: string | undefined; close(): Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openDatabase({ loadDataDir: await migratedTemplate() });
    return { db, url: undefined, close: () => db.close() };
  }
  const base = process.env.ORDO_TEST_DATABASE_URL as string;
  const name = `ordo_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = withDatabase(base, name);
  const db = await openDatabase({ url, poolMax });
  await migrate(db);
  return {
    db, url,
    close: async () => {
      await db.close();
      const dropper = new pg.Client({ connectionString: base });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export interface ApiResponse<T = any> { status: number; body: T; headers: Record<string, unknown> }

export interface TenantClient {
  tenantId: string;
  key: string;
  /** Sends a request as this tenant's admin (or with the given key). */
  request<T = any>(method: InjectOptions['method'], url: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  keyFor(role: Role, channel?: string): Promise<string>;
  as(key: string): TenantClient;
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  kind: DbKind;
  url: string | undefined;
  config: Config;
  /** A new tenant with an admin key: tests in one app stay apart by tenant. */
  tenant(): Promise<TenantClient>;
  close(): Promise<void>;
}

/** Builds the app on a fresh database of the given kind. */
export async function startTestApp(kind: DbKind, overrides: Partial<Config> = {}): Promise<TestApp> {
  const fresh = await freshDatabase(kind);
  // The customer API's per-address limit is off in tests (every inject comes from one
  // address); test/public-rate-limit.test.ts turns it on.
  const config = { ...loadConfig({}), publicRateLimitPerMinute: 0, ...overrides };
  const authenticator = new KeyAuthenticator(fresh.db.kysely, 0);
  const app = await buildApp({ db: fresh.db, config, authenticator }, { logger: false });
  await app.ready();

  const clientFor = (tenantId: string, key: string): TenantClient => ({
    tenantId, key,
    async request(method, url, body, headers = {}) {
      const response = await app.inject({
        method, url,
        headers: { authorization: `Bearer ${key}`, ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      const text = response.body;
      let parsed: unknown = text;
      try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
      return { status: response.statusCode, body: parsed as never, headers: response.headers };
    },
    async keyFor(role, channel) {
      return (await createApiKey(fresh.db.kysely, tenantId, { name: `test ${role}`, role, channelCode: channel })).secret;
    },
    as(otherKey) { return clientFor(tenantId, otherKey); },
  });

  return {
    app, db: fresh.db, kind, url: fresh.url, config,
    async tenant() {
      const tenantId = `ten_t${newId('x').slice(2)}`;
      await ensureTenant(fresh.db.kysely, tenantId, 'Test tenant');
      const key = await createApiKey(fresh.db.kysely, tenantId, { name: 'test admin', role: 'admin' });
      return clientFor(tenantId, key.secret);
    },
    async close() {
      await app.close();
      await fresh.close();
    },
  };
}
