// Webhooks end to end on real databases and a real HTTP receiver that checks every
// signature: endpoints (validation, secret shown once, permissions), deliveries made by
// the relay for matching topics, a failing endpoint retried until it answers 2xx.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';
import { enqueueOutbox } from '../src/platform/outbox.ts';
import { runOutboxRelayOnce } from '../src/platform/outbox/index.ts';
import { sendDueWebhooks, verifySignature, WEBHOOK_BACKOFF } from '../src/modules/webhooks/index.ts';

interface Received { path: string; headers: IncomingHttpHeaders; body: any; signatureValid: boolean }

/** A receiver on 127.0.0.1; per path: the secret to verify with and how many requests to fail first. */
async function startReceiver() {
  const received: Received[] = [];
  const routes = new Map<string, { secret: string; fail: number; hang?: boolean }>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const route = routes.get(request.url ?? '');
      if (route?.hang) return; // never answers: the sender's timeout must cut it off
      const signatureValid = route ? verifySignature(route.secret, raw, request.headers['x-ordo-signature'] as string | undefined) : false;
      received.push({ path: request.url ?? '', headers: request.headers, body: JSON.parse(raw.toString('utf8')), signatureValid });
      if (route && route.fail > 0) {
        route.fail -= 1;
        response.writeHead(500).end('temporarily broken');
        return;
      }
      response.writeHead(signatureValid ? 204 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    received, routes, base,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

for (const kind of testDatabases()) {
  describe(`webhooks (${kind})`, () => {
    let app: TestApp;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    const relay = () => runOutboxRelayOnce(app.db.kysely, { config: app.config });
    const deliver = (now?: Date, timeoutMs?: number) => sendDueWebhooks(app.db.kysely, { now, timeoutMs });

    before(async () => {
      receiver = await startReceiver();
      app = await startTestApp(kind);
    });
    after(async () => {
      await app.close();
      await receiver.close();
    });

    async function subscribe(t: TenantClient, path: string, topics: string[], fail = 0) {
      const created = await t.request('POST', '/v1/webhooks', { url: `${receiver.base}${path}`, topics });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      receiver.routes.set(path, { secret: created.body.secret, fail });
      return created.body as { id: string; secret: string };
    }

    test('bad endpoints are refused with the path, and nothing is written', async () => {
      const t = await app.tenant();
      const cases: [unknown, string][] = [
        [{ url: 'ftp://example.com/hook', topics: ['order.created'] }, 'url'],
        [{ url: 'javascript:alert(1)', topics: ['order.created'] }, 'url'],
        [{ url: 'not a url', topics: ['order.created'] }, 'url'],
        [{ url: 'https://user:pw@example.com/hook', topics: ['order.created'] }, 'url'],
        [{ url: 'https://example.com/hook', topics: ['order.created', 'Order.*'] }, 'topics[1]'],
        [{ url: 'https://example.com/hook', topics: ['order.*.created'] }, 'topics[0]'],
        [{ url: 'https://example.com/hook', topics: [] }, 'topics'],
        [{ url: 'https://example.com/hook', topics: ['*'], secret: 'mine' }, 'secret'],
      ];
      for (const [body, path] of cases) {
        const answer = await t.request('POST', '/v1/webhooks', body);
        assert.equal(answer.status, 422, JSON.stringify(body));
        assert.equal(answer.body.code, 'validation_failed');
        assert.ok(answer.body.errors.some((e: { path: string }) => e.path === path), `${JSON.stringify(body)} → ${JSON.stringify(answer.body.errors)}`);
      }
      assert.deepEqual((await t.request('GET', '/v1/webhooks')).body.data, []);
    });

    test('the secret is shown once; only admins manage webhooks', async () => {
      const t = await app.tenant();
      const created = await t.request('POST', '/v1/webhooks', { url: 'https://hooks.example.com/ordo', topics: ['order.*', 'refund.issued'] });
      assert.equal(created.status, 201);
      assert.match(created.body.secret, /^whsec_[A-Za-z0-9_-]{32}$/);
      const listed = await t.request('GET', '/v1/webhooks');
      assert.deepEqual(listed.body.data, [{ id: created.body.id, url: 'https://hooks.example.com/ordo', topics: ['order.*', 'refund.issued'], active: true, created_at: created.body.created_at }]);
      const one = await t.request('GET', `/v1/webhooks/${created.body.id}`);
      assert.equal(one.body.secret, undefined);
      const operator = t.as(await t.keyFor('operator'));
      assert.equal((await operator.request('POST', '/v1/webhooks', { url: 'https://x.example.com', topics: ['*'] })).status, 403);
      assert.equal((await operator.request('GET', '/v1/webhooks')).status, 403);
      const other = await app.tenant();
      assert.equal((await other.request('GET', `/v1/webhooks/${created.body.id}`)).status, 404);
    });

    test('matching events are POSTed, signed, with topic and delivery headers; others are not', async () => {
      const t = await app.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 5 } } });
      const orders = await subscribe(t, '/orders', ['order.*']);
      const shipments = await subscribe(t, '/shipments', ['shipment.created']);
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }]));
      assert.equal(order.status, 201);
      await relay();
      await deliver();
      const got = receiver.received.filter((r) => r.path === '/orders' && r.body.data.order_id === order.body.id);
      assert.equal(got.length, 1);
      const [hit] = got;
      assert.ok(hit!.signatureValid);
      assert.equal(hit!.headers['x-ordo-topic'], 'order.created');
      assert.equal(hit!.headers['content-type'], 'application/json');
      assert.match(String(hit!.headers['x-ordo-delivery']), /^dlv_/);
      assert.match(hit!.body.id, /^evt_\d+$/);
      assert.equal(hit!.body.topic, 'order.created');
      assert.ok(!Number.isNaN(Date.parse(hit!.body.created_at)));
      assert.equal(hit!.body.data.number, order.body.number);
      assert.equal(receiver.received.filter((r) => r.path === '/shipments').length, 0);

      const deliveries = await t.request('GET', `/v1/webhooks/${orders.id}/deliveries`);
      assert.equal(deliveries.status, 200);
      assert.deepEqual(deliveries.body.data.map((d: any) => [d.id, d.event_id, d.topic, d.status, d.attempts, d.last_status]),
        [[hit!.headers['x-ordo-delivery'], hit!.body.id, 'order.created', 'delivered', 1, 204]]);
      assert.deepEqual((await t.request('GET', `/v1/webhooks/${shipments.id}/deliveries`)).body.data, []);
    });

    test('a failing endpoint is retried with backoff until it succeeds; the other endpoint is not held up', async () => {
      const t = await app.tenant();
      const flaky = await subscribe(t, '/flaky', ['*'], 2);
      await subscribe(t, '/steady', ['refund.issued']);
      await enqueueOutbox(app.db.kysely, t.tenantId, [{ topic: 'refund.issued', aggregateId: 'ref_1', payload: { order_id: 'ord_x', refund_id: 'ref_1', amount: 500, currency: 'USD' } }]);
      await relay();
      await deliver();
      const steady = receiver.received.filter((r) => r.path === '/steady' && r.body.data.refund_id === 'ref_1');
      assert.equal(steady.length, 1);
      let [delivery] = (await t.request('GET', `/v1/webhooks/${flaky.id}/deliveries`)).body.data;
      assert.deepEqual([delivery.status, delivery.attempts, delivery.last_status], ['pending', 1, 500]);
      assert.match(delivery.last_error, /HTTP 500: temporarily broken/);
      assert.ok(Date.parse(delivery.next_attempt_at) > Date.now());

      let now = Date.now() + WEBHOOK_BACKOFF.maxMs * 2;
      await deliver(new Date(now));
      [delivery] = (await t.request('GET', `/v1/webhooks/${flaky.id}/deliveries`)).body.data;
      assert.deepEqual([delivery.status, delivery.attempts], ['pending', 2]);
      now += WEBHOOK_BACKOFF.maxMs * 2;
      await deliver(new Date(now));
      [delivery] = (await t.request('GET', `/v1/webhooks/${flaky.id}/deliveries`)).body.data;
      assert.deepEqual([delivery.status, delivery.attempts, delivery.last_status, delivery.last_error], ['delivered', 3, 204, null]);
      const tries = receiver.received.filter((r) => r.path === '/flaky');
      assert.equal(tries.length, 3);
      assert.equal(new Set(tries.map((r) => r.headers['x-ordo-delivery'])).size, 1, 'a retry is the same delivery');
      assert.equal(new Set(tries.map((r) => JSON.stringify(r.body))).size, 1, 'with the same body');
      assert.ok(tries.every((r) => r.signatureValid));
    });

    test('an endpoint that never answers times out, and fails after the last attempt', async () => {
      const t = await app.tenant();
      const silent = await subscribe(t, '/silent', ['test.*']);
      receiver.routes.set('/silent', { secret: silent.secret, fail: 0, hang: true });
      await enqueueOutbox(app.db.kysely, t.tenantId, [{ topic: 'test.ping', aggregateId: 'x', payload: { order_id: 'ord_x' } }]);
      await relay();
      let now = Date.now();
      for (let i = 0; i < WEBHOOK_BACKOFF.attemptsMax; i++) {
        await deliver(new Date(now), 100);
        now += WEBHOOK_BACKOFF.maxMs * 2;
      }
      const [delivery] = (await t.request('GET', `/v1/webhooks/${silent.id}/deliveries`)).body.data;
      assert.equal(delivery.status, 'failed');
      assert.equal(delivery.attempts, WEBHOOK_BACKOFF.attemptsMax);
      assert.match(delivery.last_error, /timeout|aborted/i);
      assert.equal(await deliver(new Date(now), 100), 0);
    });

    test('deleting an endpoint stops its deliveries; its history stays readable', async () => {
      const t = await app.tenant();
      const hook = await subscribe(t, '/deleted', ['*'], 100);
      await enqueueOutbox(app.db.kysely, t.tenantId, [{ topic: 'order.held', aggregateId: 'ord_y', payload: { order_id: 'ord_y' } }]);
      await relay();
      await deliver();
      assert.equal((await t.request('DELETE', `/v1/webhooks/${hook.id}`)).status, 204);
      assert.equal((await t.request('DELETE', `/v1/webhooks/${hook.id}`)).status, 404);
      assert.equal((await t.request('GET', `/v1/webhooks/${hook.id}`)).status, 404);
      const [delivery] = (await t.request('GET', `/v1/webhooks/${hook.id}/deliveries`)).body.data;
      assert.deepEqual([delivery.status, delivery.last_error], ['failed', 'endpoint deleted']);
      // New events no longer reach it.
      await enqueueOutbox(app.db.kysely, t.tenantId, [{ topic: 'order.held', aggregateId: 'ord_z', payload: { order_id: 'ord_z' } }]);
      await relay();
      assert.equal((await t.request('GET', `/v1/webhooks/${hook.id}/deliveries`)).body.data.length, 1);
    });

    test('parallel delivery workers POST each delivery once', async () => {
      const t = await app.tenant();
      await subscribe(t, '/parallel', ['bulk.*']);
      await enqueueOutbox(app.db.kysely, t.tenantId, Array.from({ length: 30 }, (_, i) => ({ topic: 'bulk.item', aggregateId: `a${i}`, payload: { order_id: `ord_${i}`, n: i } })));
      while ((await relay()).claimed > 0);
      const counts = await Promise.all([1, 2, 3].map(() => sendDueWebhooks(app.db.kysely, { batchSize: 7 })));
      let total = counts.reduce((a, b) => a + b, 0);
      while (total < 30) {
        const more = await sendDueWebhooks(app.db.kysely);
        if (more === 0) break;
        total += more;
      }
      const got = receiver.received.filter((r) => r.path === '/parallel').map((r) => r.body.data.n as number);
      assert.equal(got.length, 30);
      assert.equal(new Set(got).size, 30);
    });
  });
}
