// The unauthenticated customer API is limited per client address; the staff API is not
// touched by that limit.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from './helpers/harness.ts';

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
