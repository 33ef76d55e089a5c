// SQL behind the fulfillment stages: which orders wait where. Each stage is one predicate
// on an order (`o`), and for the stages that are about fulfillment orders also one on a
// fulfillment order (`f`). The counts and the per-stage lists use the same predicates, so
// a number on the dashboard is exactly the length of the list it links to.
//
// Analytics only reads: orders, order lines, allocations and fulfillment orders are other
// modules' tables, used here as a read model. The scans are bounded by the work in
// progress (unfinished fulfillment orders, open and held orders), not by history.
import { sql, type RawBuilder } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';

export const STAGES = ['to_route', 'to_pick', 'picking', 'to_pack', 'to_ship', 'ready_for_pickup', 'on_hold', 'backordered', 'late'] as const;
export type Stage = (typeof STAGES)[number];

/** Stages about fulfillment orders (one order may have several, one per location). */
const FULFILLMENT_STAGES = new Set<Stage>(['to_pick', 'picking', 'to_pack', 'to_ship', 'ready_for_pickup', 'late']);

export function isFulfillmentStage(stage: Stage): boolean {
  return FULFILLMENT_STAGES.has(stage);
}

/** What every stage query needs: the tenant and the moment before which an order is late. */
export interface StageContext { tenantId: string; lateBefore: Date }

/**
 * The fulfillment orders of a stage. Work waits only on orders that are open: a held
 * order's fulfillment orders count under on_hold (picking and shipping refuse it), except
 * for late, which is about the customer's wait and counts held orders too.
 */
function fulfillmentPredicate(stage: Stage, c: StageContext): RawBuilder<unknown> {
  switch (stage) {
    case 'to_pick': return sql`f.status = 'open' and o.status = 'open'`;
    case 'picking': return sql`f.status = 'picking' and o.status = 'open'`;
    // Picked pickup orders are not packed: the store marks them ready for pickup.
    case 'to_pack': return sql`f.status = 'picked' and f.delivery_type = 'ship' and o.status = 'open'`;
    case 'to_ship': return sql`f.status = 'packed' and o.status = 'open'`;
    case 'ready_for_pickup': return sql`f.status = 'ready_for_pickup' and o.status = 'open'`;
    case 'late': return sql`f.delivery_type = 'ship' and f.status in ('open', 'picking', 'picked', 'packed')
      and o.status in ('open', 'on_hold') and o.created_at < ${c.lateBefore}`;
    default: throw new Error(`${stage} is not a fulfillment stage`);
  }
}

/** Units of a line that no reservation (or shipment) covers: backordered, or not routed at all. */
const UNROUTED_LINE = sql`ol.quantity - ol.canceled > coalesce((
  select sum(a.quantity) from order_allocations a
  where a.tenant_id = ol.tenant_id and a.order_line_id = ol.id and a.status in ('reserved', 'fulfilled')), 0)`;

/** The orders of a stage, as a condition on `o`. */
function orderPredicate(stage: Stage, c: StageContext): RawBuilder<unknown> {
  switch (stage) {
    case 'on_hold': return sql`o.status = 'on_hold'`;
    case 'to_route': return sql`o.status = 'open' and exists (
      select 1 from order_lines ol where ol.tenant_id = o.tenant_id and ol.order_id = o.id and ${UNROUTED_LINE})`;
    case 'backordered': return sql`o.status in ('open', 'on_hold') and exists (
      select 1 from order_lines ol where ol.tenant_id = o.tenant_id and ol.order_id = o.id and ol.backordered > 0)`;
    default: return sql`exists (select 1 from fulfillment_orders f
      where f.tenant_id = o.tenant_id and f.order_id = o.id and ${fulfillmentPredicate(stage, c)})`;
  }
}

const countOrders = (stage: Stage, c: StageContext) =>
  sql`(select count(*) from orders o where o.tenant_id = ${c.tenantId} and ${orderPredicate(stage, c)})::int8`;

const countFulfillmentOrders = (stage: Stage, c: StageContext) =>
  sql`(select count(*) from fulfillment_orders f join orders o on o.tenant_id = f.tenant_id and o.id = f.order_id
       where f.tenant_id = ${c.tenantId} and ${fulfillmentPredicate(stage, c)})::int8`;

export interface StageCountRow { stage: Stage; orders: number; fulfillment_orders: number | null }

/** Every stage's count of orders (and of fulfillment orders where that applies), in one round trip. */
export async function stageCounts(db: Kdb, c: StageContext): Promise<StageCountRow[]> {
  const columns = STAGES.flatMap((stage) => [
    sql`${countOrders(stage, c)} as ${sql.ref(`${stage}_orders`)}`,
    ...(isFulfillmentStage(stage) ? [sql`${countFulfillmentOrders(stage, c)} as ${sql.ref(`${stage}_fos`)}`] : []),
  ]);
  const { rows } = await sql<Record<string, string | number>>`select ${sql.join(columns)}`.execute(db);
  const row = rows[0] ?? {};
  return STAGES.map((stage) => ({
    stage,
    orders: Number(row[`${stage}_orders`] ?? 0),
    fulfillment_orders: isFulfillmentStage(stage) ? Number(row[`${stage}_fos`] ?? 0) : null,
  }));
}

/** Units backordered on open and held orders (the stage counts orders; this says how much). */
export async function backorderedUnits(db: Kdb, tenantId: string): Promise<number> {
  const { rows } = await sql<{ units: string | number }>`
    select coalesce(sum(ol.backordered), 0)::int8 as units from order_lines ol
    join orders o on o.tenant_id = ol.tenant_id and o.id = ol.order_id
    where ol.tenant_id = ${tenantId} and ol.backordered > 0 and o.status in ('open', 'on_hold')`.execute(db);
  return Number(rows[0]?.units ?? 0);
}

export interface StageOrderRow { id: string; number: string | number; status: string; channel: string; created_at: Date | string }

/** One page of a stage's orders, oldest first (they have waited longest), after `afterId`. */
export async function stageOrders(db: Kdb, stage: Stage, c: StageContext, afterId: string | null, limit: number): Promise<StageOrderRow[]> {
  const { rows } = await sql<StageOrderRow>`
    select o.id, o.number, o.status, ch.code as channel, o.created_at
    from orders o join channels ch on ch.tenant_id = o.tenant_id and ch.id = o.channel_id
    where o.tenant_id = ${c.tenantId} and ${orderPredicate(stage, c)} ${afterId ? sql`and o.id > ${afterId}` : sql``}
    order by o.id limit ${limit}`.execute(db);
  return rows;
}

export interface StageFulfillmentRow { id: string; order_id: string; location: string; status: string; delivery_type: string }

/** The fulfillment orders of the given orders that are in the stage. */
export async function stageFulfillmentOrders(db: Kdb, stage: Stage, c: StageContext, orderIds: readonly string[]): Promise<StageFulfillmentRow[]> {
  if (orderIds.length === 0 || !isFulfillmentStage(stage)) return [];
  const { rows } = await sql<StageFulfillmentRow>`
    select f.id, f.order_id, l.code as location, f.status, f.delivery_type
    from fulfillment_orders f
    join orders o on o.tenant_id = f.tenant_id and o.id = f.order_id
    join locations l on l.tenant_id = f.tenant_id and l.id = f.location_id
    where f.tenant_id = ${c.tenantId} and f.order_id in (${sql.join([...orderIds])}) and ${fulfillmentPredicate(stage, c)}
    order by f.id`.execute(db);
  return rows;
}
