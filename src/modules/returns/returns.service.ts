// Return use cases: ask for a return (staff or customer), approve, reject, read, list.
// Every change locks the order's row first (lockOrder), then reads the return, so the
// checks below hold until commit; each writes its timeline event and outbox row.
import type { Kdb } from '../../platform/db/index.ts';
import type { ExchangeLine } from '../../platform/db/schema-after-sales.ts';
import { decodeCursor, encodeCursor, notFound, Problem } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import type { Principal } from '../access/index.ts';
import { applyOrderAction } from '../orders/index.ts';
import { refundableOf } from '../payments/index.ts';
import { assertReturnTransition, type ReturnStatus } from './return.states.ts';
import { checkReturnRequest, type RequestedItem } from './return-eligibility.ts';
import { getReturnPolicy } from './return-policy.ts';
import { refundFor, toRefundView } from './return-amounts.ts';
import { recordReturnEvent } from './return-events.ts';
import { createReplacementOrder, priceExchangeLines } from './exchange.service.ts';
import { toOrderReturnView, toReturnView, type OrderReturnView, type ReturnView } from './return.view.ts';
import * as repo from './returns.repository.ts';

/** Who acts: the request's principal (staff) or, for a customer's request, the tenant and a label. */
export interface ReturnActor { tenantId: string; actor: string }

export interface NewReturnInput {
  items: readonly RequestedItem[];
  note?: string | undefined;
  exchange?: { lines: ExchangeLine[] } | undefined;
  override_policy?: boolean | undefined;
}

/** The order a return is about, or a 404. */
export async function returnOrderOr404(db: Kdb, tenantId: string, idOrNumber: string): Promise<repo.ReturnOrder> {
  const order = await repo.findReturnOrder(db, tenantId, idOrNumber);
  if (!order) throw notFound('Order', idOrNumber);
  return order;
}

/**
 * Opens a return in `requested` after checking it against the policy and what was
 * delivered; refusals name every item by path. Staff may approve at once (`principal`).
 */
export async function requestReturn(
  trx: Kdb, who: ReturnActor, order: repo.ReturnOrder, input: NewReturnInput, source: 'customer' | 'staff', approveAs?: Principal,
): Promise<ReturnView> {
  const { tenantId } = who;
  await repo.lockOrder(trx, tenantId, order.id);
  const policy = await getReturnPolicy(trx, tenantId);
  const lines = await repo.loadLineFacts(trx, tenantId, order.id);
  const override = source === 'staff' && input.override_policy === true;
  const check = checkReturnRequest(input.items, lines, policy, new Date(), override);
  if (!check.ok) {
    throw new Problem(check.code, check.errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors: check.errors });
  }
  // Refuse an exchange that could never be made now rather than at approval.
  if (input.exchange) await priceExchangeLines(trx, tenantId, order, input.exchange.lines);

  const id = newId('ret');
  const number = await repo.nextReturnNumber(trx, tenantId);
  await repo.insertReturn(trx, tenantId, {
    id, number, orderId: order.id, source, note: input.note ?? null, overridePolicy: override,
    exchangeLines: input.exchange?.lines ?? null, items: check.items,
  });
  const ref = { id, number, order_id: order.id, order_number: order.number };
  await recordReturnEvent(trx, tenantId, who.actor, ref, 'return.requested', {
    source, items: check.items.map((i) => ({ line_id: i.lineId, quantity: i.quantity, reason: i.reason })),
    ...(override ? { override_policy: true, overridden: check.overridden } : {}),
    ...(input.exchange ? { exchange: input.exchange.lines } : {}),
  });
  if (approveAs) return approveReturn(trx, approveAs, id);
  return getReturn(trx, tenantId, id);
}

/** The return, locked through its order; throws 404 if unknown. */
export async function lockedReturn(trx: Kdb, tenantId: string, idOrNumber: string): Promise<{ ret: repo.ReturnRecord; order: repo.ReturnOrder }> {
  const found = await repo.findReturn(trx, tenantId, idOrNumber);
  if (!found) throw notFound('Return', idOrNumber);
  await repo.lockOrder(trx, tenantId, found.order_id);
  // Re-read under the lock: another change of this order's returns may have just committed.
  const ret = (await repo.findReturn(trx, tenantId, found.id)) as repo.ReturnRecord;
  const order = await returnOrderOr404(trx, tenantId, ret.order_id);
  return { ret, order };
}

/** Moves the (locked) return or reports the race as a 409; cannot fail while the order lock is held. */
async function move(trx: Kdb, tenantId: string, ret: repo.ReturnRecord, to: ReturnStatus, fields: repo.TransitionFields = {}): Promise<void> {
  if (!(await repo.transitionReturn(trx, tenantId, ret.id, ret.status, to, fields))) {
    throw new Problem('invalid_transition', `The return changed while it was being updated; it is no longer ${ret.status}.`, { extra: { from: ret.status, to } });
  }
}

/** Approves a requested return; an exchange gets its replacement order now. */
export async function approveReturn(trx: Kdb, principal: Principal, idOrNumber: string): Promise<ReturnView> {
  const { tenantId } = principal;
  const { ret, order } = await lockedReturn(trx, tenantId, idOrNumber);
  const to = assertReturnTransition(ret.status, 'approve');
  const fields: repo.TransitionFields = {};
  const data: Record<string, unknown> = {};
  if (ret.exchange_lines) {
    const items = (await repo.loadItems(trx, tenantId, [ret.id])).get(ret.id) ?? [];
    const policy = await getReturnPolicy(trx, tenantId);
    const value = await refundFor(trx, tenantId, order, ret.id, new Map(items.map((i) => [i.order_line_id, i.quantity])), policy);
    const replacement = await createReplacementOrder(trx, principal, order, ret, ret.exchange_lines, value.total);
    fields.exchange_order_id = replacement.orderId;
    fields.exchange_credit = replacement.credit;
    data.exchange_order = { id: replacement.orderId, number: replacement.number, subtotal: replacement.subtotal, credit: replacement.credit, to_pay: replacement.total };
  }
  await move(trx, tenantId, ret, to, fields);
  await recordReturnEvent(trx, tenantId, principal.actor, ret, 'return.approved', data);
  return getReturn(trx, tenantId, ret.id);
}

/** Rejects a requested or approved return; an approved exchange's replacement order is canceled with it. */
export async function rejectReturn(trx: Kdb, principal: Principal, idOrNumber: string, reason: string): Promise<ReturnView> {
  const { tenantId } = principal;
  const { ret } = await lockedReturn(trx, tenantId, idOrNumber);
  const to = assertReturnTransition(ret.status, 'reject');
  if (ret.exchange_order_id) {
    // A replacement on its way cannot be taken back by a rejection: receive the return instead.
    if (await repo.hasShippedUnits(trx, tenantId, ret.exchange_order_id)) {
      throw new Problem('invalid_transition', `Cannot reject return ${ret.number}: its replacement order has shipped.`, { extra: { from: ret.status, to } });
    }
    await applyOrderAction(trx, principal, ret.exchange_order_id, 'cancel', `return ${ret.number} rejected: ${reason}`);
  }
  await move(trx, tenantId, ret, to, { reject_reason: reason });
  await recordReturnEvent(trx, tenantId, principal.actor, ret, 'return.rejected', { reason, ...(ret.exchange_order_id ? { exchange_order_canceled: ret.exchange_order_id } : {}) });
  return getReturn(trx, tenantId, ret.id);
}

/** Units the refund preview counts: what was asked for until the parcel is received, then what came back. */
function previewUnits(ret: repo.ReturnRecord, items: readonly repo.ReturnItemRecord[]): Map<string, number> {
  const received = ret.status === 'received';
  return new Map(items.map((i) => [i.order_line_id, received ? i.received_quantity : i.quantity]));
}

/** The return by id or number, with its items and, while open, the refund closing would issue. */
export async function getReturn(db: Kdb, tenantId: string, idOrNumber: string): Promise<ReturnView> {
  const ret = await repo.findReturn(db, tenantId, idOrNumber);
  if (!ret) throw notFound('Return', idOrNumber);
  const items = (await repo.loadItems(db, tenantId, [ret.id])).get(ret.id) ?? [];
  if (ret.status === 'closed' || ret.status === 'rejected') return toReturnView(ret, items);
  const order = await returnOrderOr404(db, tenantId, ret.order_id);
  const policy = await getReturnPolicy(db, tenantId);
  const breakdown = await refundFor(db, tenantId, order, ret.id, previewUnits(ret, items), policy);
  return toReturnView(ret, items, toRefundView(breakdown, ret.exchange_credit ?? 0, await refundableOf(db, tenantId, order.id)));
}

export interface ReturnListFilter { status?: ReturnStatus | undefined; order?: string | undefined; cursor?: string | undefined; limit: number }

/** Returns newest first; an unknown order matches nothing. */
export async function listReturns(db: Kdb, tenantId: string, filter: ReturnListFilter): Promise<{ data: ReturnView[]; next_cursor: string | null }> {
  const beforeId = decodeCursor(filter.cursor);
  const order = filter.order ? await repo.findReturnOrder(db, tenantId, filter.order) : undefined;
  if (filter.order && !order) return { data: [], next_cursor: null };
  const rows = await repo.listReturnRecords(db, tenantId, { status: filter.status, orderId: order?.id, beforeId, limit: filter.limit });
  const page = rows.slice(0, filter.limit);
  const items = await repo.loadItems(db, tenantId, page.map((r) => r.id));
  const last = page[page.length - 1];
  return {
    data: page.map((r) => toReturnView(r, items.get(r.id) ?? [])),
    next_cursor: rows.length > filter.limit && last ? encodeCursor(last.id) : null,
  };
}

/** The order's returns, oldest first, for the order view. */
export async function returnsOfOrder(db: Kdb, tenantId: string, orderId: string): Promise<OrderReturnView[]> {
  const rows = await repo.listOrderReturns(db, tenantId, orderId);
  const items = await repo.loadItems(db, tenantId, rows.map((r) => r.id));
  return rows.map((r) => toOrderReturnView(r, items.get(r.id) ?? []));
}
