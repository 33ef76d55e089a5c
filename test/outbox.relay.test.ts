// The outbox relay on real databases: every row handled exactly once by two relays at
// once, a failing subscriber retried with backoff without holding up the other rows, and
// given up on after the last attempt.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, testDatabases } from './helpers/harness.ts';
import { ensureTenant } from '../src/modules/access/index.ts';
import { openDatabase, type Db, type Kdb } from '../src/platform/db/index.ts';
import { enqueueOutbox } from '../src/platform/outbox.ts';
import { OUTBOX_BACKOFF, runOutboxRelayOnce, type OutboxMessage, type OutboxSubscriber } from '../src/platform/outbox/index.ts';

async function queue(db: Kdb, tenantId: string, topic: string, count: number): Promise<void> {
  await enqueueOutbox(db, tenantId, Array.from({ length: count }, (_, i) => ({ topic, aggregateId: `agg_${i}`, payload: { order_id: `ord_${i}`, n: i } })));
}

/** A subscriber that writes a timeline row per event, so its writes are visible (and roll back). */
function recordingSubscriber(topics: string[], seen: number[], failWhen: (m: OutboxMessage) => boolean = () => false): OutboxSubscriber {
  return {
    name: 'test-recorder', topics,
    async handle(trx, message) {
      seen.push(message.id);
      await trx.insertInto('order_events').values({ tenant_id: message.tenantId, order_id: `evt_${message.id}`, type: 'test.handled', actor: 'test', data: '{}' }).execute();
      if (failWhen(message)) throw new Error(`refused ${message.id}`);
    },
  };
}

async function outboxRows(db: Kdb, tenantId: string) {
  return db.selectFrom('outbox').select(['id', 'topic', 'published_at', 'attempts', 'next_attempt_at', 'last_error', 'failed_at'])
    .where('tenant_id', '=', tenantId).orderBy('id').execute();
}

async function handledEvents(db: Kdb, tenantId: string): Promise<string[]> {
  const rows = await db.selectFrom('order_events').select('order_id').where('tenant_id', '=', tenantId).where('type', '=', 'test.handled').execute();
  return rows.map((r) => r.order_id);
}

for (const kind of testDatabases()) {
  describe(`outbox relay (${kind})`, () => {
    let fresh: Awaited<ReturnType<typeof freshDatabase>>;
    let db: Kdb;
    let tenantSeq = 0;
    const newTenant = async () => {
      const id = `ten_relay${kind}${++tenantSeq}`;
      await ensureTenant(db, id, 'Relay test');
      return id;
    };
    before(async () => { fresh = await freshDatabase(kind); db = fresh.db.kysely; });
    after(async () => { await fresh.close(); });

    test('two relays at once handle every row exactly once', async () => {
      const tenantId = await newTenant();
      await queue(db, tenantId, 'test.counted', 300);
      // On PostgreSQL the second relay has its own pool, like a second process.
      const second: Db | null = fresh.url ? await openDatabase({ url: fresh.url, poolMax: 2 }) : null;
      const seen: number[] = [];
      const subscribers = [recordingSubscriber(['test.*'], seen)];
      const relayUntilEmpty = async (relayDb: Kdb, order: number[]) => {
        for (;;) {
          const result = await runOutboxRelayOnce(relayDb, { subscribers, batchSize: 20 });
          if (result.claimed === 0) return;
          assert.equal(result.published, result.claimed);
          order.push(result.claimed);
        }
      };
      try {
        await Promise.all([relayUntilEmpty(db, []), relayUntilEmpty(second?.kysely ?? db, []), relayUntilEmpty(db, [])]);
      } finally {
        await second?.close();
      }
      const rows = await outboxRows(db, tenantId);
      assert.equal(rows.length, 300);
      assert.ok(rows.every((r) => r.published_at !== null && r.attempts === 1 && r.last_error === null));
      assert.equal(seen.length, 300);
      assert.equal(new Set(seen).size, 300);
      const handled = await handledEvents(db, tenantId);
      assert.equal(handled.length, 300);
      assert.equal(new Set(handled).size, 300);
    });

    test('only subscribers of the topic run; events nobody subscribes to are still marked published', async () => {
      const tenantId = await newTenant();
      await queue(db, tenantId, 'other.thing', 2);
      await queue(db, tenantId, 'test.one', 1);
      const seen: number[] = [];
      const result = await runOutboxRelayOnce(db, { subscribers: [recordingSubscriber(['test.one'], seen)] });
      assert.equal(result.published, 3);
      assert.equal(seen.length, 1);
      assert.ok((await outboxRows(db, tenantId)).every((r) => r.published_at !== null));
    });

    test('a failing subscriber is retried with backoff, its writes rolled back, the other rows go through', async () => {
      const tenantId = await newTenant();
      await queue(db, tenantId, 'test.flaky', 5);
      const rowsBefore = await outboxRows(db, tenantId);
      const flakyId = rowsBefore[2]!.id;
      let refuse = true;
      const seen: number[] = [];
      const subscribers = [recordingSubscriber(['test.flaky'], seen, (m) => refuse && m.id === flakyId)];
      const now = new Date(Date.now() + 1_000);

      const first = await runOutboxRelayOnce(db, { subscribers, now });
      assert.deepEqual({ published: first.published, retrying: first.retrying, failed: first.failed }, { published: 4, retrying: 1, failed: 0 });
      const flaky = (await outboxRows(db, tenantId)).find((r) => r.id === flakyId)!;
      assert.equal(flaky.published_at, null);
      assert.equal(flaky.attempts, 1);
      assert.match(flaky.last_error ?? '', /refused/);
      assert.ok(new Date(flaky.next_attempt_at).getTime() > now.getTime());
      assert.ok(!(await handledEvents(db, tenantId)).includes(`evt_${flakyId}`), 'the failed attempt left nothing behind');

      // Not due yet at the same moment: nothing is claimed.
      assert.equal((await runOutboxRelayOnce(db, { subscribers, now })).claimed, 0);

      refuse = false;
      const later = new Date(now.getTime() + OUTBOX_BACKOFF.maxMs * 2);
      const second = await runOutboxRelayOnce(db, { subscribers, now: later });
      assert.equal(second.published, 1);
      const done = (await outboxRows(db, tenantId)).find((r) => r.id === flakyId)!;
      assert.notEqual(done.published_at, null);
      assert.equal(done.attempts, 2);
      assert.equal(done.last_error, null);
      const handled = await handledEvents(db, tenantId);
      assert.equal(handled.filter((h) => h === `evt_${flakyId}`).length, 1);
      assert.equal(handled.length, 5);
    });

    test('after the last attempt a row is marked failed and no longer claimed', async () => {
      const tenantId = await newTenant();
      await queue(db, tenantId, 'test.broken', 1);
      const subscribers = [recordingSubscriber(['test.broken'], [], () => true)];
      let now = Date.now() + 1_000;
      for (let attempt = 1; attempt <= OUTBOX_BACKOFF.attemptsMax; attempt++) {
        const result = await runOutboxRelayOnce(db, { subscribers, now: new Date(now) });
        assert.equal(result.claimed, 1, `attempt ${attempt}`);
        assert.equal(result.failed, attempt === OUTBOX_BACKOFF.attemptsMax ? 1 : 0);
        now += OUTBOX_BACKOFF.maxMs * 2;
      }
      assert.equal((await runOutboxRelayOnce(db, { subscribers, now: new Date(now) })).claimed, 0);
      const [row] = await outboxRows(db, tenantId);
      assert.notEqual(row!.failed_at, null);
      assert.equal(row!.published_at, null);
      assert.equal(row!.attempts, OUTBOX_BACKOFF.attemptsMax);
    });
  });
}
