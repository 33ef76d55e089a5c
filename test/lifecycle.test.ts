import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from './helpers/harness.ts';
import { levelOf, orderBody, setUpShop } from './helpers/fixtures.ts';
import { ORDER_ACTIONS, ORDER_STATUSES, ORDER_TRANSITIONS } from '../src/modules/orders/index.ts';

for (const kind of testDatabases()) {
  describe(`order lifecycle (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    test('hold, release and cancel move the order, release stock and fill the timeline', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 5 } } });
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 3 }]));
      const held = await t.request('POST', `/v1/orders/${order.body.number}/hold`, { reason: 'fraud review' });
      assert.deepEqual([held.status, held.body.status, held.body.hold_reason], [200, 'on_hold', 'fraud review']);
      const released = await t.request('POST', `/v1/orders/${order.body.id}/release`);
      assert.deepEqual([released.body.status, released.body.hold_reason], ['open', null]);
      assert.equal((await levelOf(t, 'TEE-M', 'WH-1')).available, 2);
      const canceled = await t.request('POST', `/v1/orders/${order.body.id}/cancel`, { reason: 'customer asked' });
      assert.deepEqual([canceled.body.status, canceled.body.cancel_reason], ['canceled', 'customer asked']);
      const level = await levelOf(t, 'TEE-M', 'WH-1');
      assert.deepEqual([level.on_hand, level.reserved, level.available], [5, 0, 5]);
      const events = await t.request('GET', `/v1/orders/${order.body.id}/events`);
      assert.deepEqual(events.body.data.map((e: any) => e.type), ['order.created', 'order.held', 'order.released', 'order.canceled']);
      assert.equal(events.body.data[1].data.reason, 'fraud review');
      assert.equal(events.body.data[3].data.units_released, 3);
      assert.ok(events.body.data.every((e: any) => e.actor.startsWith('key:') && !Number.isNaN(Date.parse(e.at))));
      const movements = await t.request('GET', '/v1/inventory/movements?sku=TEE-M');
      assert.deepEqual(movements.body.data.map((m: any) => [m.reason, m.delta_reserved]), [['release', -3], ['reservation', 3], ['receipt', 0]]);
    });

    test('every illegal action is refused with 409 invalid_transition and changes nothing', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 50 } } });
      // Bring an order into each reachable status through the API, then try every action.
      const reach: Record<string, string[]> = { open: [], on_hold: ['hold'], canceled: ['cancel'] };
      for (const [status, path] of Object.entries(reach)) {
        for (const [action, target] of Object.entries(ORDER_ACTIONS)) {
          const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }]));
          for (const step of path) await t.request('POST', `/v1/orders/${order.body.id}/${step}`, { reason: 'setup' });
          const before = await t.request('GET', `/v1/orders/${order.body.id}`);
          assert.equal(before.body.status, status);
          const allowed = (ORDER_TRANSITIONS[status as keyof typeof ORDER_TRANSITIONS] as readonly string[]).includes(target);
          const r = await t.request('POST', `/v1/orders/${order.body.id}/${action}`, { reason: 'test' });
          if (allowed) {
            assert.equal(r.status, 200, `${action} from ${status}`);
          } else {
            assert.equal(r.status, 409, `${action} from ${status} should be refused`);
            assert.equal(r.body.code, 'invalid_transition');
            assert.deepEqual((await t.request('GET', `/v1/orders/${order.body.id}`)).body, before.body);
          }
        }
      }
      assert.ok(ORDER_STATUSES.includes('completed'));
    });

    test('lists page by cursor without repeats and filter by status, channel, e-mail, q and dates', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 100 } } });
      await t.request('POST', '/v1/channels', { code: 'app', name: 'App', kind: 'mobile' });
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        const r = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }], {
          channel: i % 2 ? 'app' : 'web', external_id: `EXT-${i}`, customer: { email: `c${i % 3}@example.com`, name: i === 4 ? 'Zed Quux' : 'Some One' },
        }));
        ids.push(r.body.id);
      }
      await t.request('POST', `/v1/orders/${ids[1]}/hold`, { reason: 'x' });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await t.request('GET', `/v1/orders?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.body.data.map((o: any) => o.id));
        cursor = page.body.next_cursor;
      } while (cursor);
      assert.deepEqual(seen, [...ids].reverse());
      const only = async (query: string) => (await t.request('GET', `/v1/orders?${query}`)).body.data.map((o: any) => ids.indexOf(o.id));
      assert.deepEqual(await only('status=on_hold'), [1]);
      assert.deepEqual(await only('channel=app'), [5, 3, 1]);
      assert.deepEqual(await only('email=C1@example.com'), [4, 1]);
      assert.deepEqual(await only('q=quux'), [4]);
      assert.deepEqual(await only('q=EXT-2'), [2]);
      assert.deepEqual(await only('q=1003'), [2]);
      assert.deepEqual(await only('created_from=2000-01-01T00:00:00Z&created_to=2000-01-02T00:00:00Z'), []);
      assert.equal((await only(`created_from=${new Date(Date.now() - 60_000).toISOString()}`)).length, 7);
    });
  });
}
