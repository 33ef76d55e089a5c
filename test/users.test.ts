import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { startTestApp, testDatabases, type TestApp, type TenantClient } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTenant, DEFAULT_TENANT_ID } from '../src/modules/access/index.ts';
import { createUser, ensureDemoAdmin, login as signInUser, LOGIN_ATTEMPTS_MAX } from '../src/modules/users/index.ts';

const PASSWORD = 'correct horse battery';

interface Session { cookie: string; csrf: string }

/** A signed-in browser: the cookies from a login answer, sent back as a browser would. */
function sessionFrom(setCookie: string | string[] | undefined): Session {
  const cookies = (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []).map((c) => c.split(';')[0] as string);
  const csrf = cookies.find((c) => c.startsWith('ordo_csrf='))?.slice('ordo_csrf='.length) ?? '';
  return { cookie: cookies.join('; '), csrf };
}

for (const kind of testDatabases()) {
  describe(`users and web sessions (${kind})`, () => {
    let ta: TestApp;
    before(async () => { ta = await startTestApp(kind); });
    after(async () => { await ta?.close(); });

    let ipCounter = 0;
    /** Each test signs in from its own address, so their rate limits stay apart. */
    const nextIp = () => `10.0.0.${++ipCounter}`;

    async function login(t: TenantClient, email: string, password: string, ip = nextIp()) {
      return ta.app.inject({ method: 'POST', url: '/v1/auth/login', remoteAddress: ip, payload: { email, password, tenant: t.tenantId } });
    }
    async function asBrowser(session: Session, method: InjectOptions['method'], url: string, body?: unknown, csrf: string | null = session.csrf) {
      return ta.app.inject({
        method, url,
        headers: { cookie: session.cookie, ...(csrf !== null ? { 'x-csrf-token': csrf } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
    }
    async function userIn(t: TenantClient, role: 'admin' | 'operator' | 'warehouse' | 'analyst', email = `${role}@shop.test`) {
      const created = await t.request('POST', '/v1/users', { email, name: `The ${role}`, role, password: PASSWORD });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const signedIn = await login(t, email, PASSWORD);
      assert.equal(signedIn.statusCode, 200, signedIn.body);
      return sessionFrom(signedIn.headers['set-cookie']);
    }

    test('sign in sets an HttpOnly SameSite=Lax session cookie; me and sign out work', async () => {
      const t = await ta.tenant();
      await t.request('POST', '/v1/users', { email: 'Ana@Shop.test', role: 'operator', password: PASSWORD });
      const ok = await login(t, 'ana@shop.test', PASSWORD);
      assert.equal(ok.statusCode, 200);
      const body = ok.json();
      assert.equal(body.user.email, 'ana@shop.test');
      assert.equal(body.user.role, 'operator');
      assert.equal(body.tenant.id, t.tenantId);
      assert.ok(!('password_hash' in body.user));
      const cookies = ok.headers['set-cookie'] as string[];
      const sessionCookie = cookies.find((c) => c.startsWith('ordo_session='));
      assert.match(sessionCookie ?? '', /HttpOnly/);
      assert.match(sessionCookie ?? '', /SameSite=Lax/);
      assert.doesNotMatch(sessionCookie ?? '', /Secure/);
      assert.doesNotMatch(cookies.find((c) => c.startsWith('ordo_csrf=')) ?? '', /HttpOnly/);
      const session = sessionFrom(cookies);
      assert.equal(session.csrf, body.csrf_token);

      const me = await asBrowser(session, 'GET', '/v1/auth/me');
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().kind, 'user');
      assert.equal(me.json().user.email, 'ana@shop.test');
      assert.ok(me.json().permissions.includes('orders:manage'));
      assert.ok(!me.json().permissions.includes('users:manage'));
      assert.equal((await asBrowser(session, 'GET', '/v1/orders')).statusCode, 200);

      const out = await asBrowser(session, 'POST', '/v1/auth/logout');
      assert.equal(out.statusCode, 204);
      assert.ok((out.headers['set-cookie'] as string[]).some((c) => c.startsWith('ordo_session=;') && /Max-Age=0/.test(c)));
      const after = await asBrowser(session, 'GET', '/v1/auth/me');
      assert.equal(after.statusCode, 401);
      assert.equal(after.json().code, 'unauthorized');
    });

    test('behind https the cookies are Secure', async () => {
      const t = await ta.tenant();
      await t.request('POST', '/v1/users', { email: 'sec@shop.test', role: 'analyst', password: PASSWORD });
      const ok = await ta.app.inject({ method: 'POST', url: '/v1/auth/login', remoteAddress: nextIp(), headers: { 'x-forwarded-proto': 'https' }, payload: { email: 'sec@shop.test', password: PASSWORD, tenant: t.tenantId } });
      assert.equal(ok.statusCode, 200);
      assert.ok((ok.headers['set-cookie'] as string[]).every((c) => /; Secure/.test(c)));
    });

    test('a wrong password, an unknown e-mail and a disabled user all get the same 401', async () => {
      const t = await ta.tenant();
      const user = await t.request('POST', '/v1/users', { email: 'bo@shop.test', role: 'analyst', password: PASSWORD });
      const wrong = await login(t, 'bo@shop.test', 'not the password');
      const unknown = await login(t, 'nobody@shop.test', PASSWORD);
      assert.equal(wrong.statusCode, 401);
      assert.equal(unknown.statusCode, 401);
      assert.equal(wrong.json().detail, unknown.json().detail);
      assert.equal(wrong.headers['set-cookie'], undefined);
      assert.equal((await t.request('PATCH', `/v1/users/${user.body.id}`, { disabled: true })).status, 200);
      const disabled = await login(t, 'bo@shop.test', PASSWORD);
      assert.equal(disabled.statusCode, 401);
      assert.equal(disabled.json().detail, wrong.json().detail);
    });

    test('no session is 401; a forged or stale cookie is 401 and told to go away', async () => {
      const none = await ta.app.inject({ method: 'GET', url: '/v1/auth/me' });
      assert.equal(none.statusCode, 401);
      assert.equal(none.json().code, 'unauthorized');
      const forged = await ta.app.inject({ method: 'GET', url: '/v1/orders', headers: { cookie: 'ordo_session=forged-token' } });
      assert.equal(forged.statusCode, 401);
      assert.match(String(forged.headers['set-cookie']), /^ordo_session=;.*Max-Age=0/);
    });

    test('a cookie-authenticated change without the CSRF token is refused, and nothing changes', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 5 } } });
      const session = await userIn(t, 'operator');
      const order = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }]));
      const missing = await asBrowser(session, 'POST', `/v1/orders/${order.body.id}/hold`, { reason: 'check' }, null);
      assert.equal(missing.statusCode, 403);
      assert.equal(missing.json().code, 'csrf_failed');
      const wrong = await asBrowser(session, 'POST', `/v1/orders/${order.body.id}/hold`, { reason: 'check' }, 'not-the-token');
      assert.equal(wrong.statusCode, 403);
      assert.equal(wrong.json().code, 'csrf_failed');
      // Another session's token does not fit this session either.
      const other = await userIn(t, 'operator', 'op2@shop.test');
      assert.equal((await asBrowser(session, 'POST', `/v1/orders/${order.body.id}/hold`, { reason: 'check' }, other.csrf)).statusCode, 403);
      assert.equal((await t.request('GET', `/v1/orders/${order.body.id}`)).body.status, 'open');
      // Reads need no token; with the right token the change goes through.
      assert.equal((await asBrowser(session, 'GET', `/v1/orders/${order.body.id}`, undefined, null)).statusCode, 200);
      const held = await asBrowser(session, 'POST', `/v1/orders/${order.body.id}/hold`, { reason: 'check' });
      assert.equal(held.statusCode, 200);
      assert.equal(held.json().status, 'on_hold');
      const events = await t.request('GET', `/v1/orders/${order.body.id}/events`);
      assert.match(events.body.data.at(-1).actor, /^user:usr_/);
      // Bearer keys never need the token.
      assert.equal((await t.request('POST', `/v1/orders/${order.body.id}/release`)).status, 200);
    });

    test(`sign-in is limited to ${LOGIN_ATTEMPTS_MAX} failures per e-mail and address, then 429`, async () => {
      const t = await ta.tenant();
      await t.request('POST', '/v1/users', { email: 'cy@shop.test', role: 'analyst', password: PASSWORD });
      const ip = nextIp();
      for (let i = 0; i < LOGIN_ATTEMPTS_MAX; i++) assert.equal((await login(t, 'cy@shop.test', `guess ${i}`, ip)).statusCode, 401);
      const limited = await login(t, 'cy@shop.test', PASSWORD, ip);
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.json().code, 'rate_limited');
      assert.match(String(limited.headers['content-type']), /application\/problem\+json/);
      const retryAfter = Number(limited.headers['retry-after']);
      assert.ok(retryAfter > 0 && retryAfter <= 900, `retry-after ${retryAfter}`);
      // Another address (the real user's, say) is not locked out by the attacker's guesses.
      assert.equal((await login(t, 'cy@shop.test', PASSWORD, nextIp())).statusCode, 200);
    });

    test('a success clears the failures before the limit', async () => {
      const t = await ta.tenant();
      await t.request('POST', '/v1/users', { email: 'di@shop.test', role: 'analyst', password: PASSWORD });
      const ip = nextIp();
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < LOGIN_ATTEMPTS_MAX - 1; i++) assert.equal((await login(t, 'di@shop.test', 'wrong', ip)).statusCode, 401);
        assert.equal((await login(t, 'di@shop.test', PASSWORD, ip)).statusCode, 200);
      }
    });

    test('roles: users hold their role\'s rights, and only admins manage users', async () => {
      const t = await ta.tenant();
      await setUpShop(t, { stock: { 'TEE-M': { 'WH-1': 5 } } });
      const analyst = await userIn(t, 'analyst');
      const warehouse = await userIn(t, 'warehouse');
      const admin = await userIn(t, 'admin');
      assert.equal((await asBrowser(analyst, 'GET', '/v1/orders')).statusCode, 200);
      const refused = await asBrowser(analyst, 'POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 1 }]));
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().code, 'forbidden');
      assert.equal((await asBrowser(warehouse, 'POST', '/v1/inventory/adjustments', { sku: 'TEE-M', location: 'WH-1', delta: 2, reason: 'receipt' })).statusCode, 201);
      assert.equal((await asBrowser(warehouse, 'GET', '/v1/users')).statusCode, 403);
      assert.equal((await asBrowser(analyst, 'POST', '/v1/users', { email: 'x@shop.test', role: 'admin', password: PASSWORD })).statusCode, 403);
      const created = await asBrowser(admin, 'POST', '/v1/users', { email: 'new@shop.test', role: 'operator', password: PASSWORD });
      assert.equal(created.statusCode, 201);
      const list = await asBrowser(admin, 'GET', '/v1/users');
      assert.deepEqual(list.json().data.map((u: { email: string }) => u.email).sort(), ['admin@shop.test', 'analyst@shop.test', 'new@shop.test', 'warehouse@shop.test']);
      // The role "channel" is for integrations' keys, not for people.
      assert.equal((await t.request('POST', '/v1/users', { email: 'ch@shop.test', role: 'channel', password: PASSWORD })).status, 422);
      assert.equal((await t.request('POST', '/v1/users', { email: 'new@shop.test', role: 'analyst', password: PASSWORD })).status, 409);
      assert.equal((await t.request('POST', '/v1/users', { email: 'short@shop.test', role: 'analyst', password: 'short' })).status, 422);
    });

    test('the last active admin can be neither disabled nor demoted; disabling ends sessions', async () => {
      const t = await ta.tenant();
      const admin = await t.request('POST', '/v1/users', { email: 'root@shop.test', role: 'admin', password: PASSWORD });
      assert.equal((await t.request('PATCH', `/v1/users/${admin.body.id}`, { disabled: true })).status, 422);
      assert.equal((await t.request('PATCH', `/v1/users/${admin.body.id}`, { role: 'analyst' })).status, 422);
      const session = await userIn(t, 'operator');
      const me = await asBrowser(session, 'GET', '/v1/auth/me');
      assert.equal((await t.request('PATCH', `/v1/users/${me.json().user.id}`, { disabled: true })).status, 200);
      assert.equal((await asBrowser(session, 'GET', '/v1/auth/me')).statusCode, 401);
    });

    test('passwords are stored as argon2id hashes, never as given', async () => {
      const t = await ta.tenant();
      await createUser(ta.db.kysely, t.tenantId, { email: 'hash@shop.test', role: 'analyst', password: PASSWORD });
      const row = await ta.db.kysely.selectFrom('users').select('password_hash').where('tenant_id', '=', t.tenantId).where('email', '=', 'hash@shop.test').executeTakeFirstOrThrow();
      assert.match(row.password_hash, /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
      assert.ok(!row.password_hash.includes(PASSWORD));
      const sessions = await ta.db.kysely.selectFrom('user_sessions').select(['token_hash', 'csrf_hash']).execute();
      assert.ok(sessions.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash) && /^[0-9a-f]{64}$/.test(s.csrf_hash)));
    });
  });
}

describe('the first admin user', () => {
  test('ensureDemoAdmin creates admin@ordo.local once, keeps a generated password in a file, and follows ORDO_ADMIN_PASSWORD', async () => {
    const ta = await startTestApp('pglite');
    try {
      const db = ta.db.kysely;
      await ensureTenant(db, DEFAULT_TENANT_ID, 'Default');
      const file = join(mkdtempSync(join(tmpdir(), 'ordo-admin-')), 'admin-password');
      const first = await ensureDemoAdmin(db, { passwordFile: file });
      assert.equal(first?.email, 'admin@ordo.local');
      assert.equal(readFileSync(file, 'utf8').trim(), first?.password);
      assert.deepEqual(await ensureDemoAdmin(db, { passwordFile: file }), first, 'a restart shows the same login');
      assert.equal(await ensureDemoAdmin(db, {}), null, 'without the file the password is unknown');
      const signedIn = await signInUser(db, { email: 'admin@ordo.local', password: first?.password ?? '' }, { ip: '127.0.0.9', userAgent: null });
      assert.equal(signedIn.user.role, 'admin');
      await ensureDemoAdmin(db, { password: 'from-the-environment' });
      await assert.rejects(signInUser(db, { email: 'admin@ordo.local', password: first?.password ?? '' }, { ip: '127.0.0.9', userAgent: null }));
      assert.equal((await signInUser(db, { email: 'admin@ordo.local', password: 'from-the-environment' }, { ip: '127.0.0.9', userAgent: null })).user.email, 'admin@ordo.local');
    } finally {
      await ta.close();
    }
  });
});
