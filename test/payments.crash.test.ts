// The payment outbox survives kill -9. A real server process kills itself (SIGKILL)
// right before the provider call, and — restarted — right after the provider answered
// but before we recorded it; restarted again, the worker finishes the call with the same
// idempotency key. The sandbox gateway saw the key once and decided once: one charge.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDatabase } from './helpers/harness.ts';
import { freePort, startServerProcess, type ServerProcess } from './helpers/server-process.ts';
import { DEFAULT_TENANT_ID } from '../src/modules/access/index.ts';
import { gatewayRecords } from '../src/modules/payments/index.ts';
import { ADDRESS } from './helpers/fixtures.ts';

const ADMIN_KEY = 'ordo_sk_payments-crash-test-key-0123456789';
const enabled = Boolean(process.env.ORDO_TEST_DATABASE_URL);

async function call(port: number, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method, signal: AbortSignal.timeout(15_000),
    headers: { authorization: `Bearer ${ADMIN_KEY}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: await response.json().catch(() => null) as any };
}

function exited(server: ServerProcess): Promise<NodeJS.Signals | null> {
  const child = server.child;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.signalCode);
  return new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('payments: crash between commit and provider (PostgreSQL)', { skip: enabled ? false : 'needs ORDO_TEST_DATABASE_URL' }, () => {
  test('killed before and after the provider call, restarted: exactly one charge for the key', async () => {
    const fresh = await freshDatabase('postgres');
    const port = await freePort();
    const env = { DATABASE_URL: fresh.url as string, ORDO_ADMIN_KEY: ADMIN_KEY, ORDO_PAYMENT_WORKER_INTERVAL_MS: '200' };
    let server: ServerProcess | null = null;
    try {
      server = await startServerProcess(env, port);
      for (const [path, body] of [
        ['/v1/channels', { code: 'web', name: 'Web', kind: 'web' }],
        ['/v1/locations', { code: 'WH-1', name: 'WH', kind: 'warehouse', address: { line1: '1', city: 'c', postal_code: '1', country: 'US' }, ships: true, pickup: false }],
        ['/v1/products', { sku: 'A', name: 'A', price: 1000, currency: 'USD' }],
        ['/v1/inventory/adjustments', { sku: 'A', location: 'WH-1', delta: 10, reason: 'receipt' }],
      ] as const) assert.ok((await call(port, 'POST', path, body)).status < 300, path);
      await server.stop();

      // 1. Dies right before the provider call (the order and its pending call are committed).
      server = await startServerProcess({ ...env, ORDO_TEST_CRASH_AT: 'before_provider' }, port);
      const order = { channel: 'web', external_id: 'PAY-1', currency: 'USD', shipping_address: ADDRESS, lines: [{ sku: 'A', quantity: 2 }], payment: { provider: 'test_card', token: 'tok_approve' } };
      await call(port, 'POST', '/v1/orders', order, { 'idempotency-key': 'pay-crash-1' }).catch(() => null);
      assert.equal(await exited(server), 'SIGKILL');
      const pending = await fresh.db.kysely.selectFrom('payment_transactions').select(['idempotency_key', 'status', 'attempts']).execute();
      assert.deepEqual(pending.map((p) => [p.status, p.attempts]), [['pending', 1]]);
      assert.equal((await gatewayRecords(fresh.db.kysely, DEFAULT_TENANT_ID)).length, 0);

      // 2. Restarted, the worker retries; this time it dies after the gateway answered.
      server = await startServerProcess({ ...env, ORDO_TEST_CRASH_AT: 'after_provider' }, port);
      assert.equal(await exited(server), 'SIGKILL');
      const charged = await gatewayRecords(fresh.db.kysely, DEFAULT_TENANT_ID);
      assert.deepEqual(charged.map((r) => [r.idempotency_key, r.outcome]), [[pending[0]?.idempotency_key, 'succeeded']]);
      assert.equal((await fresh.db.kysely.selectFrom('payment_transactions').select('status').executeTakeFirstOrThrow()).status, 'pending');

      // 3. Restarted normally: the same key again; the gateway answers its first result.
      server = await startServerProcess(env, port);
      const replay = await call(port, 'POST', '/v1/orders', order, { 'idempotency-key': 'pay-crash-1' });
      assert.equal(replay.status, 201);
      const view = await waitFor('authorization', async () => {
        const r = await call(port, 'GET', `/v1/orders/${replay.body.id}`);
        return r.body.payment_status === 'authorized' ? r.body : undefined;
      });
      const records = await gatewayRecords(fresh.db.kysely, DEFAULT_TENANT_ID);
      assert.equal(records.length, 1);
      assert.equal(view.payments[0].transactions[0].status, 'succeeded');
      const payment = await fresh.db.kysely.selectFrom('payments').select(['provider_reference', 'authorized_amount']).executeTakeFirstOrThrow();
      assert.deepEqual([payment.provider_reference, Number(payment.authorized_amount)], [records[0]?.reference, 2000]);
      assert.equal((await call(port, 'GET', '/v1/orders')).body.data.length, 1);
    } finally {
      await server?.stop('SIGKILL');
      await fresh.close();
    }
  });
});
