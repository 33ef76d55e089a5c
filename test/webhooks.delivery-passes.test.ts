// The webhook delivery worker a pass at a time, on real databases and a real HTTP receiver
// that checks every signature: a pass claims its batch in one statement and records every
// outcome in one, two workers side by side never POST the same delivery twice (SKIP
// LOCKED), an answer that comes back after its lease ran out leaves the newer claim alone,
// and deliveries the pass had no time for are handed back as they were.
import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { freshDatabase, testDatabases, type DbKind } from './helpers/harness.ts';
import type { Kdb } from '../src/platform/db/index.ts';
import { ensureTenant } from '../src/modules/access/index.ts';
import { sendDueWebhooks, verifySignature, webhookBatchSize, WEBHOOK_BATCH_SIZE, WEBHOOK_BATCH_SIZE_POSTGRES } from '../src/modules/webhooks/index.ts';

const TENANT = 'ten_webhookpasses';
const SECRET = 'whsec_passes_test_secret';
const HOUR = 3_600_000;

interface Held { delivery: string; n: number; attempt: number; answer(status: number): void }

/**
 * A receiver on 127.0.0.1 that verifies signatures and counts what it got. While `hold` is
 * on, requests wait in `held` until the test answers them; otherwise it answers at once:
 * 500 for events whose n % 10 === 3, else 204.
 */
async function startReceiver() {
  const received: { delivery: string; n: number; signatureValid: boolean }[] = [];
  const held: Held[] = [];
  const state = { hold: false };
  const server = createServer((request, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = JSON.parse(raw.toString('utf8')) as { data: { n: number } };
      const delivery = String(request.headers['x-ordo-delivery']);
      const signatureValid = verifySignature(SECRET, raw, request.headers['x-ordo-signature'] as string | undefined);
      received.push({ delivery, n: body.data.n, signatureValid });
      const answer = (status: number) => response.writeHead(status).end(status >= 300 ? `status ${status}` : undefined);
      if (state.hold) held.push({ delivery, n: body.data.n, attempt: received.filter((r) => r.delivery === delivery).length, answer });
      else answer(!signatureValid ? 401 : body.data.n % 10 === 3 ? 500 : 204);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    received, held, state, url,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** A fresh database with the tenant and an endpoint pointing at a fresh receiver; both closed after the test. */
async function withSetUp(kind: DbKind, work: (db: Kdb, receiver: Receiver) => Promise<void>): Promise<void> {
  const fresh = await freshDatabase(kind);
  const receiver = await startReceiver();
  try {
    const db = fresh.db.kysely;
    await ensureTenant(db, TENANT, 'Webhook passes');
    await db.insertInto('webhook_endpoints').values({ tenant_id: TENANT, id: 'whk_passes', url: receiver.url, secret: SECRET, topics: ['*'] }).execute();
    await work(db, receiver);
  } finally {
    await receiver.close();
    await fresh.close();
  }
}

/** `count` pending deliveries of events n = 0…, due over the last minute, ten at a time sharing a due time. */
async function insertDeliveries(db: Kdb, count: number, extra: { attempts?: number; last_status?: number; last_error?: string } = {}): Promise<string[]> {
  const base = Date.now() - 60_000;
  const rows = Array.from({ length: count }, (_, n) => ({
    tenant_id: TENANT, id: `dlv_${String(n).padStart(5, '0')}`, endpoint_id: 'whk_passes', outbox_id: n, topic: 'bulk.item',
    payload: JSON.stringify({ id: `evt_${n}`, topic: 'bulk.item', created_at: new Date(base).toISOString(), data: { n } }),
    status: 'pending' as const, next_attempt_at: new Date(base + Math.floor(n / 10) * 100), ...extra,
  }));
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('webhook_deliveries').values(rows.slice(i, i + 500)).execute();
  return rows.map((r) => r.id);
}

async function deliveryRows(db: Kdb) {
  return db.selectFrom('webhook_deliveries')
    .select(['id', 'status', 'attempts', 'next_attempt_at', 'last_status', 'last_error', 'delivered_at'])
    .where('tenant_id', '=', TENANT).orderBy('id').execute();
}

/** Resolves once `check` holds (polled), or fails after a few seconds. */
async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

for (const kind of testDatabases()) {
  describe(`webhook delivery passes (${kind})`, () => {
    test('two workers side by side POST every due delivery exactly once and record every outcome', async () => {
      await withSetUp(kind, async (db, receiver) => {
        const ids = await insertDeliveries(db, 200);
        // The receiver holds the first POSTs until more are in flight than one pass sends at
        // once (20): both workers' passes are out together, so the second claim ran while
        // the first pass's rows were leased.
        receiver.state.hold = true;
        const drain = async () => {
          let claimed = 0;
          for (let n; (n = await sendDueWebhooks(db, { batchSize: 30 })) > 0;) claimed += n;
          return claimed;
        };
        const workers = Promise.all([drain(), drain()]);
        await until(() => receiver.held.length >= 30, 'two passes in flight');
        receiver.state.hold = false;
        for (const request of receiver.held.splice(0)) request.answer(request.n % 10 === 3 ? 500 : 204);
        const [claimedA, claimedB] = await workers;
        assert.equal(claimedA + claimedB, 200);
        assert.ok(claimedA > 0 && claimedB > 0, `both workers worked: ${claimedA} + ${claimedB}`);
        assert.equal(receiver.received.length, 200, 'no delivery POSTed twice');
        assert.deepEqual([...new Set(receiver.received.map((r) => r.delivery))].sort(), ids);
        assert.ok(receiver.received.every((r) => r.signatureValid));

        for (const row of await deliveryRows(db)) {
          const n = Number(row.id.slice(4));
          const context = JSON.stringify(row);
          assert.equal(row.attempts, 1, context);
          if (n % 10 === 3) {
            assert.deepEqual([row.status, row.last_status, row.last_error, row.delivered_at], ['pending', 500, 'HTTP 500: status 500', null], context);
            assert.ok(row.next_attempt_at.getTime() > Date.now() + 15_000, context);
          } else {
            assert.deepEqual([row.status, row.last_status, row.last_error], ['delivered', 204, null], context);
            assert.ok(row.delivered_at instanceof Date, context);
          }
        }
        assert.equal(await sendDueWebhooks(db), 0, 'nothing due until the retries\' backoff has passed');
      });
    });

    test('an answer that comes back after its lease ran out does not overwrite the newer claim', async () => {
      await withSetUp(kind, async (db, receiver) => {
        await insertDeliveries(db, 3);
        receiver.state.hold = true;
        const firstPass = sendDueWebhooks(db);
        await until(() => receiver.held.length === 3, 'the first pass to POST');
        assert.deepEqual((await deliveryRows(db)).map((r) => [r.status, r.attempts]), [['pending', 1], ['pending', 1], ['pending', 1]]);
        // Another worker, its clock past the lease, claims the same deliveries while the
        // first pass's POSTs are still in flight.
        const secondPass = sendDueWebhooks(db, { now: new Date(Date.now() + HOUR) });
        await until(() => receiver.held.length === 6, 'the second pass to POST');
        assert.deepEqual(receiver.held.map((h) => h.attempt), [1, 1, 1, 2, 2, 2]);
        assert.deepEqual((await deliveryRows(db)).map((r) => r.attempts), [2, 2, 2]);

        // The first pass's POSTs fail late: their outcome belongs to a claim that is no longer current.
        for (const request of receiver.held.slice(0, 3)) request.answer(503);
        assert.equal(await firstPass, 3);
        assert.deepEqual((await deliveryRows(db)).map((r) => [r.status, r.attempts, r.last_status, r.last_error]),
          [['pending', 2, null, null], ['pending', 2, null, null], ['pending', 2, null, null]]);

        for (const request of receiver.held.slice(3)) request.answer(204);
        assert.equal(await secondPass, 3);
        assert.deepEqual((await deliveryRows(db)).map((r) => [r.status, r.attempts, r.last_status]),
          [['delivered', 2, 204], ['delivered', 2, 204], ['delivered', 2, 204]]);
      });
    });

    test('deliveries a pass had no time to start are handed back as they were, and the next pass sends them', async () => {
      await withSetUp(kind, async (db, receiver) => {
        await insertDeliveries(db, 4, { attempts: 3, last_status: 502, last_error: 'HTTP 502' });
        const before = await deliveryRows(db);
        assert.equal(await sendDueWebhooks(db, { sendWindowMs: 0 }), 4);
        assert.equal(receiver.received.length, 0);
        assert.deepEqual(await deliveryRows(db), before, 'handed back: attempts, due time and last answer as before the claim');

        assert.equal(await sendDueWebhooks(db), 4);
        assert.deepEqual((await deliveryRows(db)).map((r) => [r.status, r.attempts, r.last_status]), [
          ['delivered', 4, 204], ['delivered', 4, 204], ['delivered', 4, 204], ['pending', 4, 500],
        ]);
      });
    });
  });
}

test('passes are small on the embedded database, bigger on PostgreSQL', () => {
  assert.equal(webhookBatchSize({ databaseUrl: undefined }), WEBHOOK_BATCH_SIZE);
  assert.equal(webhookBatchSize({ databaseUrl: 'postgres://db/ordo' }), WEBHOOK_BATCH_SIZE_POSTGRES);
  assert.ok(WEBHOOK_BATCH_SIZE <= 20 && WEBHOOK_BATCH_SIZE_POSTGRES > WEBHOOK_BATCH_SIZE);
});
