// Opening Ordo's runtime pieces from a config: the database (migrated), the default
// tenant and its bootstrap key. Shared by the server and the CLI commands.
import { mkdirSync } from 'node:fs';
import type { Config } from './config.ts';
import { migrate, openDatabase, type Db } from './platform/db/index.ts';
import { bootstrapAdminKey, DEFAULT_TENANT_ID, ensureTenant } from './modules/access/index.ts';

/** Opens and migrates the configured database and makes sure the default tenant exists. */
export async function openRuntime(config: Config): Promise<Db> {
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir, poolMax: config.dbPoolMax });
  await migrate(db);
  await ensureTenant(db.kysely, DEFAULT_TENANT_ID, 'Default');
  if (config.adminKey) await bootstrapAdminKey(db.kysely, config.adminKey);
  return db;
}
