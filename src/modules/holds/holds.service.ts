// Typed holds: an order is on_hold while at least one of its holds is active. Adding the
// first hold moves open → on_hold; releasing the last moves on_hold → open. Each change
// writes its timeline event and outbox row in the caller's transaction.
import type { Kdb } from '../../platform/db/index.ts';
import type { HoldType } from '../../platform/db/schema-payments.ts';
import { notFound, Problem } from '../../platform/http/index.ts';
import { recordEvents, transitionStatus } from '../orders/index.ts';
import { activeHolds, insertHolds, lockOrderStatus, markReleased, type HoldRow, type NewHold } from './holds.repository.ts';

export const HOLD_TYPES = ['payment_declined', 'fraud_review', 'address_invalid', 'manual'] as const satisfies readonly HoldType[];

export interface HoldInput { type: HoldType; reason: string | null; ruleId?: string | null; ruleName?: string; expiresAt?: Date | null }

/** Places holds on an order (open or already on hold). Refuses a second active hold of the same type. */
export async function placeHolds(trx: Kdb, tenantId: string, actor: string, orderId: string, holds: readonly HoldInput[]): Promise<HoldRow[]> {
  const order = await lockOrderStatus(trx, tenantId, orderId);
  if (!order) throw notFound('Order', orderId);
  if (order.status !== 'open' && order.status !== 'on_hold') {
    throw new Problem('invalid_transition', `Cannot hold an order that is ${order.status}.`, { extra: { from: order.status, to: 'on_hold' } });
  }
  const active = await activeHolds(trx, tenantId, orderId);
  for (const hold of holds) {
    if (active.some((h) => h.type === hold.type)) {
      throw new Problem('invalid_transition', `The order already has an active ${hold.type} hold.`, { extra: { from: order.status, to: 'on_hold', type: hold.type } });
    }
  }
  const rows = await insertHolds(trx, tenantId, holds.map((h): NewHold => ({ orderId, type: h.type, reason: h.reason, ruleId: h.ruleId ?? null, createdBy: actor, expiresAt: h.expiresAt ?? null })));
  const reason = holds[holds.length - 1]?.reason ?? null;
  if (order.status === 'open') await transitionStatus(trx, tenantId, orderId, 'open', 'on_hold', { hold_reason: reason });
  else await transitionStatus(trx, tenantId, orderId, 'on_hold', 'on_hold', { hold_reason: reason });
  const events = rows.map((row, i) => {
    const input = holds[i] as HoldInput;
    const data: Record<string, unknown> = {
      from: order.status, to: 'on_hold', type: row.type, hold_id: row.id, ...(row.reason ? { reason: row.reason } : {}),
      ...(row.rule_id ? { rule: { id: row.rule_id, name: input.ruleName ?? null } } : {}),
      ...(row.expires_at ? { expires_at: row.expires_at.toISOString() } : {}),
    };
    return data;
  });
  await recordEvents(trx, tenantId, orderId, actor, events.map((data) => ({ type: 'order.held', data })),
    events.map((data) => ({ topic: 'order.held', aggregateId: orderId, payload: { order_id: orderId, id: orderId, number: String(order.number), ...data } })));
  return rows;
}

export interface ReleaseSelector { holdId?: string | undefined; type?: HoldType | undefined }

/**
 * Releases one hold (by id), the holds of a type, or all of them; the order opens when
 * none is left. `strict` refuses an order that is not on hold (the API); the payment
 * flow releases quietly whatever matches.
 */
export async function releaseHolds(trx: Kdb, tenantId: string, actor: string, orderId: string, selector: ReleaseSelector, options: { reason?: string | null; strict?: boolean } = {}): Promise<HoldRow[]> {
  const strict = options.strict ?? true;
  const order = await lockOrderStatus(trx, tenantId, orderId);
  if (!order) throw notFound('Order', orderId);
  if (order.status !== 'on_hold') {
    if (!strict) return [];
    throw new Problem('invalid_transition', `Cannot release an order that is ${order.status}.`, { extra: { from: order.status, to: 'open' } });
  }
  const active = await activeHolds(trx, tenantId, orderId);
  const chosen = active.filter((h) => (selector.holdId ? h.id === selector.holdId : selector.type ? h.type === selector.type : true));
  if (chosen.length === 0 && (selector.holdId || selector.type)) {
    if (!strict) return [];
    if (selector.holdId) throw notFound('Active hold', selector.holdId);
    throw new Problem('invalid_transition', `The order has no active ${selector.type} hold.`, { extra: { from: order.status, to: 'open' } });
  }
  const released = await markReleased(trx, tenantId, chosen.map((h) => h.id), actor);
  const left = active.filter((h) => !released.some((r) => r.id === h.id));
  const to = left.length === 0 ? 'open' : 'on_hold';
  await transitionStatus(trx, tenantId, orderId, 'on_hold', to, { hold_reason: left.length === 0 ? null : (left[left.length - 1] as HoldRow).reason });
  const type = to === 'open' ? 'order.released' : 'order.hold_released';
  const data = {
    from: 'on_hold', to, released: released.map((h) => ({ id: h.id, type: h.type })), holds_left: left.length,
    ...(options.reason ? { reason: options.reason } : {}),
  };
  await recordEvents(trx, tenantId, orderId, actor, [{ type, data }],
    [{ topic: type, aggregateId: orderId, payload: { order_id: orderId, id: orderId, number: String(order.number), ...data } }]);
  return released;
}

/** Ends every active hold of an order that is being canceled (no status change here: cancel does that). */
export async function endHoldsOnCancel(trx: Kdb, tenantId: string, actor: string, orderId: string): Promise<number> {
  const active = await activeHolds(trx, tenantId, orderId);
  return (await markReleased(trx, tenantId, active.map((h) => h.id), actor)).length;
}
