// Process roles on PostgreSQL: `ordo serve --no-jobs` answers requests and leaves the
// outbox alone; `ordo work` runs the background jobs (here: the relay that turns the
// order's event into its confirmation e-mail) and stops cleanly on SIGTERM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { freshDatabase } from './helpers/harness.ts';
import { freePort, startServerProcess, startWorkProcess, type ServerProcess } from './helpers/server-process.ts';
import type { Kdb } from '../src/platform/db/index.ts';
import { loadConfig } from '../src/config.ts';
import { openRuntime } from '../src/runtime.ts';

const ADMIN_KEY = 'ordo_sk_jobsroles0000000000000000000000000';

async function call(port: number, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method, headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

async function outboxState(db: Kdb, orderId: string): Promise<{ published: boolean; mails: number }> {
  const { rows } = await sql<{ published: boolean; mails: number }>`
    select bool_and(o.published_at is not null) as published,
      (select count(*)::int from notifications n where n.order_id = ${orderId}) as mails
    from outbox o where o.aggregate_id = ${orderId}`.execute(db);
  return rows[0] ?? { published: false, mails: 0 };
}

test('serve --no-jobs leaves events to `ordo work`, which relays them and stops on SIGTERM', {
  skip: process.env.ORDO_TEST_DATABASE_URL ? false : 'needs ORDO_TEST_DATABASE_URL (PostgreSQL)',
}, async () => {
  const fresh = await freshDatabase('postgres');
  let server: ServerProcess | null = null;
  let worker: ReturnType<typeof startWorkProcess> | null = null;
  try {
    const env = { DATABASE_URL: fresh.url as string, ORDO_ADMIN_KEY: ADMIN_KEY };
    const port = await freePort();
    server = await startServerProcess(env, port, undefined, ['--no-jobs']);
    for (const [path, body] of [
      ['/v1/channels', { code: 'web', name: 'Web', kind: 'web' }],
      ['/v1/locations', { code: 'WH-1', name: 'WH', kind: 'warehouse', address: { line1: '1', city: 'c', postal_code: '1', country: 'US' }, ships: true, pickup: false }],
      ['/v1/products', { sku: 'A', name: 'A', price: 1000, currency: 'USD' }],
      ['/v1/inventory/adjustments', { sku: 'A', location: 'WH-1', delta: 5, reason: 'receipt' }],
    ] as const) {
      const r = await call(port, 'POST', path, body);
      assert.ok(r.status < 300, `${path}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    const order = await call(port, 'POST', '/v1/orders', {
      channel: 'web', currency: 'USD', customer: { email: 'ana@example.com', name: 'Ana' },
      shipping_address: { line1: '1 Main St', city: 'Springfield', postal_code: '62701', country: 'US' },
      lines: [{ sku: 'A', quantity: 2 }],
    });
    assert.equal(order.status, 201, JSON.stringify(order.body));
    const orderId = order.body.id as string;

    // The relay polls every second when it runs; three seconds without one means none runs here.
    await new Promise((r) => setTimeout(r, 3_000));
    assert.deepEqual(await outboxState(fresh.db.kysely, orderId), { published: false, mails: 0 }, 'an API process started with --no-jobs relayed events');

    worker = startWorkProcess(env);
    const deadline = Date.now() + 120_000;
    let state = await outboxState(fresh.db.kysely, orderId);
    while (!state.published && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      state = await outboxState(fresh.db.kysely, orderId);
    }
    assert.deepEqual(state, { published: true, mails: 1 }, 'ordo work relayed the order event into exactly one confirmation e-mail');
    assert.equal(await worker.stop('SIGTERM'), 0, 'ordo work exits 0 on SIGTERM');
    worker = null;
  } finally {
    await worker?.stop('SIGKILL');
    await server?.stop('SIGKILL');
    await fresh.close();
  }
});

test('processes starting at the same moment on a new database all come up (migrations, tenant, bootstrap key)', {
  skip: process.env.ORDO_TEST_DATABASE_URL ? false : 'needs ORDO_TEST_DATABASE_URL (PostgreSQL)',
}, async () => {
  // What every process (API or `ordo work`) does at start, four at once, as a deployment
  // starting its processes together does. Before they took turns, all but one usually died
  // on a unique index (the catalog's, for `create … if not exists`, or api_keys').
  const fresh = await freshDatabase('postgres');
  await fresh.db.exec('drop schema public cascade; create schema public;');
  const config = { ...loadConfig({}), databaseUrl: fresh.url as string, adminKey: ADMIN_KEY, dbPoolMax: 2 };
  const started = await Promise.allSettled([1, 2, 3, 4].map(() => openRuntime(config)));
  try {
    assert.deepEqual(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'ok')), ['ok', 'ok', 'ok', 'ok']);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from api_keys where name = 'bootstrap admin (ORDO_ADMIN_KEY)'`.execute(fresh.db.kysely);
    assert.equal(rows[0]?.n, 1, 'one bootstrap key');
  } finally {
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.close() : undefined)));
    await fresh.close();
  }
});

test('ordo work refuses to run on the embedded database', async () => {
  const worker = startWorkProcess({ DATABASE_URL: '' });
  assert.notEqual(await worker.exited, 0);
});
