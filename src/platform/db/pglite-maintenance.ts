// The embedded database (PGlite) runs PostgreSQL without its background processes: no
// autovacuum, so the planner's statistics are never refreshed and a shop that grew from a
// handful of rows keeps plans made for one row per table (nested loops over thousands of
// allocations: seconds for a pick wave). On PGlite the server therefore runs ANALYZE
// itself, a minute after start and then every interval. PostgreSQL's autovacuum does this
// on its own, so there it is a no-op.
import { sql } from 'kysely';
import type { Db } from './database.ts';

const FIRST_RUN_MS = 60_000;
const INTERVAL_MS = 15 * 60_000;

export interface Maintenance { stop(): Promise<void> }

export function startPgliteMaintenance(db: Db, log: { warn(details: object, message: string): void }): Maintenance {
  if (db.kind !== 'pglite') return { stop: async () => {} };
  let running: Promise<void> = Promise.resolve();
  const analyze = () => {
    running = sql`analyze`.execute(db.kysely).then(() => undefined, (error: unknown) => log.warn({ err: error }, 'analyze failed'));
  };
  const first = setTimeout(analyze, FIRST_RUN_MS);
  const every = setInterval(analyze, INTERVAL_MS);
  first.unref();
  every.unref();
  return {
    stop: async () => {
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
