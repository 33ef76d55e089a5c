// Opens the system of record: PostgreSQL through a `pg` pool when a URL is given, or
// the embedded PGlite database (same SQL dialect) in a local folder otherwise.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import { preparingPool } from './prepared-pool.ts';
import type { Database } from './schema.ts';

export type Kdb = Kysely<Database>;

export interface Db {
  readonly kysely: Kdb;
  /**
   * For single statements that write outside a transaction (order intake's short way):
   * connections that always run a prepared statement's generic plan. Inside transactions
   * every connection already does (see prepared-pool.ts); outside them PostgreSQL
   * re-plans statements with array parameters on every execution, and for intake's long
   * statement planning cost more database CPU than running it (docs/scaling.md). A pool
   * of its own, so reads outside transactions keep PostgreSQL's own choice. On the
   * embedded database it is the same connection as `kysely`.
   */
  readonly genericPlans: Kdb;
  readonly kind: 'postgres' | 'pglite';
  /** Runs a multi-statement SQL script (no parameters), e.g. a migration; rolls back on failure. */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** A postgres:// URL, or undefined for the embedded database. */
  url?: string | undefined;
  /** Folder of the embedded database; 'memory://' keeps it in memory. */
  dataDir?: string | undefined;
  /** A data-dir dump to start the embedded database from (tests use a migrated template). */
  loadDataDir?: Blob | File | undefined;
  poolMax?: number | undefined;
  /** Send recurring statements as named prepared statements (default: true unless ORDO_DB_PREPARE=false); see prepared-pool.ts. */
  prepareStatements?: boolean | undefined;
}

const pgliteOf = new WeakMap<Db, PGlite>();

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

/** int8 arrives as text; money and counts must stay exact, so refuse unsafe values. */
export function parseSafeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`integer out of safe range: ${text}`);
  return value;
}

pg.types.setTypeParser(INT8, parseSafeInteger);
// A calendar date stays 'YYYY-MM-DD' text: turning it into a Date would pin it to the
// process's time zone and shift it by a day east or west of UTC.
pg.types.setTypeParser(DATE, (text: string) => text);

/** Opens the database described by the options. */
export async function openDatabase(options: DbOptions): Promise<Db> {
  // ORDO_DB_PREPARE=false turns prepared statements off (behind a pooler that cannot keep
  // them). Read here, not in config.ts, so every opener follows it: server, CLI, tests.
  const prepare = options.prepareStatements ?? process.env.ORDO_DB_PREPARE !== 'false';
  return options.url ? openPostgres(options.url, options.poolMax ?? 10, prepare) : openPglite(options);
}

async function openPostgres(url: string, poolMax: number, prepareStatements: boolean): Promise<Db> {
  // application_name names the process in pg_stat_activity, so an operator (and the
  // cluster stress test) can tell which API process holds which connection.
  const openPool = (options: string | undefined) => {
    const pool = new pg.Pool({ connectionString: url, max: poolMax, connectionTimeoutMillis: 5_000, application_name: `ordo:${process.pid}`, ...(options ? { options } : {}) });
    // A client losing its server (restart, failover) must not crash the process: idle
    // clients report through the pool, checked-out ones through their own 'error' event.
    // The query in flight fails anyway and the request is answered 503.
    pool.on('error', () => {});
    pool.on('connect', (client) => { client.on('error', () => {}); });
    return pool;
  };
  const pool = openPool(undefined);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: prepareStatements ? preparingPool(pool) : pool }) });
  // Connections are opened on first use, so a process that never writes this way holds none.
  const genericPool = openPool('-c plan_cache_mode=force_generic_plan');
  const genericPlans = new Kysely<Database>({ dialect: new PostgresDialect({ pool: prepareStatements ? preparingPool(genericPool) : genericPool }) });
  return {
    kysely,
    genericPlans,
    kind: 'postgres',
    exec: async (script) => {
      // One client for the whole script, so a failure can be rolled back on the same
      // session instead of returning a client stuck in an aborted transaction.
      const client = await pool.connect();
      try {
        await client.query(script);
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      await Promise.all([kysely.destroy(), genericPlans.destroy()]);
    },
  };
}

function processAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

/**
 * PGlite is one process's database: two processes writing one folder would corrupt it.
 * A pid file refuses the second opener (a stale file of a dead process is taken over).
 */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'ordo.lock');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(file, 'utf8'));
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processAlive(holder)) {
      throw new Error(`the embedded database in ${dataDir} is in use by process ${holder}; stop it first, or run on PostgreSQL with DATABASE_URL`);
    }
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
}

async function openPglite(options: DbOptions): Promise<Db> {
  const onDisk = options.dataDir !== undefined && !options.dataDir.includes('://');
  if (onDisk) mkdirSync(options.dataDir as string, { recursive: true });
  const unlock = onDisk ? lockDataDir(options.dataDir as string) : () => {};
  const pglite = new PGlite({
    dataDir: options.dataDir ?? 'memory://',
    extensions: { pg_trgm },
    parsers: { [INT8]: parseSafeInteger, [NUMERIC]: (text: string) => text, [DATE]: (text: string) => text },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  await pglite.waitReady;
  const kysely = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  const db: Db = {
    kysely,
    genericPlans: kysely,
    kind: 'pglite',
    // exec goes through Kysely's connection so it waits its turn behind transactions.
    exec: async (script) => {
      await kysely.connection().execute(async () => {
        try {
          await pglite.exec(script);
        } catch (error) {
          await pglite.exec('rollback').catch(() => {});
          throw error;
        }
      });
    },
    // Kysely only destroys a driver it has used; close PGlite ourselves so an unused
    // database does not keep the process alive.
    close: async () => {
      await kysely.destroy();
      if (!pglite.closed) await pglite.close();
      unlock();
    },
  };
  pgliteOf.set(db, pglite);
  return db;
}

/** Dumps the embedded database's files (used to clone a migrated template in tests). */
export async function dumpPglite(db: Db): Promise<Blob> {
  const pglite = pgliteOf.get(db);
  if (!pglite) throw new Error('not an embedded database');
  return pglite.dumpDataDir('none');
}
