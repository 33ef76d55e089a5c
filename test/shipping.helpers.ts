// Set-ups shared by the shipping, tracking and pickup tests.
import assert from 'node:assert/strict';
import type { TestApp, TenantClient } from './helpers/harness.ts';

export const RATE_TABLE = {
  zones: [{ code: 'DOMESTIC', countries: ['US'] }, { code: 'WEST', countries: ['US'], postal_prefixes: ['9'] }, { code: 'CANADA', countries: ['CA'] }],
  bands: [
    { max_weight_g: 1000, rates: { DOMESTIC: 600, WEST: 800, CANADA: 1500 } },
    { max_weight_g: 5000, rates: { DOMESTIC: 900, WEST: 1200 } },
  ],
};

/** A rate-table service GROUND (5 days) and a manual COURIER (1 day, flat 1500), both for `standard`. */
export async function setUpCarriers(t: TenantClient): Promise<{ ground: any; courier: any }> {
  const ground = await t.request('POST', '/v1/carrier-services', {
    code: 'GROUND', name: 'Ordo Ground', carrier: 'rate_table', methods: ['standard'], transit_days: 5, currency: 'USD', config: RATE_TABLE,
  });
  assert.equal(ground.status, 201, JSON.stringify(ground.body));
  const courier = await t.request('POST', '/v1/carrier-services', {
    code: 'COURIER', name: 'City Courier', carrier: 'manual', methods: ['standard', 'express'], transit_days: 1, currency: 'USD', config: { flat_rate: 1500 },
  });
  assert.equal(courier.status, 201, JSON.stringify(courier.body));
  return { ground: ground.body, courier: courier.body };
}

/** Sets a product's catalog weight. */
export async function setWeight(t: TenantClient, sku: string, weightG: number): Promise<void> {
  const r = await t.request('PATCH', `/v1/products/${sku}`, { weight_g: weightG });
  assert.equal(r.status, 200, JSON.stringify(r.body));
}

/** The fulfillment orders of an order, oldest first. */
export async function fulfillmentOrdersOf(app: TestApp, t: TenantClient, orderId: string) {
  return app.db.kysely.selectFrom('fulfillment_orders').selectAll()
    .where('tenant_id', '=', t.tenantId).where('order_id', '=', orderId).orderBy('id').execute();
}

/** The one fulfillment order of a single-location order. */
export async function onlyFulfillmentOrder(app: TestApp, t: TenantClient, orderId: string) {
  const fos = await fulfillmentOrdersOf(app, t, orderId);
  assert.equal(fos.length, 1);
  return fos[0] as (typeof fos)[number];
}

/** Puts units of a fulfillment order's allocations in a package, as packing would. */
export async function insertPackage(app: TestApp, t: TenantClient, foId: string, id: string, weightG: number, items: { allocation_id: string; quantity: number }[]): Promise<void> {
  await app.db.kysely.insertInto('packages').values({
    tenant_id: t.tenantId, id, fulfillment_order_id: foId, box_id: null, length_mm: 300, width_mm: 200, height_mm: 100,
    weight_g: weightG, weight_source: 'scale', shipment_id: null,
  }).execute();
  await app.db.kysely.insertInto('package_items').values(items.map((i) => ({ tenant_id: t.tenantId, package_id: id, allocation_id: i.allocation_id, quantity: i.quantity }))).execute();
}

/** The allocations of an order, by id. */
export async function allocationsOf(app: TestApp, t: TenantClient, orderId: string) {
  return app.db.kysely.selectFrom('order_allocations').select(['id', 'order_line_id', 'quantity', 'status', 'fulfillment_order_id', 'picked'])
    .where('tenant_id', '=', t.tenantId).where('order_id', '=', orderId).orderBy('id').execute();
}

/** Outbox rows of a tenant with a topic. */
export async function outboxOf(app: TestApp, t: TenantClient, topic: string) {
  const rows = await app.db.kysely.selectFrom('outbox').select(['topic', 'payload']).where('tenant_id', '=', t.tenantId).where('topic', '=', topic).orderBy('id').execute();
  return rows.map((r) => r.payload as Record<string, unknown>);
}

/** Row counts that a refused request must leave unchanged. */
export async function shippingFootprint(app: TestApp, t: TenantClient) {
  const count = async (table: 'shipments' | 'shipment_items' | 'shipment_events' | 'inventory_movements' | 'order_events' | 'outbox') =>
    Number((await app.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('tenant_id', '=', t.tenantId).executeTakeFirstOrThrow()).n);
  return {
    shipments: await count('shipments'), items: await count('shipment_items'), events: await count('shipment_events'),
    movements: await count('inventory_movements'), timeline: await count('order_events'), outbox: await count('outbox'),
  };
}
