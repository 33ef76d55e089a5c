// Fulfillment order use cases shared with picking, packing, shipping and pickup: read one
// with its lines, move its status by the table.
import type { Kdb } from '../../platform/db/index.ts';
import type { FulfillmentOrderStatus } from '../../platform/db/schema-fulfillment.ts';
import { notFound, Problem } from '../../platform/http/index.ts';
import { statusesLeadingTo } from './fulfillment-order.states.ts';
import { toFulfillmentOrder, type FulfillmentOrder } from './fulfillment-order.view.ts';
import * as repo from './fulfillment-orders.repository.ts';

/** The fulfillment order with its lines (allocations), or 404 not_found. */
export async function getFulfillmentOrder(db: Kdb, tenantId: string, id: string): Promise<FulfillmentOrder> {
  const row = await repo.findFulfillmentOrder(db, tenantId, id);
  if (!row) throw notFound('Fulfillment order', id);
  return toFulfillmentOrder(row, await repo.loadFulfillmentLines(db, tenantId, [row.id]));
}

export interface TransitionResult { id: string; orderId: string; locationId: string; from: FulfillmentOrderStatus; to: FulfillmentOrderStatus }

/**
 * Moves a fulfillment order to `to` with a conditional update: only from a status the
 * table allows (narrowed by `options.from` when the caller expects specific ones).
 * 404 if missing; 409 invalid_transition (with from and to) if its status does not allow it.
 */
export async function transitionFulfillmentOrder(
  trx: Kdb, tenantId: string, id: string, to: FulfillmentOrderStatus, options: { from?: readonly FulfillmentOrderStatus[] } = {},
): Promise<TransitionResult> {
  const allowed = statusesLeadingTo(to).filter((s) => !options.from || options.from.includes(s));
  const moved = await repo.updateFulfillmentStatus(trx, tenantId, id, allowed, to);
  if (moved) return { id: moved.id, orderId: moved.order_id, locationId: moved.location_id, from: moved.previous, to };
  const current = await repo.currentStatus(trx, tenantId, id);
  if (current === undefined) throw notFound('Fulfillment order', id);
  throw new Problem('invalid_transition', `Cannot move fulfillment order ${id} from ${current} to ${to}.`, { extra: { from: current, to } });
}
