// The e-mail sender a pass at a time, on real databases: a pass claims its batch in one
// statement and records every outcome in one, two senders side by side never claim the
// same mail (SKIP LOCKED), an outcome that comes back after its lease ran out leaves the
// newer claim alone, and mails the pass had no time for are handed back as they were.
// The senders here are stand-ins for SMTP that answer what the test says (the SMTP path
// itself is covered by notifications.mail.test.ts); the database is real.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { freshDatabase, testDatabases, type DbKind } from './helpers/harness.ts';
import type { Kdb } from '../src/platform/db/index.ts';
import { ensureTenant } from '../src/modules/access/index.ts';
import {
  mailBatchSize, sendDueNotifications, MAIL_BATCH_SIZE, MAIL_BATCH_SIZE_POSTGRES, type ClaimedMail, type MailOutcome, type MailSender,
} from '../src/modules/notifications/index.ts';
import { recordMailOutcomes } from '../src/modules/notifications/mail-queue.repository.ts';

const TENANT = 'ten_senderpasses';
const HOUR = 3_600_000;

/** A fresh database with the tenant; closed (and dropped) after the test. */
async function withDatabase(kind: DbKind, work: (db: Kdb) => Promise<void>): Promise<void> {
  const fresh = await freshDatabase(kind);
  try {
    await ensureTenant(fresh.db.kysely, TENANT, 'Sender passes');
    await work(fresh.db.kysely);
  } finally {
    await fresh.close();
  }
}

/** `count` pending mails to buyer0…, due over the last minute, ten at a time sharing a due time (as a relay batch stores them). */
async function insertMails(db: Kdb, count: number, extra: { attempts?: number; last_error?: string } = {}): Promise<string[]> {
  const base = Date.now() - 60_000;
  const rows = Array.from({ length: count }, (_, n) => ({
    tenant_id: TENANT, id: `ntf_${String(n).padStart(5, '0')}`, order_id: null, outbox_id: n, template: 'order_confirmed',
    recipient: `buyer${n}@example.com`, subject: `Order #${n} confirmed`, body_text: `Thanks for order ${n}.`, body_html: null,
    status: 'pending' as const, next_attempt_at: new Date(base + Math.floor(n / 10) * 100), ...extra,
  }));
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('notifications').values(rows.slice(i, i + 500)).execute();
  return rows.map((r) => r.id);
}

async function mailRows(db: Kdb) {
  return db.selectFrom('notifications')
    .select(['id', 'recipient', 'status', 'attempts', 'next_attempt_at', 'last_error', 'smtp_response', 'sent_at'])
    .where('tenant_id', '=', TENANT).orderBy('id').execute();
}

/** What the stand-in answers for buyer<n>: mostly sent or logged, some refused for now, a few refused for good. */
function outcomeFor(mail: ClaimedMail): MailOutcome {
  const n = Number(/^buyer(\d+)@/.exec(mail.recipient)?.[1]);
  if (n % 10 === 3) return { kind: 'retry', error: `451 busy ${n}`, nextAttemptAt: new Date(mail.now.getTime() + 60_000) };
  if (n % 25 === 7) return { kind: 'failed', error: `550 no such user ${n}` };
  return n % 2 === 0 ? { kind: 'sent', response: `250 queued ${n}` } : { kind: 'logged' };
}

/** A stand-in for SMTP: remembers the mails it was given and answers what `answer` says (which may keep it waiting). */
function standInSender(answer: (mail: ClaimedMail) => MailOutcome | Promise<MailOutcome>, inFlight = 4): MailSender & { given: ClaimedMail[] } {
  const given: ClaimedMail[] = [];
  return {
    given, inFlight,
    async send(mail) {
      given.push(mail);
      return answer(mail);
    },
    close() {},
  };
}

/** A promise and the function that resolves it. */
function gate<T = void>(): { promise: Promise<T>; open: (value: T) => void } {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => { open = resolve; });
  return { promise, open };
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
  describe(`e-mail sender passes (${kind})`, () => {
    test('two senders side by side claim every due mail exactly once and record every outcome', async () => {
      await withDatabase(kind, async (db) => {
        const ids = await insertMails(db, 250);
        // Each sender holds its first mail until the other has one too: both passes are in
        // flight at once, so the second claim ran while the first pass's rows were leased.
        const started = new Set<string>();
        const bothStarted = gate();
        const holdUntilBoth = (name: string) => async (mail: ClaimedMail) => {
          started.add(name);
          if (started.size === 2) bothStarted.open();
          await bothStarted.promise;
          return outcomeFor(mail);
        };
        const a = standInSender(holdUntilBoth('a'));
        const b = standInSender(holdUntilBoth('b'));
        const drain = async (sender: MailSender) => {
          let claimed = 0;
          for (let n; (n = await sendDueNotifications(db, sender, { batchSize: 40 })) > 0;) claimed += n;
          return claimed;
        };
        const [claimedA, claimedB] = await Promise.all([drain(a), drain(b)]);
        assert.equal(claimedA + claimedB, 250);
        assert.ok(claimedA > 0 && claimedB > 0, `both senders worked: ${claimedA} + ${claimedB}`);
        const given = [...a.given, ...b.given].map((m) => m.id);
        assert.equal(given.length, 250, 'no mail handed to a sender twice');
        assert.deepEqual([...new Set(given)].sort(), ids);

        for (const row of await mailRows(db)) {
          const n = Number(row.id.slice(4));
          const context = JSON.stringify(row);
          assert.equal(row.attempts, 1, context);
          if (n % 10 === 3) {
            assert.deepEqual([row.status, row.last_error, row.sent_at], ['pending', `451 busy ${n}`, null], context);
            assert.ok(row.next_attempt_at.getTime() > Date.now() + 30_000, context);
          } else if (n % 25 === 7) {
            assert.deepEqual([row.status, row.last_error, row.sent_at], ['failed', `550 no such user ${n}`, null], context);
          } else if (n % 2 === 0) {
            assert.deepEqual([row.status, row.smtp_response, row.last_error], ['sent', `250 queued ${n}`, null], context);
            assert.ok(row.sent_at instanceof Date, context);
          } else {
            assert.deepEqual([row.status, row.smtp_response, row.last_error], ['logged', null, null], context);
            assert.ok(row.sent_at instanceof Date, context);
          }
        }
        assert.equal(await sendDueNotifications(db, a), 0, 'nothing due until the retries\' backoff has passed');
      });
    });

    test('an outcome that comes back after its lease ran out does not overwrite the newer claim', async () => {
      await withDatabase(kind, async (db) => {
        await insertMails(db, 3);
        // The first pass's sends hang past the lease: another sender (its clock past the
        // lease) claims the same mails again while they are still in flight.
        const first = gate<MailOutcome>();
        const late = standInSender(() => first.promise);
        const firstPass = sendDueNotifications(db, late);
        await until(() => late.given.length === 3, 'the first pass to send');
        let rows = await mailRows(db);
        assert.deepEqual(rows.map((r) => [r.status, r.attempts]), [['pending', 1], ['pending', 1], ['pending', 1]]);

        const second = gate<MailOutcome>();
        const current = standInSender(() => second.promise);
        const secondPass = sendDueNotifications(db, current, { now: new Date(Date.now() + HOUR) });
        await until(() => current.given.length === 3, 'the second pass to send');
        assert.deepEqual(current.given.map((m) => m.attempts), [2, 2, 2]);

        // The first pass finally answers: its failure belongs to a claim that is no longer current.
        first.open({ kind: 'failed', error: 'too late to count' });
        assert.equal(await firstPass, 3);
        rows = await mailRows(db);
        assert.deepEqual(rows.map((r) => [r.status, r.attempts, r.last_error]), [['pending', 2, null], ['pending', 2, null], ['pending', 2, null]]);

        second.open({ kind: 'sent', response: '250 ok' });
        assert.equal(await secondPass, 3);
        rows = await mailRows(db);
        assert.deepEqual(rows.map((r) => [r.status, r.attempts, r.smtp_response]), [['sent', 2, '250 ok'], ['sent', 2, '250 ok'], ['sent', 2, '250 ok']]);

        // Nor does a late success undo a newer claim's retry: the outcome of a claim from
        // attempts ago, recorded now, is dropped.
        await db.updateTable('notifications').set({ status: 'pending', attempts: 4, last_error: 'newer', next_attempt_at: new Date(Date.now() + HOUR) })
          .where('tenant_id', '=', TENANT).execute();
        const [mail] = current.given;
        assert.ok(mail);
        assert.equal(await recordMailOutcomes(db, [{ mail: { ...mail, attempts: 3 }, outcome: { kind: 'sent', response: '250 stale' } }]), 0);
        assert.deepEqual((await mailRows(db)).map((r) => [r.status, r.attempts, r.last_error]), [['pending', 4, 'newer'], ['pending', 4, 'newer'], ['pending', 4, 'newer']]);
      });
    });

    test('mails a pass had no time to start are handed back as they were, and the next pass sends them', async () => {
      await withDatabase(kind, async (db) => {
        await insertMails(db, 5, { attempts: 2, last_error: 'an earlier refusal' });
        const before = await mailRows(db);
        // One send at a time, each longer than the window: the first goes, the rest go back.
        const slow = standInSender(async () => {
          await new Promise((resolve) => setTimeout(resolve, 60));
          return { kind: 'logged' };
        }, 1);
        assert.equal(await sendDueNotifications(db, slow, { sendWindowMs: 20 }), 5);
        assert.equal(slow.given.length, 1);
        const after = await mailRows(db);
        assert.deepEqual([after[0]!.status, after[0]!.attempts, after[0]!.last_error], ['logged', 3, null]);
        assert.deepEqual(after.slice(1), before.slice(1), 'handed back: attempts, due time and last error as before the claim');

        const quick = standInSender(() => ({ kind: 'logged' }));
        assert.equal(await sendDueNotifications(db, quick), 4);
        assert.deepEqual((await mailRows(db)).map((r) => [r.status, r.attempts]), Array.from({ length: 5 }, () => ['logged', 3]));
      });
    });

    test('a sender that throws fails only its own mail', async () => {
      await withDatabase(kind, async (db) => {
        await insertMails(db, 4);
        const flaky = standInSender((mail) => {
          if (mail.recipient === 'buyer2@example.com') throw new Error('connection reset');
          return { kind: 'sent', response: '250 ok' };
        });
        assert.equal(await sendDueNotifications(db, flaky), 4);
        assert.deepEqual((await mailRows(db)).map((r) => [r.recipient, r.status, r.attempts, r.last_error]), [
          ['buyer0@example.com', 'sent', 1, null], ['buyer1@example.com', 'sent', 1, null],
          ['buyer2@example.com', 'pending', 1, 'connection reset'], ['buyer3@example.com', 'sent', 1, null],
        ]);
      });
    });
  });
}

test('passes are small on the embedded database, bigger on PostgreSQL', () => {
  assert.equal(mailBatchSize({ databaseUrl: undefined }), MAIL_BATCH_SIZE);
  assert.equal(mailBatchSize({ databaseUrl: 'postgres://db/ordo' }), MAIL_BATCH_SIZE_POSTGRES);
  assert.ok(MAIL_BATCH_SIZE <= 20 && MAIL_BATCH_SIZE_POSTGRES > MAIL_BATCH_SIZE);
});
