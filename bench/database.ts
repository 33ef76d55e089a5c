// The benchmark's own PostgreSQL database: created fresh for a run, dropped after it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface BenchDatabase { name: string; url: string; vacuumAnalyze(): Promise<void>; run(sql: string): Promise<void>; drop(): Promise<void> }

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try { await client.query(text); } finally { await client.end(); }
}

/** Creates an empty database `ordo_bench_<random>`; the server migrates it at start. */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `ordo_bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  let dropped = false;
  return {
    name,
    url: withDatabase(adminUrl, name),
    // A fresh database has no statistics and a backlog of autovacuum work (the seeded
    // tables, GIN pending lists) that would otherwise land in the first measured minute.
    vacuumAnalyze: () => adminQuery(withDatabase(adminUrl, name), 'vacuum analyze'),
    run: (text) => adminQuery(withDatabase(adminUrl, name), text),
    async drop() {
      if (dropped) return;
      dropped = true;
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
