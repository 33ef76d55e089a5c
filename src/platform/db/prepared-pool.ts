// A `pg` pool that sends Ordo's recurring statements as named prepared statements.
//
// Why: Kysely hands `pg` plain SQL text, which PostgreSQL parses and plans anew on every
// execution. Measured on the order intake, planning cost the database more CPU than
// running the statements (0.1-0.8 ms each). A named statement is parsed once per connection and,
// after a few executions, PostgreSQL reuses a generic plan, so a request pays only for
// execution. SQL text never carries values (Kysely binds them all as parameters), so the
// set of texts is bounded by the code; limits below keep even an unusual one bounded.
//
// Transactions also ask for generic plans. PostgreSQL's default re-plans a prepared
// statement on every execution when it estimates the generic plan dearer than a custom
// one, and it does for statements that take arrays of unknown length (order intake's),
// so they were planned every time anyway. A transaction here is a write command: short
// statements on keys, where the generic plan is the right one. So the `begin` Kysely
// sends becomes `begin; set local plan_cache_mode = force_generic_plan` (one round trip,
// the setting ends with the transaction); reads outside transactions (lists, reports)
// keep PostgreSQL's own choice.
//
// Poolers in transaction mode (PgBouncer before 1.21) do not keep named statements
// across transactions; set ORDO_DB_PREPARE=false (or `prepareStatements: false`) behind one.
import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/** A text is prepared from its second use on, so one-off statements stay unnamed. */
const USES_BEFORE_PREPARE = 2;
/** Distinct texts whose uses are counted before the counts are forgotten. */
const COUNTED_TEXTS_MAX = 10_000;
/** Distinct texts given a name at most; later newcomers run unnamed. */
const NAMED_TEXTS_MAX = 2_000;
/** Statements prepared on one server connection at most (each holds server memory). */
const STATEMENTS_PER_CONNECTION_MAX = 256;
/** How Kysely opens a transaction, and what is sent instead (see above). */
const BEGIN = 'begin';
const BEGIN_WITH_GENERIC_PLANS = 'begin; set local plan_cache_mode = force_generic_plan';
/** "cached plan must not change result type": a migration altered a table under us. */
const STALE_PLAN_SQLSTATE = '0A000';

/** Decides which SQL texts are worth a name, and what that name is. */
class StatementNames {
  readonly #uses = new Map<string, number>();
  readonly #names = new Map<string, string>();

  nameFor(text: string): string | null {
    const known = this.#names.get(text);
    if (known !== undefined) return known;
    const uses = (this.#uses.get(text) ?? 0) + 1;
    if (uses < USES_BEFORE_PREPARE) {
      if (this.#uses.size >= COUNTED_TEXTS_MAX) this.#uses.clear();
      this.#uses.set(text, uses);
      return null;
    }
    this.#uses.delete(text);
    if (this.#names.size >= NAMED_TEXTS_MAX) return null;
    const name = `ordo_${createHash('sha256').update(text).digest('base64url').slice(0, 22)}`;
    this.#names.set(text, name);
    return name;
  }
}

/** One pooled connection as Kysely sees it; remembers what it has prepared. */
class PreparingClient implements PostgresPoolClient {
  readonly #prepared = new Set<string>();
  #stale = false;

  constructor(readonly inner: pg.PoolClient, private readonly names: StatementNames) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(sqlOrCursor: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') {
      // Cursors (streaming) go to pg untouched; pg accepts any submittable object.
      return (this.inner as unknown as { query(c: PostgresCursor<R>): PostgresCursor<R> }).query(sqlOrCursor);
    }
    const values = parameters ? [...parameters] : [];
    if (sqlOrCursor === BEGIN && values.length === 0) return this.#begin<R>();
    // Statements without parameters (commit, rollback, set ...) go as simple queries:
    // there is nothing to plan once and reuse.
    const name = values.length === 0 ? null : this.#nameFor(sqlOrCursor);
    const config: pg.QueryConfig = name === null ? { text: sqlOrCursor, values } : { name, text: sqlOrCursor, values };
    return (this.inner.query(config) as unknown as Promise<PostgresQueryResult<R>>).catch((error: unknown) => {
      if ((error as { code?: unknown } | null)?.code === STALE_PLAN_SQLSTATE) this.#stale = true;
      throw error;
    });
  }

  async #begin<R>(): Promise<PostgresQueryResult<R>> {
    // Two statements in one simple query: pg answers with one result per statement.
    const results = (await this.inner.query(BEGIN_WITH_GENERIC_PLANS)) as unknown as PostgresQueryResult<R> | PostgresQueryResult<R>[];
    return Array.isArray(results) ? (results[0] as PostgresQueryResult<R>) : results;
  }

  #nameFor(text: string): string | null {
    const name = this.names.nameFor(text);
    if (name === null) return null;
    if (this.#prepared.has(name)) return name;
    if (this.#prepared.size >= STATEMENTS_PER_CONNECTION_MAX) return null;
    this.#prepared.add(name);
    return name;
  }

  release(destroy?: boolean): void {
    // A connection whose prepared plans went stale is closed; its replacement starts clean.
    this.inner.release(destroy || this.#stale);
  }
}

/** Wraps a pg pool so Kysely's queries run as named prepared statements. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const names = new StatementNames();
  const clients = new WeakMap<pg.PoolClient, PreparingClient>();
  return {
    async connect() {
      const inner = await pool.connect();
      let client = clients.get(inner);
      if (!client) {
        client = new PreparingClient(inner, names);
        clients.set(inner, client);
      }
      return client;
    },
    end: () => pool.end(),
  };
}
