import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from './helpers/harness.ts';
import { RATE_TABLE } from './shipping.helpers.ts';

for (const kind of testDatabases()) {
  describe(`shipping: carrier services (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    test('create, read, change; the webhook secret is shown once (and on rotation)', async () => {
      const t = await ta.tenant();
      const created = await t.request('POST', '/v1/carrier-services', {
        code: 'GROUND', name: 'Ordo Ground', carrier: 'rate_table', methods: ['standard'], transit_days: 4, currency: 'USD', config: RATE_TABLE,
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.match(created.body.webhook_secret, /^whsec_[A-Za-z0-9_-]{43}$/);
      assert.equal(created.body.webhook_path, `/v1/carriers/${created.body.id}/webhook`);
      const read = await t.request('GET', '/v1/carrier-services/GROUND');
      assert.equal(read.body.webhook_secret, undefined);
      assert.deepEqual(read.body.config, RATE_TABLE);
      const { webhook_secret: _secret, ...withoutSecret } = created.body;
      assert.deepEqual((await t.request('GET', '/v1/carrier-services')).body.data, [withoutSecret]);

      const patched = await t.request('PATCH', '/v1/carrier-services/GROUND', { name: 'Ground', methods: ['standard', 'economy'], active: false });
      assert.deepEqual([patched.status, patched.body.name, patched.body.methods, patched.body.active, patched.body.webhook_secret], [200, 'Ground', ['standard', 'economy'], false, undefined]);
      const rotated = await t.request('PATCH', '/v1/carrier-services/GROUND', { rotate_webhook_secret: true });
      assert.ok(rotated.body.webhook_secret && rotated.body.webhook_secret !== created.body.webhook_secret);

      assert.deepEqual((await t.request('POST', '/v1/carrier-services', { code: 'GROUND', name: 'x', carrier: 'manual' })).body.code, 'already_exists');
      assert.equal((await t.request('PATCH', '/v1/carrier-services/NOPE', { name: 'x' })).status, 404);
      // Another tenant sees none of it.
      const other = await ta.tenant();
      assert.deepEqual((await other.request('GET', '/v1/carrier-services')).body.data, []);
    });

    test('configs are validated strictly per carrier, with paths, and nothing is written', async () => {
      const t = await ta.tenant();
      const base = { code: 'T', name: 'Table', carrier: 'rate_table', currency: 'USD' };
      const cases: [Record<string, unknown>, string[]][] = [
        [{ ...base, config: { zones: [{ code: 'A', countries: ['US'] }], bands: [{ max_weight_g: 100, rates: { B: 10 } }] } }, ['config.bands[0].rates.B']],
        [{ ...base, config: { zones: [{ code: 'A', countries: ['USA'] }], bands: [{ max_weight_g: 100, rates: { A: 10 } }] } }, ['config.zones[0].countries[0]']],
        [{ ...base, config: { zones: [{ code: 'A', countries: ['US'] }], bands: [{ max_weight_g: 500, rates: { A: 10 } }, { max_weight_g: 100, rates: { A: 5 } }] } }, ['config.bands[1].max_weight_g']],
        [{ ...base, config: { zones: [{ code: 'A', countries: ['US'] }], bands: [{ max_weight_g: 100, rates: { A: 1.5 } }], surcharge: 3 } }, ['config.bands[0].rates.A', 'config']],
        [{ ...base, currency: undefined, config: RATE_TABLE }, ['currency']],
        [{ ...base, config: {} }, ['config.zones', 'config.bands']],
        [{ code: 'M', name: 'Manual', carrier: 'manual', config: { flat_rate: -1 } }, ['config.flat_rate']],
        [{ code: 'M', name: 'Manual', carrier: 'ups' }, ['carrier']],
        [{ code: 'M', name: 'Manual', carrier: 'manual', methods: ['a', 'a'] }, ['methods']],
      ];
      for (const [body, paths] of cases) {
        const r = await t.request('POST', '/v1/carrier-services', body);
        assert.deepEqual([r.status, r.body.code], [422, 'validation_failed'], JSON.stringify([body, r.body]));
        for (const path of paths) assert.ok(r.body.errors.some((e: any) => e.path === path || e.path.startsWith(`${path}.`) || e.path === `${path}`), `${path} in ${JSON.stringify(r.body.errors)}`);
      }
      assert.deepEqual((await t.request('GET', '/v1/carrier-services')).body.data, []);
      // A change is checked as a whole against the carrier.
      await t.request('POST', '/v1/carrier-services', { ...base, config: RATE_TABLE });
      const bad = await t.request('PATCH', '/v1/carrier-services/T', { currency: null });
      assert.deepEqual([bad.status, bad.body.errors[0].path], [422, 'currency']);
      assert.equal((await t.request('GET', '/v1/carrier-services/T')).body.currency, 'USD');
    });

    test('only admins change services; staff roles read them', async () => {
      const t = await ta.tenant();
      const warehouse = t.as(await t.keyFor('warehouse'));
      assert.equal((await warehouse.request('POST', '/v1/carrier-services', { code: 'M', name: 'Manual', carrier: 'manual' })).status, 403);
      assert.equal((await warehouse.request('GET', '/v1/carrier-services')).status, 200);
    });
  });
}
