// A real Ordo server for browser tests: a fresh database (PostgreSQL when
// ORDO_TEST_DATABASE_URL is set, else PGlite) behind a listening port, holding a small
// shop and one admin user, with the web app built.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { startTestApp, testDatabases, type TestApp } from '../../helpers/harness.ts';
import { createApiKey, DEFAULT_TENANT_ID, ensureTenant } from '../../../src/modules/access/index.ts';
import { createUser } from '../../../src/modules/users/index.ts';

export const ADMIN = { email: 'admin@shop.test', password: 'e2e-password-123', name: 'Avery Admin' };

export interface Shop {
  base: string;
  ta: TestApp;
  /** Calls the API as the tenant's admin key; fails the test on an error answer. */
  api<T = any>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** Builds web/dist when a source is newer than the last build. */
export function ensureWebBuilt(): void {
  const result = spawnSync(process.execPath, ['scripts/build-web.mjs', '--if-stale'], { stdio: 'inherit' });
  assert.equal(result.status, 0, 'building the web app failed');
}

const ADDRESS = { line1: '1 Dock Rd', city: 'Springfield', postal_code: '62701', country: 'US' };

export const CUSTOMERS = [
  { email: 'zoe.quinn@example.com', name: 'Zoe Quinn' },
  { email: 'mo.ali@example.com', name: 'Mo Ali' },
  { email: 'lee.chen@example.com', name: 'Lee Chen' },
];

/** Starts the server on a free port with the shop's channels, stock, orders and admin. */
export async function startShop(): Promise<Shop> {
  const kind = testDatabases().at(-1) ?? 'pglite';
  const ta = await startTestApp(kind);
  const db = ta.db.kysely;
  await ensureTenant(db, DEFAULT_TENANT_ID, 'Default');
  const key = (await createApiKey(db, DEFAULT_TENANT_ID, { name: 'e2e admin', role: 'admin' })).secret;
  await createUser(db, DEFAULT_TENANT_ID, { ...ADMIN, role: 'admin' });

  const api = async <T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> => {
    const response = await ta.app.inject({
      method, url,
      headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
    return (response.body ? JSON.parse(response.body) : undefined) as T;
  };

  await api('POST', '/v1/channels', { code: 'web', name: 'Web shop', kind: 'web' });
  await api('POST', '/v1/channels', { code: 'pos', name: 'Store tills', kind: 'pos' });
  await api('POST', '/v1/locations', { code: 'WH-1', name: 'Main warehouse', kind: 'warehouse', address: ADDRESS, ships: true, pickup: false, priority: 10 });
  await api('POST', '/v1/locations', { code: 'STORE-1', name: 'Downtown store', kind: 'store', address: ADDRESS, ships: true, pickup: true, priority: 50 });
  const products = [
    { sku: 'TEE-M', name: 'Organic tee, medium', price: 2400, stock: { 'WH-1': 40, 'STORE-1': 6 } },
    { sku: 'MUG', name: 'Stoneware mug', price: 1450, stock: { 'WH-1': 25 } },
    { sku: 'CAP', name: 'Canvas cap', price: 1900, stock: { 'WH-1': 3 } },
  ];
  for (const p of products) {
    await api('POST', '/v1/products', { sku: p.sku, name: p.name, price: p.price, currency: 'USD', inventory_policy: 'deny' });
    for (const [location, delta] of Object.entries(p.stock)) {
      await api('POST', '/v1/inventory/adjustments', { sku: p.sku, location, delta, reason: 'receipt', note: 'opening stock' });
    }
  }
  const plan: [number, string, string, number][] = [[1, 'web', 'TEE-M', 2], [2, 'web', 'MUG', 1], [0, 'pos', 'TEE-M', 1], [2, 'web', 'CAP', 1], [1, 'pos', 'MUG', 2]];
  for (const [i, [customer, channel, sku, quantity]] of plan.entries()) {
    await api('POST', '/v1/orders', {
      channel, external_id: `SEED-${i + 1}`, currency: 'USD', customer: CUSTOMERS[customer],
      shipping_address: { name: CUSTOMERS[customer]?.name, ...ADDRESS }, lines: [{ sku, quantity }], shipping: { method: 'standard', amount: 500 },
    });
  }

  await ta.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = ta.app.server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, ta, api, close: () => ta.close() };
}
