// A return's timeline events go on its order's timeline, each with an outbox twin whose
// payload carries order_id, return_id and the return number, so the notification and
// webhook relays need nothing else to find what it is about.
import type { Kdb } from '../../platform/db/index.ts';
import { recordEvents } from '../orders/index.ts';

export type ReturnEventType = 'return.requested' | 'return.approved' | 'return.rejected' | 'return.received' | 'return.closed';

export interface ReturnRef { id: string; number: number; order_id: string; order_number: number }

/** Writes one return event (timeline + outbox) in the caller's transaction. */
export async function recordReturnEvent(trx: Kdb, tenantId: string, actor: string, ret: ReturnRef, type: ReturnEventType, data: Record<string, unknown> = {}): Promise<void> {
  const ids = { return_id: ret.id, number: String(ret.number) };
  await recordEvents(trx, tenantId, ret.order_id, actor, [{ type, data: { ...ids, ...data } }], [{
    topic: type, aggregateId: ret.id,
    payload: { order_id: ret.order_id, order_number: String(ret.order_number), ...ids, ...data },
  }]);
}
