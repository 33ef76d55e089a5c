// Events to NATS JetStream (a real server on this machine; skipped when none answers):
// the relay publishes each event as ordo.<tenant>.<topic> with the event id as message id,
// a second publish of the same event is dropped as a duplicate (also when a batch is
// redone row by row), and while NATS cannot be reached the rows stay unpublished and are
// retried.
import assert from 'node:assert/strict';
import { connect as tcpConnect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { freshDatabase, testDatabases } from './helpers/harness.ts';
import { ensureTenant } from '../src/modules/access/index.ts';
import type { Kdb } from '../src/platform/db/index.ts';
import { enqueueOutbox } from '../src/platform/outbox.ts';
import { NATS_STREAM, natsPublisher, natsSubject, runOutboxRelayOnce, type EventPublisher, type OutboxMessage } from '../src/platform/outbox/index.ts';

const NATS_URL = process.env.ORDO_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

async function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url.replace(/^nats:/, 'http:'));
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: hostname, port: Number(port || 4222), timeout: 1_000 });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });
}

const natsUp = await reachable(NATS_URL);

/** Every message of the tenant's subjects in the stream, in order. */
async function streamMessages(nc: NatsConnection, tenantId: string): Promise<{ subject: string; msgId: string | undefined; body: any }[]> {
  const js = jetstream(nc);
  const consumer = await js.consumers.get(NATS_STREAM, { filter_subjects: natsSubject(tenantId, '>') });
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info(NATS_STREAM, { subjects_filter: natsSubject(tenantId, '>') });
  const expected = Object.values(info.state.subjects ?? {}).reduce((a, b) => a + b, 0);
  const out: { subject: string; msgId: string | undefined; body: any }[] = [];
  if (expected === 0) return out;
  const batch = await consumer.fetch({ max_messages: expected, expires: 2_000 });
  for await (const m of batch) {
    out.push({ subject: m.subject, msgId: m.headers?.get('Nats-Msg-Id'), body: m.json() });
    if (out.length === expected) break;
  }
  return out;
}

for (const kind of testDatabases()) {
  describe(`outbox to NATS JetStream (${kind})`, { skip: natsUp ? false : `no NATS server at ${NATS_URL}` }, () => {
    let fresh: Awaited<ReturnType<typeof freshDatabase>>;
    let db: Kdb;
    let nc: NatsConnection;
    before(async () => {
      fresh = await freshDatabase(kind);
      db = fresh.db.kysely;
      nc = await connect({ servers: NATS_URL });
    });
    after(async () => {
      await nc.close();
      await fresh.close();
    });

    test('each event is published once to ordo.<tenant>.<topic>; a repeat is deduplicated', async () => {
      const tenantId = `ten_nats${Date.now().toString(36)}${kind}`;
      await ensureTenant(db, tenantId, 'NATS test');
      await enqueueOutbox(db, tenantId, [
        { topic: 'order.created', aggregateId: 'ord_1', payload: { order_id: 'ord_1', number: '1001' } },
        { topic: 'shipment.created', aggregateId: 'shp_1', payload: { order_id: 'ord_1', shipment_id: 'shp_1', tracking_number: 'T1' } },
      ]);
      const publisher = natsPublisher(NATS_URL);
      try {
        const result = await runOutboxRelayOnce(db, { publisher, subscribers: [] });
        assert.equal(result.published, 2);
        const rows = await db.selectFrom('outbox').select(['id', 'topic', 'payload', 'created_at']).where('tenant_id', '=', tenantId).orderBy('id').execute();
        // The relay publishing the first event again (as after a failed commit) adds nothing.
        const first = rows[0]!;
        const again: OutboxMessage = { id: first.id, tenantId, topic: first.topic, aggregateId: 'ord_1', payload: first.payload, createdAt: new Date(first.created_at), attempts: 1 };
        await publisher.publish(again);

        const messages = await streamMessages(nc, tenantId);
        assert.deepEqual(messages.map((m) => [m.subject, m.msgId]), rows.map((r) => [natsSubject(tenantId, r.topic), `${tenantId}:evt_${r.id}`]));
        assert.deepEqual(messages[1]!.body.data, { order_id: 'ord_1', shipment_id: 'shp_1', tracking_number: 'T1' });
        assert.equal(messages[0]!.body.id, `evt_${first.id}`);
        assert.equal(messages[0]!.body.tenant_id, tenantId);
      } finally {
        await publisher.close();
      }
    });

    test('a batch that failed after some of its events went out publishes each event once', async () => {
      const tenantId = `ten_natsbatch${Date.now().toString(36)}${kind}`;
      await ensureTenant(db, tenantId, 'NATS batch');
      await enqueueOutbox(db, tenantId, ['ord_a', 'ord_b', 'ord_c'].map((id) => ({ topic: 'order.created', aggregateId: id, payload: { order_id: id } })));
      const ids = (await db.selectFrom('outbox').select('id').where('tenant_id', '=', tenantId).orderBy('id').execute()).map((r) => r.id);
      const real = natsPublisher(NATS_URL);
      // The middle event fails once: the batch's other two are out already when it is rolled
      // back, and go out again when the rows are redone one by one.
      const hiccup = new Set([ids[1]!]);
      const publisher: EventPublisher = {
        publish: async (message) => {
          if (hiccup.delete(message.id)) throw new Error('NATS hiccup');
          await real.publish(message);
        },
        close: () => real.close(),
      };
      try {
        const result = await runOutboxRelayOnce(db, { publisher, subscribers: [] });
        assert.deepEqual(result, { claimed: 3, published: 3, retrying: 0, failed: 0, rowByRow: true });
      } finally {
        await publisher.close();
      }
      const messages = await streamMessages(nc, tenantId);
      assert.deepEqual(messages.map((m) => m.msgId).sort(), ids.map((id) => `${tenantId}:evt_${id}`).sort());
    });

    test('while NATS cannot be reached, rows stay unpublished and are retried', async () => {
      const tenantId = `ten_natsdown${Date.now().toString(36)}${kind}`;
      await ensureTenant(db, tenantId, 'NATS down');
      await enqueueOutbox(db, tenantId, [{ topic: 'order.created', aggregateId: 'ord_2', payload: { order_id: 'ord_2' } }]);
      const down = natsPublisher('nats://127.0.0.1:1');
      try {
        const result = await runOutboxRelayOnce(db, { publisher: down, subscribers: [] });
        assert.equal(result.retrying, 1);
      } finally {
        await down.close();
      }
      const row = await db.selectFrom('outbox').select(['published_at', 'attempts', 'last_error']).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
      assert.equal(row.published_at, null);
      assert.equal(row.attempts, 1);
      assert.ok(row.last_error);
    });

    test('while NATS cannot be reached, a batch of rows stays unpublished and every row is retried', async () => {
      const tenantId = `ten_natsdownbatch${Date.now().toString(36)}${kind}`;
      await ensureTenant(db, tenantId, 'NATS down, batch');
      await enqueueOutbox(db, tenantId, ['ord_d', 'ord_e', 'ord_f'].map((id) => ({ topic: 'order.created', aggregateId: id, payload: { order_id: id } })));
      const down = natsPublisher('nats://127.0.0.1:1');
      try {
        const result = await runOutboxRelayOnce(db, { publisher: down, subscribers: [] });
        assert.deepEqual(result, { claimed: 3, published: 0, retrying: 3, failed: 0, rowByRow: true });
      } finally {
        await down.close();
      }
      const rows = await db.selectFrom('outbox').select(['published_at', 'attempts', 'last_error']).where('tenant_id', '=', tenantId).execute();
      assert.ok(rows.every((r) => r.published_at === null && r.attempts === 1 && r.last_error));
    });
  });
}
