// Small, readable set-ups shared by the HTTP tests.
import assert from 'node:assert/strict';
import type { TenantClient } from './harness.ts';

export const ADDRESS = { name: 'Ana Lima', line1: '1 Main St', city: 'Springfield', postal_code: '62701', country: 'US' };

/** Creates a channel, locations and products; stock is given per sku per location code. */
export async function setUpShop(t: TenantClient, options: {
  products?: { sku: string; price?: number; policy?: 'deny' | 'continue' }[];
  locations?: { code: string; ships?: boolean; pickup?: boolean; priority?: number; latitude?: number; longitude?: number; kind?: 'warehouse' | 'store' }[];
  stock?: Record<string, Record<string, number>>;
} = {}): Promise<void> {
  const ok = (r: { status: number; body: unknown }, what: string) => assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
  ok(await t.request('POST', '/v1/channels', { code: 'web', name: 'Web shop', kind: 'web' }), 'channel');
  for (const l of options.locations ?? [{ code: 'WH-1' }]) {
    ok(await t.request('POST', '/v1/locations', {
      code: l.code, name: l.code, kind: l.kind ?? 'warehouse', address: { line1: '1 Dock Rd', city: 'Town', postal_code: '00001', country: 'US' },
      ships: l.ships ?? true, pickup: l.pickup ?? false, ...(l.priority !== undefined ? { priority: l.priority } : {}),
      ...(l.latitude !== undefined ? { latitude: l.latitude, longitude: l.longitude } : {}),
    }), `location ${l.code}`);
  }
  for (const p of options.products ?? [{ sku: 'TEE-M', price: 1999 }]) {
    ok(await t.request('POST', '/v1/products', { sku: p.sku, name: `Product ${p.sku}`, price: p.price ?? 1000, currency: 'USD', inventory_policy: p.policy ?? 'deny' }), `product ${p.sku}`);
  }
  for (const [sku, byLocation] of Object.entries(options.stock ?? {})) {
    for (const [location, quantity] of Object.entries(byLocation)) {
      if (quantity === 0) continue;
      ok(await t.request('POST', '/v1/inventory/adjustments', { sku, location, delta: quantity, reason: 'receipt' }), `stock ${sku}@${location}`);
    }
  }
}

/** A valid order body for the given lines. */
export function orderBody(lines: { sku: string; quantity: number; unit_price?: number }[], extra: Record<string, unknown> = {}) {
  return { channel: 'web', currency: 'USD', customer: { email: 'ana@example.com', name: 'Ana Lima' }, shipping_address: ADDRESS, lines, ...extra };
}

/** The level of one sku at one location. */
export async function levelOf(t: TenantClient, sku: string, location: string) {
  const r = await t.request('GET', `/v1/inventory/levels?sku=${sku}&location=${location}`);
  return r.body.data[0] ?? { on_hand: 0, reserved: 0, available: 0 };
}
