// Listens, shuts down gracefully, and nothing else: the app itself is built in app.ts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';
import { buildApp } from './app.ts';
import { openRuntime } from './runtime.ts';
import { createApiKey, DEFAULT_TENANT_ID, KeyAuthenticator } from './modules/access/index.ts';
import { DEFAULT_WEB_ROOT } from './platform/http/index.ts';
import { seedDemo } from './seed/index.ts';
import { ensureDemoAdmin } from './modules/users/index.ts';
import type { Db } from './platform/db/index.ts';
import { startBackgroundJobs } from './background.ts';

/**
 * The key to print at start. With ORDO_ADMIN_KEY that one; on the embedded database a
 * key made on first start and kept beside the data (so a laptop user always sees it);
 * on PostgreSQL without ORDO_ADMIN_KEY a new key on first start only.
 */
async function adminKeyToShow(db: Db, config: Config): Promise<string | null> {
  if (config.adminKey) return config.adminKey;
  const file = config.databaseUrl ? null : join(config.dataDir, 'admin-key');
  if (file && existsSync(file)) return readFileSync(file, 'utf8').trim();
  const existing = await db.kysely.selectFrom('api_keys').select('id').where('tenant_id', '=', DEFAULT_TENANT_ID).where('role', '=', 'admin').executeTakeFirst();
  if (existing && !file) return null;
  const key = await createApiKey(db.kysely, DEFAULT_TENANT_ID, { name: 'first-start admin', role: 'admin' });
  if (file) writeFileSync(file, `${key.secret}\n`, { mode: 0o600 });
  return key.secret;
}

/** Starts the HTTP server; resolves once it listens. */
export async function startServer(config: Config, options: { seed?: boolean; quiet?: boolean; jobs?: boolean } = {}) {
  const db = await openRuntime(config);
  if (options.seed ?? config.seedDemo) {
    const seeded = await seedDemo(db.kysely, { onlyIfEmpty: true });
    if (seeded && !options.quiet) console.log(`Seeded demo data: ${seeded.products} products, ${seeded.customers} customers, ${seeded.orders} orders.`);
  }
  const authenticator = new KeyAuthenticator(db.kysely);
  const app = await buildApp({ db, config, authenticator });
  const key = await adminKeyToShow(db, config);
  const login = await ensureDemoAdmin(db.kysely, { password: config.adminPassword, passwordFile: config.databaseUrl ? null : join(config.dataDir, 'admin-password') });
  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  if (!options.quiet) {
    console.log(`\nOrdo is running on http://${shownHost}:${config.port}  (database: ${db.kind === 'pglite' ? `embedded, ${config.dataDir}` : 'PostgreSQL'})`);
    console.log(`API reference: http://${shownHost}:${config.port}/docs`);
    console.log(key ? `Admin API key: ${key}` : 'Admin API key: set ORDO_ADMIN_KEY, or create one with `ordo keys create --role admin`.');
    const webUrl = `http://${shownHost}:${config.port}/`;
    console.log(existsSync(join(DEFAULT_WEB_ROOT, 'index.html')) ? `Web app: ${webUrl}` : `Web app: not built (no web/dist); run \`npm run build:web\` and restart to serve it at ${webUrl}`);
    console.log(login ? `Web app sign-in: ${login.email} / ${login.password}` : 'Web app sign-in: set ORDO_ADMIN_PASSWORD, or create a user with `ordo users create`.');
  }
  // Background jobs beside the API unless this process serves requests only (`--no-jobs`).
  const jobs = (options.jobs ?? true) ? startBackgroundJobs(db, app.log, config) : null;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await jobs?.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  return { app, db };
}
