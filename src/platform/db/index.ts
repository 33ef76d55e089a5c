export { openDatabase, dumpPglite, parseSafeInteger, type Db, type DbOptions, type Kdb } from './database.ts';
export { migrate, listMigrations } from './migrate.ts';
export type * from './schema.ts';
export { startPgliteMaintenance, type Maintenance } from './pglite-maintenance.ts';
