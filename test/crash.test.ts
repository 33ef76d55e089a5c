// Crash safety on PostgreSQL: kill -9 the server while orders pour in, and restart
// PostgreSQL itself under load. Clients retry with their Idempotency-Key; afterwards
// every order that got a 201 exists, no order exists that never got one, and the
// books balance.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { freshDatabase } from './helpers/harness.ts';
import { freePort, startServerProcess, type ServerProcess } from './helpers/server-process.ts';
import { migrate, openDatabase, type Db } from '../src/platform/db/index.ts';
import { verifyInventory } from '../src/modules/inventory/index.ts';
import { DEFAULT_TENANT_ID, ensureTenant } from '../src/modules/access/index.ts';
import { ADDRESS } from './helpers/fixtures.ts';

const ADMIN_KEY = 'ordo_sk_crash-test-admin-key-0123456789';
const ORDERS = 240;
const pgBin = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`).find((dir) => existsSync(`${dir}/pg_ctl`)) : undefined;
const enabled = Boolean(process.env.ORDO_TEST_DATABASE_URL);

async function call(port: number, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method, signal: AbortSignal.timeout(15_000),
    headers: { authorization: `Bearer ${ADMIN_KEY}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, headers: response.headers, body: await response.json().catch(() => null) as any };
}

async function setUpShop(port: number) {
  for (const [path, body] of [
    ['/v1/channels', { code: 'web', name: 'Web', kind: 'web' }],
    ['/v1/locations', { code: 'WH-1', name: 'WH', kind: 'warehouse', address: { line1: '1', city: 'c', postal_code: '1', country: 'US' }, ships: true, pickup: false }],
    ['/v1/products', { sku: 'A', name: 'A', price: 1000, currency: 'USD' }],
    ['/v1/products', { sku: 'B', name: 'B', price: 500, currency: 'USD' }],
    ['/v1/inventory/adjustments', { sku: 'A', location: 'WH-1', delta: 10_000, reason: 'receipt' }],
    ['/v1/inventory/adjustments', { sku: 'B', location: 'WH-1', delta: 10_000, reason: 'receipt' }],
  ] as const) {
    const r = await call(port, 'POST', path, body);
    assert.ok(r.status < 300, `${path}: ${r.status} ${JSON.stringify(r.body)}`);
  }
}

interface Outcome { status: number; id?: string; attempts: number; sawUnavailable: number; slowestMs: number }

/**
 * Sends ORDERS orders, 8 at a time; each retries (same key, same body) on network
 * errors and 5xx until it gets a definite answer. `disrupt` runs once, mid-way.
 */
async function pour(portOf: () => number, disrupt: () => Promise<void>): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(ORDERS);
  let next = 0;
  let done = 0;
  let disrupted: Promise<void> | null = null;
  const deadline = Date.now() + 120_000;
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let i = next++; i < ORDERS; i = next++) {
      const body = { channel: 'web', external_id: `E-${i}`, currency: 'USD', customer: { email: `c${i % 17}@example.com` }, shipping_address: ADDRESS, lines: [{ sku: 'A', quantity: 1 + (i % 3) }, { sku: 'B', quantity: 1 }] };
      const outcome: Outcome = { status: 0, attempts: 0, sawUnavailable: 0, slowestMs: 0 };
      while (Date.now() < deadline) {
        outcome.attempts++;
        const started = Date.now();
        try {
          const r = await call(portOf(), 'POST', '/v1/orders', body, { 'idempotency-key': `key-${i}` });
          outcome.slowestMs = Math.max(outcome.slowestMs, Date.now() - started);
          if (r.status === 503) {
            outcome.sawUnavailable++;
            assert.match(r.headers.get('content-type') ?? '', /problem\+json/);
            assert.ok(Number(r.headers.get('retry-after')) > 0);
          }
          if (r.status < 500) { outcome.status = r.status; outcome.id = r.body?.id; break; }
          if (process.env.ORDO_DEBUG_CRASH) console.error('retry', i, r.status, JSON.stringify(r.body).slice(0, 200));
        } catch (error) { if (process.env.ORDO_DEBUG_CRASH) console.error('net', i, String(error).slice(0, 100)); /* connection refused or reset while the server is down: retry */ }
        await new Promise((r) => setTimeout(r, 150));
      }
      outcomes[i] = outcome;
      if (++done === Math.floor(ORDERS / 3)) disrupted = disrupt();
    }
  }));
  await disrupted;
  return outcomes;
}

async function assertBooks(db: Db, outcomes: Outcome[]) {
  assert.ok(outcomes.every((o) => o.status === 201), JSON.stringify(outcomes.filter((o) => o.status !== 201).slice(0, 3)));
  const rows = await db.kysely.selectFrom('orders').select(['id', 'external_id']).where('tenant_id', '=', DEFAULT_TENANT_ID).execute();
  assert.equal(rows.length, ORDERS, 'one order per request, none twice');
  const byExternal = new Map(rows.map((r) => [r.external_id, r.id]));
  outcomes.forEach((o, i) => assert.equal(byExternal.get(`E-${i}`), o.id, `order ${i}: the answer is the stored order`));
  assert.deepEqual(await verifyInventory(db.kysely), []);
}

describe('crash safety (PostgreSQL)', { skip: enabled ? false : 'needs ORDO_TEST_DATABASE_URL' }, () => {
  test('kill -9 of the server under load: retries get the original answers, nothing lost or doubled', async () => {
    const fresh = await freshDatabase('postgres');
    let server: ServerProcess | null = null;
    try {
      const port = await freePort();
      const env = { DATABASE_URL: fresh.url as string, ORDO_ADMIN_KEY: ADMIN_KEY };
      server = await startServerProcess(env, port);
      await setUpShop(port);
      const outcomes = await pour(() => port, async () => {
        await server?.stop('SIGKILL');
        server = await startServerProcess(env, port);
      });
      assert.ok(outcomes.some((o) => o.attempts > 1), 'the kill interrupted some requests');
      await assertBooks(fresh.db, outcomes);
    } finally {
      await server?.stop('SIGKILL');
      await fresh.close();
    }
  });

  test('PostgreSQL restarted under load: 503 with Retry-After meanwhile, the server reconnects', { skip: pgBin ? false : 'no PostgreSQL binaries' }, async () => {
    // A private PostgreSQL instance, so restarting it disturbs no other test.
    const dir = mkdtempSync(join(tmpdir(), 'ordo-pg-'));
    chmodSync(dir, 0o777);
    const asPostgres = (command: string, ...args: string[]) =>
      execFileSync('runuser', ['-u', 'postgres', '--', `${pgBin}/${command}`, ...args], { stdio: 'pipe', timeout: 60_000 });
    const dataDir = join(dir, 'data');
    const pgPort = await freePort();
    let server: ServerProcess | null = null;
    let db: Db | null = null;
    try {
      asPostgres('initdb', '-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync');
      const pgCtl = (...args: string[]) => asPostgres('pg_ctl', '-D', dataDir, '-o', `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', join(dir, 'log'), '-w', ...args);
      pgCtl('start');
      const url = `postgres://postgres@127.0.0.1:${pgPort}/postgres`;
      db = await openDatabase({ url });
      await migrate(db);
      await ensureTenant(db.kysely, DEFAULT_TENANT_ID, 'Default');
      const port = await freePort();
      server = await startServerProcess({ DATABASE_URL: url, ORDO_ADMIN_KEY: ADMIN_KEY }, port);
      await setUpShop(port);
      const outcomes = await pour(() => port, async () => {
        pgCtl('stop', '-m', 'fast');
        await new Promise((r) => setTimeout(r, 1500));
        pgCtl('start');
      });
      assert.ok(outcomes.some((o) => o.sawUnavailable > 0), 'requests during the outage were answered 503');
      assert.ok(outcomes.every((o) => o.slowestMs < 12_000), 'no request hung');
      assert.equal(server.child.exitCode, null, 'the server survived the outage');
      await db.close();
      db = await openDatabase({ url });
      await assertBooks(db, outcomes);
    } finally {
      await server?.stop('SIGKILL');
      await db?.close().catch(() => {});
      try { asPostgres('pg_ctl', '-D', dataDir, '-m', 'immediate', 'stop'); } catch { /* already stopped */ }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
