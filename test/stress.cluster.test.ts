// The multi-process claim, proven for real: `ordo serve --workers 3` (three API
// processes on one port) on a fresh PostgreSQL database takes 2,000 concurrent orders
// for 20 scarce SKUs, mixed with cancels and stock adjustments. Afterwards nothing is
// oversold, every accepted order holds its reservations, every refused one left no
// row, and the reconciler finds levels, ledger and allocations in agreement.
// PostgreSQL only (the embedded database is one process's): set ORDO_TEST_DATABASE_URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { sql } from 'kysely';
import { freshDatabase } from './helpers/harness.ts';
import { verifyInventory } from '../src/modules/inventory/index.ts';
import type { Kdb } from '../src/platform/db/index.ts';

const WORKERS = 3;
const ORDERS = 2_000;
const ADJUSTMENTS = 150;
const IN_FLIGHT = 64;
const CANCEL_SHARE = 0.25;
const SKUS = Array.from({ length: 20 }, (_, i) => `ST-${String(i).padStart(2, '0')}`);
/** 30 units per SKU, split over two warehouses so routing also splits orders. */
const STOCK = { 'WH-1': 20, 'WH-2': 10 } as const;
const ADDRESS = { line1: '1 Main St', city: 'Springfield', postal_code: '62701', country: 'US' };

type Answer = { status: number; body: any };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function startCluster(databaseUrl: string, adminKey: string, port: number): { child: ChildProcess; exited: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--workers', String(WORKERS), '--no-seed', '--port', String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: databaseUrl, ORDO_ADMIN_KEY: adminKey, ORDO_SEED_DEMO: 'false', LOG_LEVEL: 'warn', ORDO_DB_POOL_MAX: '6', HOST: '127.0.0.1' },
  });
  return { child, exited: new Promise((resolve) => child.once('exit', () => resolve())) };
}

/** API processes holding connections to the database now (each names itself ordo:<pid>). */
async function apiProcesses(db: Kdb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select distinct application_name as name from pg_stat_activity
    where datname = current_database() and application_name like 'ordo:%' and pid <> pg_backend_pid()`.execute(db);
  return rows.map((r) => r.name).filter((name) => name !== `ordo:${process.pid}`);
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

test(`cluster stress: ${WORKERS} API processes, ${ORDERS} concurrent orders with cancels and adjustments`, {
  skip: process.env.ORDO_TEST_DATABASE_URL ? false : 'needs ORDO_TEST_DATABASE_URL (PostgreSQL)',
  timeout: 180_000,
}, async () => {
  const fresh = await freshDatabase('postgres', 2);
  const db = fresh.db.kysely;
  const adminKey = `ordo_sk_stress${randomBytes(16).toString('hex')}`;
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const cluster = startCluster(fresh.url as string, adminKey, port);
  const call = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const response = await fetch(`${origin}${path}`, {
      method, headers: { authorization: `Bearer ${adminKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const must = async (method: string, path: string, body?: unknown) => {
    const answer = await call(method, path, body);
    assert.ok(answer.status < 300, `${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  try {
    // Ready means every worker answers: round-robin spreads these reads over all of them,
    // and each one that authenticates opens a connection under its own name.
    const seen = new Set<string>();
    const readyBy = Date.now() + 60_000;
    while (seen.size < WORKERS) {
      assert.ok(Date.now() < readyBy, `only ${seen.size} of ${WORKERS} API processes came up`);
      assert.equal(cluster.child.exitCode, null, 'the cluster exited during start-up');
      await Promise.all(Array.from({ length: 6 }, () => call('GET', '/v1/channels').catch(() => null)));
      for (const name of await apiProcesses(db)) seen.add(name);
      await new Promise((r) => setTimeout(r, 250));
    }

    await must('POST', '/v1/channels', { code: 'web', name: 'Web', kind: 'web' });
    for (const [code, priority] of [['WH-1', 10], ['WH-2', 20]] as const) {
      await must('POST', '/v1/locations', { code, name: code, kind: 'warehouse', address: ADDRESS, ships: true, pickup: false, priority });
    }
    for (const sku of SKUS) {
      await must('POST', '/v1/products', { sku, name: `Scarce ${sku}`, price: 1_000, currency: 'USD', inventory_policy: 'deny' });
      for (const [location, units] of Object.entries(STOCK)) {
        await must('POST', '/v1/inventory/adjustments', { sku, location, delta: units, reason: 'receipt' });
      }
    }

    type Task = () => Promise<void>;
    const accepted = new Map<string, { id: string; lines: { sku: string; quantity: number }[] }>();
    const refused = new Set<string>();
    const canceled = new Set<string>();
    const adjusted = new Map<string, number>();
    let adjustmentsApplied = 0;
    let adjustmentsRefused = 0;
    const unexpected: string[] = [];
    const queue: Task[] = [];

    const orderTask = (i: number): Task => async () => {
      const externalId = `S-${i}`;
      const skus = new Set<string>();
      const lineCount = 1 + Math.floor(Math.random() * 3);
      while (skus.size < lineCount) skus.add(pick(SKUS));
      const lines = [...skus].map((sku) => ({ sku, quantity: 1 + Math.floor(Math.random() * 3) }));
      const answer = await call('POST', '/v1/orders', {
        channel: 'web', external_id: externalId, currency: 'USD',
        customer: { email: `buyer${i % 400}@example.com`, name: `Buyer ${i % 400}` }, shipping_address: ADDRESS, lines,
      });
      if (answer.status === 201) {
        accepted.set(externalId, { id: answer.body.id, lines });
        if (Math.random() < CANCEL_SHARE) queue.push(cancelTask(externalId, answer.body.id));
      } else if (answer.status === 422 && answer.body.code === 'insufficient_inventory') {
        refused.add(externalId);
      } else {
        unexpected.push(`order ${externalId}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    };
    const cancelTask = (externalId: string, id: string): Task => async () => {
      const answer = await call('POST', `/v1/orders/${id}/cancel`, { reason: 'stress' });
      if (answer.status === 200 && answer.body.status === 'canceled') canceled.add(externalId);
      else unexpected.push(`cancel ${externalId}: ${answer.status} ${JSON.stringify(answer.body)}`);
    };
    const adjustmentTask = (): Task => async () => {
      const sku = pick(SKUS);
      const location = pick(Object.keys(STOCK));
      const receipt = Math.random() < 0.5;
      const delta = receipt ? 1 + Math.floor(Math.random() * 3) : -(1 + Math.floor(Math.random() * 2));
      const answer = await call('POST', '/v1/inventory/adjustments', { sku, location, delta, reason: receipt ? 'receipt' : 'damage' });
      if (answer.status === 201) {
        adjusted.set(sku, (adjusted.get(sku) ?? 0) + delta);
        adjustmentsApplied++;
      }
      else if (answer.status === 422 && answer.body.code === 'insufficient_inventory') adjustmentsRefused++;
      else unexpected.push(`adjustment ${sku}@${location} ${delta}: ${answer.status} ${JSON.stringify(answer.body)}`);
    };

    // Orders and adjustments interleaved; cancels join the queue as orders are accepted.
    const adjustEvery = Math.floor(ORDERS / ADJUSTMENTS);
    for (let i = 0; i < ORDERS; i++) {
      queue.push(orderTask(i));
      if (i % adjustEvery === adjustEvery - 1) queue.push(adjustmentTask());
    }
    // Which processes hold connections while the load runs: proof the work was shared.
    const busy = new Set<string>();
    const sampler = setInterval(() => { apiProcesses(db).then((names) => names.forEach((n) => busy.add(n)), () => {}); }, 200);
    const started = performance.now();
    await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
      for (let task = queue.shift(); task; task = queue.shift()) await task();
    }));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    console.log(`cluster stress: ${accepted.size} accepted, ${refused.size} refused, ${canceled.size} canceled; ` +
      `${adjustmentsApplied} adjustments applied, ${adjustmentsRefused} refused; ${seconds.toFixed(1)} s; ${busy.size} API processes busy`);

    assert.deepEqual(unexpected, [], 'every answer is a success or a clean refusal');
    assert.equal(accepted.size + refused.size, ORDERS);
    assert.ok(accepted.size > 0 && refused.size > 0 && canceled.size > 0, 'the run exercised acceptance, refusal and cancellation');
    assert.ok(busy.size >= WORKERS, `the load was served by ${busy.size} API processes`);

    // No SKU oversold, and the per-SKU arithmetic holds: what accepted orders still hold
    // is exactly what is reserved, and never more than what is on hand.
    const levels = await db.selectFrom('inventory_levels as l').innerJoin('products as p', (j) => j.onRef('p.tenant_id', '=', 'l.tenant_id').onRef('p.id', '=', 'l.product_id'))
      .select(['p.sku', 'l.on_hand', 'l.reserved']).execute();
    for (const level of levels) assert.ok(level.reserved >= 0 && level.reserved <= level.on_hand, `${level.sku}: reserved ${level.reserved} of ${level.on_hand}`);
    for (const sku of SKUS) {
      const ofSku = levels.filter((l) => l.sku === sku);
      const onHand = ofSku.reduce((n, l) => n + l.on_hand, 0);
      const reserved = ofSku.reduce((n, l) => n + l.reserved, 0);
      const stocked = STOCK['WH-1'] + STOCK['WH-2'] + (adjusted.get(sku) ?? 0);
      let held = 0;
      for (const [externalId, order] of accepted) {
        if (canceled.has(externalId)) continue;
        held += order.lines.filter((l) => l.sku === sku).reduce((n, l) => n + l.quantity, 0);
      }
      assert.equal(onHand, stocked, `${sku}: on hand follows the applied adjustments`);
      assert.equal(reserved, held, `${sku}: reserved equals accepted minus released`);
      assert.ok(held <= stocked, `${sku}: ${held} held of ${stocked} stocked`);
    }

    // Every accepted order holds (or, once canceled, released) exactly its quantities.
    const allocations = await db.selectFrom('order_allocations as a').innerJoin('orders as o', (j) => j.onRef('o.tenant_id', '=', 'a.tenant_id').onRef('o.id', '=', 'a.order_id'))
      .innerJoin('order_lines as l', (j) => j.onRef('l.tenant_id', '=', 'a.tenant_id').onRef('l.id', '=', 'a.order_line_id'))
      .select(['o.external_id', 'o.status', 'l.sku', 'a.quantity', 'a.status as allocation_status']).execute();
    const held = new Map<string, number>();
    for (const a of allocations) {
      const key = `${a.external_id}\u0000${a.sku}\u0000${a.allocation_status}`;
      held.set(key, (held.get(key) ?? 0) + a.quantity);
    }
    for (const [externalId, order] of accepted) {
      const status = canceled.has(externalId) ? 'released' : 'reserved';
      for (const line of order.lines) {
        assert.equal(held.get(`${externalId}\u0000${line.sku}\u0000${status}`), line.quantity, `${externalId} ${line.sku} ${status}`);
      }
    }
    const orderRows = await db.selectFrom('orders').select(['external_id', 'status']).execute();
    assert.equal(orderRows.length, accepted.size, 'one order row per accepted order, none for refused ones');
    const stored = new Set(orderRows.map((o) => o.external_id));
    for (const externalId of refused) assert.ok(!stored.has(externalId), `refused ${externalId} left no order row`);
    assert.equal(orderRows.filter((o) => o.status === 'canceled').length, canceled.size);

    assert.deepEqual(await verifyInventory(db), [], 'levels, ledger and open allocations agree');
  } finally {
    if (cluster.child.exitCode === null) cluster.child.kill('SIGTERM');
    await cluster.exited;
    await fresh.close();
  }
});
