// PATCH /v1/locations/{code}: every field but the code changes; coordinates go in pairs;
// routing follows the change from the next order on; bad input changes nothing.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';

for (const kind of testDatabases()) {
  describe(`locations update (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    const ok = (r: { status: number; body: unknown }, status = 200) => assert.equal(r.status, status, JSON.stringify(r.body));

    test('changes name, kind, address, flags, priority and coordinates; the code stays', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { locations: [{ code: 'WH-1' }] });
      const before = (await t.request('GET', '/v1/locations/WH-1')).body;
      const address = { line1: '9 Quay St', city: 'Portland', postal_code: '97201', country: 'US', latitude: 45.5, longitude: -122.7 };
      const r = await t.request('PATCH', '/v1/locations/WH-1', { name: 'Portland store', kind: 'store', address, ships: false, pickup: true, priority: 7 });
      ok(r);
      assert.deepEqual(
        [r.body.code, r.body.name, r.body.kind, r.body.address, r.body.ships, r.body.pickup, r.body.priority, r.body.latitude, r.body.longitude, r.body.active],
        ['WH-1', 'Portland store', 'store', address, false, true, 7, 45.5, -122.7, true],
      );
      assert.ok(r.body.updated_at >= before.updated_at);
      assert.deepEqual((await t.request('GET', '/v1/locations/WH-1')).body, r.body);

      const moved = await t.request('PATCH', '/v1/locations/WH-1', { latitude: 40, longitude: -74 });
      assert.deepEqual([moved.body.latitude, moved.body.longitude, moved.body.name], [40, -74, 'Portland store']);
      const cleared = await t.request('PATCH', '/v1/locations/WH-1', { latitude: null, longitude: null });
      assert.deepEqual([cleared.body.latitude, cleared.body.longitude], [null, null]);
    });

    test('an inactive or non-shipping location takes no new orders; reactivated, it does again', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { locations: [{ code: 'WH-1', priority: 1 }, { code: 'WH-2', priority: 2 }], stock: { 'TEE-M': { 'WH-1': 5, 'WH-2': 5 } } });
      const where = async () => {
        const r = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }]));
        ok(r, 201);
        return r.body.lines[0].allocations.map((a: { location: string }) => a.location);
      };
      assert.deepEqual(await where(), ['WH-1']);
      ok(await t.request('PATCH', '/v1/locations/WH-1', { active: false }));
      assert.deepEqual(await where(), ['WH-2']);
      ok(await t.request('PATCH', '/v1/locations/WH-1', { active: true, ships: false }));
      assert.deepEqual(await where(), ['WH-2']);
      ok(await t.request('PATCH', '/v1/locations/WH-1', { ships: true }));
      assert.deepEqual(await where(), ['WH-1']);
      ok(await t.request('PATCH', '/v1/locations/WH-2', { priority: 0 }));
      assert.deepEqual(await where(), ['WH-2']);
    });

    test('bad input is 422 with paths and changes nothing; unknown codes 404; only settings writers', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { locations: [{ code: 'WH-1' }] });
      const before = (await t.request('GET', '/v1/locations/WH-1')).body;
      const cases: [unknown, string][] = [
        [{ code: 'WH-9' }, 'code'],
        [{ latitude: 10 }, 'longitude'],
        [{ longitude: 10 }, 'latitude'],
        [{ latitude: 10, longitude: null }, 'longitude'],
        [{ latitude: 91, longitude: 0 }, 'latitude'],
        [{ priority: -1 }, 'priority'],
        [{ kind: 'depot' }, 'kind'],
        [{ ships: 'yes' }, 'ships'],
        [{ address: { line1: 'x', city: 'y', postal_code: '1', country: 'usa' } }, 'address.country'],
        [{ name: '' }, 'name'],
      ];
      for (const [body, path] of cases) {
        const r = await t.request('PATCH', '/v1/locations/WH-1', body);
        assert.equal(r.status, 422, JSON.stringify(body));
        assert.equal(r.body.code, 'validation_failed');
        assert.ok(r.body.errors.some((e: { path: string }) => e.path === path), `${JSON.stringify(body)} → ${JSON.stringify(r.body.errors)}`);
      }
      assert.deepEqual((await t.request('GET', '/v1/locations/WH-1')).body, before, 'nothing changed');
      assert.equal((await t.request('PATCH', '/v1/locations/NOPE', { name: 'x' })).body.code, 'not_found');
      const other = await ta.tenant();
      assert.equal((await other.request('PATCH', '/v1/locations/WH-1', { name: 'Stolen' })).status, 404, 'another tenant cannot see it');
      for (const role of ['analyst', 'warehouse', 'operator'] as const) {
        assert.equal((await t.as(await t.keyFor(role)).request('PATCH', '/v1/locations/WH-1', { name: 'x' })).status, 403, role);
      }
    });

    test('20 concurrent patches all succeed and the last write wins whole', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { locations: [{ code: 'WH-1' }] });
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) =>
        t.request('PATCH', '/v1/locations/WH-1', { name: `Name ${i}`, priority: i })));
      assert.ok(answers.every((r) => r.status === 200));
      const final = (await t.request('GET', '/v1/locations/WH-1')).body;
      // Each patch writes name and priority together, so they never come from two patches.
      assert.equal(final.name, `Name ${final.priority}`);
    });
  });
}
