// What a delivery (or a counter pickup) means for the order. The rule: once every active
// unit of the order (ordered minus canceled, backorders included) is in a delivered or
// picked-up shipment, the order is delivered — 'order.delivered' goes to the timeline and
// outbox — and an open order becomes completed. An order on hold stays on hold (a person
// put it there); it is delivered all the same. Runs in the transaction that delivered
// the last shipment, with the order row locked, so it happens exactly once.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { recordEvents, transitionStatus } from '../orders/index.ts';
import { recordDeliveryForPayments } from '../payments/index.ts';

/** Active units of the order and units delivered or picked up so far. */
async function deliveryCounts(db: Kdb, tenantId: string, orderId: string): Promise<{ active: number; delivered: number }> {
  const { rows } = await sql<{ active: number; delivered: number }>`
    select
      (select coalesce(sum(quantity - canceled), 0)::int8 from order_lines where tenant_id = ${tenantId} and order_id = ${orderId}) as active,
      (select coalesce(sum(i.quantity), 0)::int8 from shipment_items i
         join shipments s on s.tenant_id = i.tenant_id and s.id = i.shipment_id
         where s.tenant_id = ${tenantId} and s.order_id = ${orderId} and s.status in ('delivered', 'picked_up')) as delivered`.execute(db);
  const row = rows[0];
  return { active: Number(row?.active ?? 0), delivered: Number(row?.delivered ?? 0) };
}

/**
 * Records a shipment's delivery for payments and, when it completes the order, the
 * order's delivery. The caller holds the order row's lock and has just moved the
 * shipment to delivered (or written it picked up).
 */
export async function afterShipmentDelivered(trx: Kdb, tenantId: string, actor: string, order: { id: string; status: string }, shipmentId: string): Promise<boolean> {
  await recordDeliveryForPayments(trx, tenantId, actor, order.id, shipmentId);
  const { active, delivered } = await deliveryCounts(trx, tenantId, order.id);
  if (active === 0 || delivered < active) return false;
  const completes = order.status === 'open' && await transitionStatus(trx, tenantId, order.id, 'open', 'completed', {});
  await recordEvents(trx, tenantId, order.id, actor,
    [{ type: 'order.delivered', data: { shipment_id: shipmentId, units: delivered, ...(completes ? { status: 'completed' } : {}) } }],
    [{ topic: 'order.delivered', aggregateId: order.id, payload: { order_id: order.id } }]);
  return true;
}
