import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from './helpers/harness.ts';

for (const kind of testDatabases()) {
  describe(`platform endpoints (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    test('healthz answers without a key', async () => {
      const r = await ta.app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(r.statusCode, 200);
      assert.equal(r.json().database, kind);
    });

    test('request ids are echoed or made', async () => {
      const sent = await ta.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
      assert.equal(sent.headers['x-request-id'], 'abc-123');
      const made = await ta.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id with spaces' } });
      assert.match(String(made.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    });

    test('metrics are Prometheus text with request timings per route', async () => {
      await ta.app.inject({ method: 'GET', url: '/healthz' });
      const r = await ta.app.inject({ method: 'GET', url: '/metrics' });
      assert.equal(r.statusCode, 200);
      assert.match(r.body, /ordo_http_request_duration_seconds_count\{method="GET",route="\/healthz",status_code="200"\} \d+/);
      assert.match(r.body, /ordo_process_cpu_seconds_total/);
    });

    test('the OpenAPI document covers the contract and /docs serves the browser', async () => {
      const doc = (await ta.app.inject({ method: 'GET', url: '/openapi.json' })).json();
      for (const path of ['/v1/orders', '/v1/orders/{order}', '/v1/orders/{order}/cancel', '/v1/orders/{order}/events', '/v1/products', '/v1/products/{sku}', '/v1/locations', '/v1/channels', '/v1/inventory/adjustments', '/v1/inventory/levels', '/v1/inventory/availability/{sku}', '/v1/inventory/movements', '/v1/customers']) {
        assert.ok(doc.paths[path], `missing ${path}`);
      }
      assert.equal(doc.paths['/v1/orders'].post.requestBody.content['application/json'].schema.additionalProperties, false);
      const ui = await ta.app.inject({ method: 'GET', url: '/docs/' });
      assert.equal(ui.statusCode, 200);
      assert.match(ui.body, /swagger/i);
    });
  });
}
