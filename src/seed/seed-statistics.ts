// The query planner's statistics after a bulk load. PostgreSQL's autovacuum would
// analyze the tables the seed just filled, but not before the seed's next statements run,
// and the embedded database (PGlite) has no autovacuum at all: with empty statistics the
// planner takes every table for one row and picks nested loops that turn a pick wave's
// query over a few thousand allocations into seconds. ANALYZE reads the tables and
// writes no data.
import { sql } from 'kysely';
import type { Kdb } from '../platform/db/index.ts';

export async function refreshPlannerStatistics(db: Kdb): Promise<void> {
  await sql`analyze`.execute(db);
}
