// Which clock decides "is this row due": the database's, unless a test passes its own.
// Rows are stamped with the database's now() when written; comparing them with the
// process's clock instead would skip a row written in the last millisecond (JavaScript
// dates stop at milliseconds, PostgreSQL's at microseconds) or on a host whose clock
// runs behind.
import { sql, type RawBuilder } from 'kysely';

/** `now()` of the database, or the given moment. */
export function clockSql(now: Date | undefined): RawBuilder<Date> {
  return now ? sql<Date>`${now}::timestamptz` : sql<Date>`now()`;
}
