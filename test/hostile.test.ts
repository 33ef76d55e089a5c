// Hostile clients against a real listening server: injection in every filter, oversized
// headers, a slow client, and a flood from one key that the rate limit answers with 429.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startTestApp, testDatabases, type TenantClient, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';

const RATE_LIMIT = 3000;

function rawRequest(port: number, text: string, waitMs: number): Promise<{ response: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let response = '';
    socket.on('data', (chunk) => { response += chunk.toString('latin1'); });
    socket.on('error', (error) => { if (response) return; reject(error); });
    socket.on('close', () => resolve({ response, closedAfterMs: Date.now() - started }));
    setTimeout(() => socket.destroy(), waitMs).unref();
  });
}

for (const kind of testDatabases()) {
  describe(`hostile clients (${kind})`, () => {
    let ta: TestApp;
    let t: TenantClient;
    let port = 0;
    before(async () => {
      ta = await startTestApp(kind, { rateLimitPerMinute: RATE_LIMIT, requestTimeoutMs: 1500 });
      t = await ta.tenant();
      await setUpShop(t, { products: [{ sku: 'TEE-M' }, { sku: 'TEE_L' }], stock: { 'TEE-M': { 'WH-1': 10 } } });
      await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }], { external_id: 'EXT-1' }));
      await ta.app.listen({ port: 0, host: '127.0.0.1' });
      port = (ta.app.server.address() as AddressInfo).port;
    });
    after(async () => { await ta?.close(); });

    test('SQL injection and wildcards in every filter are data, not code', async () => {
      const payloads = ["' or 1=1 --", "'; drop table orders; --", '%', '\\', "1) or (1=1", '%25%27'];
      const filters: Record<string, string[]> = {
        '/v1/orders': ['status', 'channel', 'email', 'q', 'created_from', 'created_to', 'cursor'],
        '/v1/products': ['q', 'cursor'],
        '/v1/customers': ['q', 'cursor'],
        '/v1/inventory/levels': ['sku', 'location', 'cursor'],
        '/v1/inventory/movements': ['sku', 'location', 'cursor'],
      };
      for (const [path, names] of Object.entries(filters)) {
        for (const name of names) {
          for (const payload of payloads) {
            const r = await t.request('GET', `${path}?${name}=${encodeURIComponent(payload)}`);
            assert.ok(r.status === 200 || r.status === 422, `${path}?${name}=${payload} -> ${r.status}`);
            if (r.status === 200) assert.equal(r.body.data.length, 0, `${path}?${name}=${payload} matched rows`);
          }
        }
      }
      for (const path of ['/v1/products/%27%20or%201%3D1', "/v1/orders/1%20or%201=1", '/v1/customers/%25']) {
        assert.equal((await t.request('GET', path)).status, 404, path);
      }
      // `_` is a literal, not a one-character wildcard: only TEE_L matches.
      assert.deepEqual((await t.request('GET', '/v1/products?q=TEE_')).body.data.map((p: any) => p.sku), ['TEE_L']);
      assert.equal((await t.request('GET', '/v1/orders')).body.data.length, 1);
    });

    test('oversized headers are refused with 431 and the server stays up', async () => {
      const { response } = await rawRequest(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`, 5000);
      assert.match(response, /^HTTP\/1\.1 431/);
      assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
    });

    test('a slow client is cut off at the request timeout', async () => {
      const { response, closedAfterMs } = await rawRequest(port, `POST /v1/orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${t.key}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"chan`, 10_000);
      assert.ok(closedAfterMs < 9_000, `connection stayed open ${closedAfterMs} ms`);
      assert.ok(response === '' || /^HTTP\/1\.1 408/.test(response), response.slice(0, 80));
      assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
    });

    test('10,000 requests from one key: the limit answers 429 problem+json with Retry-After', async () => {
      const flooder = t.as(await t.keyFor('analyst'));
      const counts = new Map<number, number>();
      let retryAfter: unknown;
      let sample: any;
      const queue = Array.from({ length: 10_000 }, (_, i) => i);
      await Promise.all(Array.from({ length: 16 }, async () => {
        while (queue.pop() !== undefined) {
          const r = await flooder.request('GET', '/v1/channels');
          counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
          if (r.status === 429) { retryAfter = r.headers['retry-after']; sample = r.body; }
        }
      }));
      const ok = counts.get(200) ?? 0;
      const limited = counts.get(429) ?? 0;
      assert.equal(ok + limited, 10_000, JSON.stringify([...counts]));
      // A fixed one-minute window: exactly the limit, or twice it if the window rolled over.
      assert.ok(ok === RATE_LIMIT || ok === 2 * RATE_LIMIT, `ok ${ok}`);
      assert.equal(sample.code, 'rate_limited');
      assert.ok(Number(retryAfter) > 0 && Number(retryAfter) <= 60);
      // Another key is not affected, and health checks are never limited.
      assert.equal((await t.request('GET', '/v1/channels')).status, 200);
      assert.equal((await ta.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    });
  });
}
