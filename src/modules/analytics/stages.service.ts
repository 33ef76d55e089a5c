// The fulfillment stages report: how many orders wait at each step (to route, to pick,
// picking, to pack, to ship, ready for pickup, on hold, backordered, late), and the list
// of orders behind each number.
import type { Kdb } from '../../platform/db/index.ts';
import { decodeCursor, iso, toPage } from '../../platform/http/index.ts';
import * as q from './stages.queries.ts';

/**
 * A shipment is late when its fulfillment order is still unshipped this many hours after
 * the order was placed, unless the request says otherwise (`late_after_hours`).
 */
export const LATE_AFTER_HOURS_DEFAULT = 48;
export const LATE_AFTER_HOURS_MAX = 24 * 365;

export interface StagesQuery { late_after_hours?: number | undefined }

function contextOf(tenantId: string, query: StagesQuery, now: Date): q.StageContext & { lateAfterHours: number } {
  const lateAfterHours = query.late_after_hours ?? LATE_AFTER_HOURS_DEFAULT;
  return { tenantId, lateAfterHours, lateBefore: new Date(now.getTime() - lateAfterHours * 3_600_000) };
}

/** The count of every stage, in pipeline order. */
export async function stagesReport(db: Kdb, tenantId: string, query: StagesQuery, now = new Date()) {
  const c = contextOf(tenantId, query, now);
  const stages = await q.stageCounts(db, c);
  const units = await q.backorderedUnits(db, tenantId);
  return {
    as_of: now.toISOString(),
    late_after_hours: c.lateAfterHours,
    stages: stages.map((s) => (s.stage === 'backordered' ? { ...s, units } : s)),
  };
}

export interface StageListQuery extends StagesQuery { limit: number; cursor?: string | undefined }

/** The orders waiting at one stage, oldest first, each with its fulfillment orders in that stage. */
export async function stageOrderList(db: Kdb, tenantId: string, stage: q.Stage, query: StageListQuery, now = new Date()) {
  const c = contextOf(tenantId, query, now);
  const rows = await q.stageOrders(db, stage, c, decodeCursor(query.cursor), query.limit + 1);
  const page = toPage(rows, query.limit);
  const fulfillment = await q.stageFulfillmentOrders(db, stage, c, page.data.map((r) => r.id));
  return {
    stage,
    late_after_hours: c.lateAfterHours,
    data: page.data.map((r) => {
      const createdAt = new Date(r.created_at);
      return {
        id: r.id, number: String(r.number), status: r.status, channel: r.channel, created_at: iso(createdAt) ?? '',
        waiting_hours: Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / 3_600_000)),
        fulfillment_orders: fulfillment.filter((f) => f.order_id === r.id)
          .map((f) => ({ id: f.id, location: f.location, status: f.status, delivery_type: f.delivery_type })),
      };
    }),
    next_cursor: page.next_cursor,
  };
}
