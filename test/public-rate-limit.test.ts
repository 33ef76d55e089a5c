// The unauthenticated customer API is limited per client address; the staff API is not
// touched by that limit.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from './helpers/harness.ts';
import { loadConfig } from '../src/config.ts';

for (const kind of testDatabases()) {
  describe(`public rate limit (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind, { publicRateLimitPerMinute: 5 }); });
    after(async () => { await ta.close(); });

    test('the sixth public request in a minute from one address is 429 problem+json with Retry-After; another address is not limited', async () => {
      const get = (ip: string) => ta.app.inject({ method: 'GET', url: '/v1/public/tracking?tracking_number=ORD000000000000', remoteAddress: ip });
      for (let i = 0; i < 5; i++) assert.equal((await get('10.0.0.1')).statusCode, 404);
      const limited = await get('10.0.0.1');
      assert.equal(limited.statusCode, 429);
      assert.match(String(limited.headers['content-type']), /application\/problem\+json/);
      assert.equal(limited.json().code, 'rate_limited');
      assert.ok(Number(limited.headers['retry-after']) >= 1);
      assert.equal((await get('10.0.0.2')).statusCode, 404);
    });

    test('staff routes from the same address are not counted', async () => {
      const t = await ta.tenant();
      for (let i = 0; i < 8; i++) assert.equal((await t.request('GET', '/v1/orders?limit=1')).status, 200);
    });
  });
}

describe('public rate limit behind a proxy', () => {
  test('with ORDO_TRUST_PROXY the client address comes from X-Forwarded-For; without it the header is ignored', async () => {
    const behind = await startTestApp('pglite', { publicRateLimitPerMinute: 2, trustProxy: '127.0.0.1' });
    const direct = await startTestApp('pglite', { publicRateLimitPerMinute: 2 });
    try {
      const get = (ta: TestApp, client: string) => ta.app.inject({
        method: 'GET', url: '/v1/public/tracking?tracking_number=ORD000000000000', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': client },
      });
      for (let i = 0; i < 2; i++) assert.equal((await get(behind, '203.0.113.7')).statusCode, 404);
      assert.equal((await get(behind, '203.0.113.7')).statusCode, 429, 'the third request of one customer is limited');
      assert.equal((await get(behind, '198.51.100.9')).statusCode, 404, 'another customer behind the same proxy is not');
      for (let i = 0; i < 2; i++) assert.equal((await get(direct, `203.0.113.${i}`)).statusCode, 404);
      assert.equal((await get(direct, '203.0.113.99')).statusCode, 429, 'an untrusted X-Forwarded-For does not buy a fresh limit');
    } finally {
      await behind.close();
      await direct.close();
    }
  });
});

test('ORDO_TRUST_PROXY: off by default; true, a hop count or addresses; anything else refused at start', () => {
  assert.equal(loadConfig({}).trustProxy, false);
  assert.equal(loadConfig({ ORDO_TRUST_PROXY: 'true' }).trustProxy, true);
  assert.equal(loadConfig({ ORDO_TRUST_PROXY: '2' }).trustProxy, 2);
  assert.equal(loadConfig({ ORDO_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy, 'loopback, 10.0.0.0/8');
  assert.throws(() => loadConfig({ ORDO_TRUST_PROXY: '10.0.0.1; drop' }), /ORDO_TRUST_PROXY/);
});
