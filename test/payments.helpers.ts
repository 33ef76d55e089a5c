// Set-ups shared by the payments and holds tests.
import assert from 'node:assert/strict';
import type { TestApp, TenantClient } from './helpers/harness.ts';
import { orderBody, setUpShop } from './helpers/fixtures.ts';
import { runPaymentWorkerOnce } from '../src/modules/payments/index.ts';

/** A shop with TEE-M (1999) and MUG (1250) in stock at WH-1 (and WH-2 when asked). */
export async function paymentShop(t: TenantClient, options: { twoLocations?: boolean } = {}): Promise<void> {
  await setUpShop(t, {
    products: [{ sku: 'TEE-M', price: 1999 }, { sku: 'MUG', price: 1250 }],
    locations: options.twoLocations ? [{ code: 'WH-1', priority: 1 }, { code: 'WH-2', priority: 2 }] : [{ code: 'WH-1' }],
    stock: options.twoLocations ? { 'TEE-M': { 'WH-1': 10 }, MUG: { 'WH-2': 10 } } : { 'TEE-M': { 'WH-1': 20 }, MUG: { 'WH-1': 20 } },
  });
}

/** Places an order paid with the given provider/token; asserts 201. Total 2×1999 + 1250 + 500 shipping = 5748. */
export async function paidOrder(t: TenantClient, payment: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const r = await t.request('POST', '/v1/orders', orderBody([{ sku: 'TEE-M', quantity: 2 }, { sku: 'MUG', quantity: 1 }], { shipping: { method: 'standard', amount: 500 }, payment, ...extra }));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

export const ORDER_TOTAL = 2 * 1999 + 1250 + 500;

/** Runs the worker as if `ms` had passed (past backoffs and hold expiries). */
export async function later(ta: TestApp, ms: number) {
  return runPaymentWorkerOnce(ta.db.kysely, { now: new Date(Date.now() + ms) });
}

export async function timelineTypes(t: TenantClient, orderId: string): Promise<string[]> {
  return (await t.request('GET', `/v1/orders/${orderId}/events`)).body.data.map((e: any) => e.type);
}
