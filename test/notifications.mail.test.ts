// Customer e-mails end to end on real databases and a real SMTP receiver: the relay renders
// them from outbox events, the sender delivers them over SMTP (retrying a refusal), and
// the order's notifications list shows what went out.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';
import { enqueueOutbox } from '../src/platform/outbox.ts';
import { runOutboxRelayOnce } from '../src/platform/outbox/index.ts';
import { logSender, MAIL_BACKOFF, sendDueNotifications, smtpSender } from '../src/modules/notifications/index.ts';
import { createOrder, type OrderView } from '../src/modules/orders/index.ts';
import { transaction } from '../src/platform/http/index.ts';

interface ReceivedMail { from: string; to: string[]; raw: string; subject: string; text: string }

/** Undoes quoted-printable soft breaks and escapes, enough to read a mail's text. */
function decodeQuotedPrintable(text: string): string {
  const bytes = Buffer.from(text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  return bytes.toString('utf8');
}

/** A local SMTP server that keeps what it receives; `refuse` makes it answer 451 to recipients. */
async function startSmtpReceiver() {
  const mails: ReceivedMail[] = [];
  const state = { refuse: 0 };
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.refuse > 0) {
        state.refuse -= 1;
        const error = Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const subject = /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? '';
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address),
          raw, subject, text: decodeQuotedPrintable(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { mails, state, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const PUBLIC_URL = 'https://shop.example.com';

for (const kind of testDatabases()) {
  describe(`notifications by e-mail (${kind})`, () => {
    let app: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
    let sender: ReturnType<typeof smtpSender>;
    const relay = (now?: Date) => runOutboxRelayOnce(app.db.kysely, { config: app.config, now });
    const send = (now?: Date) => sendDueNotifications(app.db.kysely, sender, { now });

    before(async () => {
      smtp = await startSmtpReceiver();
      app = await startTestApp(kind, { smtpUrl: smtp.url, publicUrl: PUBLIC_URL, mailFrom: 'Shop <orders@shop.example.com>' });
      sender = smtpSender(smtp.url, app.config.mailFrom);
      // Earlier suites' events (other tenants) must not be in the way.
      while ((await relay()).claimed > 0);
    });
    after(async () => {
      sender.close();
      await app.close();
      await smtp.close();
    });

    async function shopWithOrder(t: TenantClient, extra: Record<string, unknown> = {}) {
      await setUpShop(t, { products: [{ sku: 'TEE-M', price: 1999 }], stock: { 'TEE-M': { 'WH-1': 10 } } });
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 2 }], extra));
      assert.equal(order.status, 201, JSON.stringify(order.body));
      return order.body as { id: string; number: string };
    }

    test('order confirmed and shipped mails reach the SMTP server with subject, recipient and tracking number', async () => {
      const t = await app.tenant();
      const order = await shopWithOrder(t);
      await relay();
      let list = await t.request('GET', `/v1/orders/${order.number}/notifications`);
      assert.equal(list.status, 200);
      assert.deepEqual(list.body.data.map((n: any) => [n.template, n.status, n.recipient]), [['order_confirmed', 'pending', 'ana@example.com']]);

      await enqueueOutbox(app.db.kysely, t.tenantId, [{
        topic: 'shipment.created', aggregateId: 'shp_test',
        payload: { order_id: order.id, shipment_id: 'shp_test', tracking_number: 'ORD000000004242', carrier: 'rate_table', service: 'Ground' },
      }]);
      await relay();
      assert.equal(await send(), 2);

      const mine = smtp.mails.filter((m) => m.raw.includes(`#${order.number} `));
      const confirmed = mine.find((m) => m.subject === `Order #${order.number} confirmed`);
      const shipped = mine.find((m) => m.subject === `Order #${order.number} has shipped`);
      assert.ok(confirmed && shipped, `mails: ${smtp.mails.map((m) => m.subject).join(' | ')}`);
      assert.deepEqual(confirmed.to, ['ana@example.com']);
      assert.equal(confirmed.from, 'orders@shop.example.com');
      assert.match(confirmed.text, /2 × Product TEE-M/);
      assert.match(confirmed.text, /Total: \$39\.98/);
      assert.match(shipped.text, /Tracking number: ORD000000004242/);
      assert.ok(shipped.text.includes(`${PUBLIC_URL}/track?tracking_number=ORD000000004242&tenant=${t.tenantId}`), shipped.text);
      assert.match(shipped.raw, /Content-Type: text\/html/i);

      list = await t.request('GET', `/v1/orders/${order.id}/notifications`);
      assert.deepEqual(list.body.data.map((n: any) => [n.template, n.status, n.attempts]), [['order_confirmed', 'sent', 1], ['order_shipped', 'sent', 1]]);
      assert.ok(list.body.data.every((n: any) => n.sent_at !== null && n.last_error === null));
    });

    test('each mail topic renders its template; orders without an e-mail get none', async () => {
      const t = await app.tenant();
      const order = await shopWithOrder(t);
      const anonymous = await t.request('POST', '/v1/orders', { ...orderBody([{ sku: 'TEE-M', quantity: 1 }]), customer: undefined });
      assert.equal(anonymous.status, 201);
      const events = [
        { topic: 'order.ready_for_pickup', payload: { order_id: order.id, fulfillment_order_id: 'ful_x', location: 'WH-1' } },
        { topic: 'order.delivered', payload: { order_id: order.id } },
        { topic: 'return.approved', payload: { order_id: order.id, return_id: 'ret_x', number: 1001 } },
        { topic: 'refund.issued', payload: { order_id: order.id, refund_id: 'ref_x', amount: 1250, currency: 'USD' } },
        { topic: 'order.canceled', payload: { order_id: order.id } },
        { topic: 'order.held', payload: { order_id: order.id } },
        { topic: 'order.delivered', payload: { order_id: anonymous.body.id } },
      ];
      await enqueueOutbox(app.db.kysely, t.tenantId, events.map((e) => ({ ...e, aggregateId: order.id })));
      const result = await relay();
      assert.equal(result.retrying, 0);
      const list = await t.request('GET', `/v1/orders/${order.id}/notifications`);
      const subjects = Object.fromEntries(list.body.data.map((n: any) => [n.template, n.subject]));
      assert.deepEqual(subjects, {
        order_confirmed: `Order #${order.number} confirmed`,
        ready_for_pickup: `Order #${order.number} is ready for pickup`,
        order_delivered: `Order #${order.number} was delivered`,
        return_approved: `Return approved for order #${order.number}`,
        refund_issued: `Refund of $12.50 for order #${order.number}`,
        order_canceled: `Order #${order.number} canceled`,
      });
      const delivered = list.body.data.find((n: any) => n.template === 'order_delivered');
      const token = new RegExp(`${PUBLIC_URL}/survey/([A-Za-z0-9_-]{32,64})`).exec(delivered.body_text)?.[1];
      assert.ok(token, delivered.body_text);
      assert.ok(delivered.body_html.includes(`href="${PUBLIC_URL}/survey/${token}"`));
      const survey = await app.db.kysely.selectFrom('surveys').select('order_id').where('tenant_id', '=', t.tenantId).execute();
      assert.deepEqual(survey, [{ order_id: order.id }], 'one survey offered, for the delivered order');
      const pickup = list.body.data.find((n: any) => n.template === 'ready_for_pickup');
      assert.match(pickup.body_text, /ready for pickup at WH-1, 1 Dock Rd, Town/);
      const none = await t.request('GET', `/v1/orders/${anonymous.body.id}/notifications`);
      assert.deepEqual(none.body.data, []);
    });

    test('an imported, back-dated order gets no confirmation mail', async () => {
      const t = await app.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 5 } } });
      const principal = { tenantId: t.tenantId, keyId: 'test', role: 'admin' as const, channelId: null, actor: 'test' };
      const placedAt = new Date(Date.now() - 30 * 86_400_000);
      const imported: OrderView = await transaction(app.db.kysely, (trx) => createOrder(trx, principal, orderBody([{ sku: 'TEE-M', quantity: 1 }]) as never, { placedAt }));
      assert.equal(imported.customer?.email, 'ana@example.com');
      await relay();
      assert.deepEqual((await t.request('GET', `/v1/orders/${imported.id}/notifications`)).body.data, []);
    });

    test('canceling an order through the API mails the customer, without the internal reason', async () => {
      const t = await app.tenant();
      const order = await shopWithOrder(t);
      const canceled = await t.request('POST', `/v1/orders/${order.id}/cancel`, { reason: 'fraud score 97' });
      assert.equal(canceled.status, 200, JSON.stringify(canceled.body));
      await relay();
      const list = (await t.request('GET', `/v1/orders/${order.id}/notifications`)).body.data;
      assert.deepEqual(list.map((n: any) => n.template), ['order_confirmed', 'order_canceled']);
      assert.ok(!list[1].body_text.includes('fraud') && !list[1].body_html.includes('fraud'));
    });

    test('customer text is escaped in the HTML mail', async () => {
      const t = await app.tenant();
      const order = await shopWithOrder(t, { customer: { email: 'eve@example.com', name: '<script>alert(1)</script> & "Eve"' } });
      await relay();
      const [mail] = (await t.request('GET', `/v1/orders/${order.id}/notifications`)).body.data;
      assert.ok(!mail.body_html.includes('<script>'), mail.body_html);
      assert.ok(mail.body_html.includes('Hi &lt;script&gt;alert(1)&lt;/script&gt;,'));
    });

    test('a refused mail is retried with backoff, then sent once; after the last attempt it fails', async () => {
      const t = await app.tenant();
      const order = await shopWithOrder(t);
      while (await send() > 0); // other tests' mails out of the way
      await relay();
      smtp.state.refuse = 1;
      const before = smtp.mails.length;
      assert.equal(await send(), 1);
      let [mail] = (await t.request('GET', `/v1/orders/${order.id}/notifications`)).body.data;
      assert.equal(mail.status, 'pending');
      assert.equal(mail.attempts, 1);
      assert.match(mail.last_error, /451|busy/);
      assert.equal(await send(), 0, 'not due again until the backoff has passed');
      assert.equal(await send(new Date(Date.now() + MAIL_BACKOFF.maxMs * 2)), 1);
      [mail] = (await t.request('GET', `/v1/orders/${order.id}/notifications`)).body.data;
      assert.equal(mail.status, 'sent');
      assert.equal(mail.attempts, 2);
      assert.equal(smtp.mails.length, before + 1);

      // A recipient the server always refuses: failed after MAIL_BACKOFF.attemptsMax tries.
      const doomed = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }], { customer: { email: 'nobody@example.com' } }));
      await relay();
      smtp.state.refuse = MAIL_BACKOFF.attemptsMax;
      let now = Date.now();
      for (let i = 0; i < MAIL_BACKOFF.attemptsMax; i++) {
        assert.equal(await send(new Date(now)), 1);
        now += MAIL_BACKOFF.maxMs * 2;
      }
      const [failed] = (await t.request('GET', `/v1/orders/${doomed.body.id}/notifications`)).body.data;
      assert.equal(failed.status, 'failed');
      assert.equal(failed.attempts, MAIL_BACKOFF.attemptsMax);
      assert.equal(await send(new Date(now)), 0);
    });

    test('two senders at once send every mail exactly once', async () => {
      const t = await app.tenant();
      await setUpShop(t, { products: [{ sku: 'MUG', price: 900 }], stock: { MUG: { 'WH-1': 100 } } });
      const emails = Array.from({ length: 12 }, (_, i) => `buyer${i}@parallel.example.com`);
      for (const email of emails) {
        assert.equal((await t.request('POST', '/v1/orders', orderBody([{ sku: 'MUG', quantity: 1 }], { customer: { email } }))).status, 201);
      }
      await relay();
      const before = smtp.mails.length;
      const other = smtpSender(smtp.url, app.config.mailFrom);
      try {
        const counts = await Promise.all([
          sendDueNotifications(app.db.kysely, sender, { batchSize: 5 }), sendDueNotifications(app.db.kysely, other, { batchSize: 5 }),
          sendDueNotifications(app.db.kysely, sender, { batchSize: 5 }), sendDueNotifications(app.db.kysely, other, { batchSize: 5 }),
        ]);
        assert.equal(counts.reduce((a, b) => a + b, 0), 12);
      } finally {
        other.close();
      }
      const received = smtp.mails.slice(before).flatMap((m) => m.to).filter((to) => to.endsWith('@parallel.example.com'));
      assert.deepEqual(received.sort(), [...emails].sort());
    });

    test('without SMTP the mail is logged and marked logged, not sent', async () => {
      const t = await app.tenant();
      const order = await shopWithOrder(t);
      await relay();
      const logged: object[] = [];
      assert.equal(await sendDueNotifications(app.db.kysely, logSender({ info: (details) => { logged.push(details); } })), 1);
      const [mail] = (await t.request('GET', `/v1/orders/${order.id}/notifications`)).body.data;
      assert.equal(mail.status, 'logged');
      assert.ok(logged.some((l) => (l as { to?: string }).to === 'ana@example.com'));
    });

    test('a channel key sees the mails of its own orders only; unknown orders are 404', async () => {
      const t = await app.tenant();
      const order = await shopWithOrder(t);
      await t.request('POST', '/v1/channels', { code: 'pos', name: 'Store', kind: 'pos' });
      const own = t.as(await t.keyFor('channel', 'web'));
      const foreign = t.as(await t.keyFor('channel', 'pos'));
      assert.equal((await own.request('GET', `/v1/orders/${order.id}/notifications`)).status, 200);
      assert.equal((await foreign.request('GET', `/v1/orders/${order.id}/notifications`)).status, 404);
      assert.equal((await t.request('GET', '/v1/orders/ord_01jzzzzzzzzzzzzzzzzzzzzzzz/notifications')).status, 404);
    });
  });
}
