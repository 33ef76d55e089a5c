// Ships and delivers an order for the returns tests through the shipping API: a manual
// carrier service, one shipment per open fulfillment order, then a `delivered` tracking
// event at the given moment. Pass deliveredAt: null to ship without delivering.
import assert from 'node:assert/strict';
import type { Kdb } from '../../src/platform/db/index.ts';
import type { ApiResponse, TenantClient } from './harness.ts';

const SERVICE = 'RET-TEST-POST';

async function ensureCarrierService(t: TenantClient): Promise<void> {
  const existing = await t.request('GET', `/v1/carrier-services/${SERVICE}`);
  if (existing.status === 200) return;
  const created = await t.request('POST', '/v1/carrier-services', { code: SERVICE, name: 'Test post', carrier: 'manual' });
  assert.equal(created.status, 201, `carrier service: ${JSON.stringify(created.body)}`);
}

/** Ships every open fulfillment order of the order and, unless deliveredAt is null, delivers it then (default now). */
export async function shipAndDeliver(t: TenantClient, orderId: string, options: { deliveredAt?: Date | null } = {}): Promise<string[]> {
  await ensureCarrierService(t);
  const fulfillment = await t.request('GET', `/v1/fulfillment-orders?order=${orderId}`);
  assert.equal(fulfillment.status, 200, JSON.stringify(fulfillment.body));
  const shipmentIds: string[] = [];
  for (const fo of fulfillment.body.data.filter((f: { status: string }) => f.status !== 'shipped' && f.status !== 'canceled')) {
    const shipped: ApiResponse = await t.request('POST', `/v1/fulfillment-orders/${fo.id}/shipments`, { service: SERVICE, tracking_number: `T-${fo.id}` });
    assert.equal(shipped.status, 201, `ship: ${JSON.stringify(shipped.body)}`);
    shipmentIds.push(shipped.body.id);
  }
  const deliveredAt = options.deliveredAt === undefined ? new Date() : options.deliveredAt;
  if (deliveredAt) {
    for (const id of shipmentIds) {
      const delivered: ApiResponse = await t.request('POST', `/v1/shipments/${id}/events`, { status: 'delivered', occurred_at: deliveredAt.toISOString() });
      assert.equal(delivered.status, 200, `deliver: ${JSON.stringify(delivered.body)}`);
    }
  }
  return shipmentIds;
}

/** Moves the delivery of an order's shipments to another moment (a window far in the future, say). */
export async function setDeliveredAt(db: Kdb, tenantId: string, orderId: string, deliveredAt: Date): Promise<void> {
  await db.updateTable('shipments').set({ delivered_at: deliveredAt, status: 'delivered' })
    .where('tenant_id', '=', tenantId).where('order_id', '=', orderId).execute();
}
