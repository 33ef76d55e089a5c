// Forward-only migrations: numbered .sql files in ./migrations, each applied once, in
// order, inside one transaction together with its row in schema_migrations. An
// advisory lock keeps two processes starting at once from migrating twice.
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Db } from './database.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const LOCK_KEY = 7_042_001; // arbitrary, constant: the advisory lock that serializes migrators

export interface Migration { name: string; sql: string; checksum: string }

/** The migrations shipped with this version, in the order they apply. */
export function listMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((name) => /^\d{4}_.+\.sql$/.test(name))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(MIGRATIONS_DIR, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(db: Db): Promise<string[]> {
  // Under the migrators' lock: `create table if not exists` is not safe against a second
  // process doing the same at the same moment (both see no table, one fails on the catalog's
  // unique index), which is what several processes starting at once on a new database do.
  await db.exec(`
    begin;
    select pg_advisory_xact_lock(${LOCK_KEY});
    create table if not exists schema_migrations (
      name text primary key, checksum text not null, applied_at timestamptz not null default now()
    );
    commit;`);
  const applied: string[] = [];
  for (const migration of listMigrations()) {
    const escaped = migration.name.replaceAll("'", "''");
    // The check and the apply happen under the lock, in one transaction, so a second
    // process waits and then sees the row and skips.
    const script = `
      begin;
      select pg_advisory_xact_lock(${LOCK_KEY});
      do $$ begin
        if exists (select 1 from schema_migrations where name = '${escaped}') then
          raise exception 'ordo:already-applied';
        end if;
      end $$;
      ${migration.sql}
      ;
      insert into schema_migrations (name, checksum) values ('${escaped}', '${migration.checksum}');
      commit;`;
    try {
      await db.exec(script);
      applied.push(migration.name);
    } catch (error) {
      if (error instanceof Error && error.message.includes('ordo:already-applied')) continue;
      throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
    }
  }
  return applied;
}
