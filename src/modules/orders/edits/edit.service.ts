// Order edits before shipment: preview (reads, plans, writes nothing) and confirm (the
// same plan, then lines, reservations, totals, version, payment difference, history,
// timeline and outbox in the caller's one transaction).
import type { Kdb } from '../../../platform/db/index.ts';
import { newId } from '../../../platform/ids.ts';
import { Problem, decodeCursor, iso, toPage } from '../../../platform/http/index.ts';
import type { Principal } from '../../access/index.ts';
import { insertMovements, reserveForOrder, unreserve } from '../../inventory/index.ts';
import { transitionFulfillmentOrder } from '../../fulfillment/index.ts';
import { settlePaymentDifference } from '../../payments/index.ts';
import { recordEvents } from '../orders.repository.ts';
import { getOrderRecordFor, loadOrderView } from '../orders.queries.ts';
import type { OrderView } from '../order.view.ts';
import type { EditChange, EditConfirmInput } from './edit.schemas.ts';
import { planEdit, type EditPlan, type TotalsView } from './edit.plan.ts';
import { planStock, stockDeltas, type StockDelta, type StockLine, type StockPlan } from './edit.stock.ts';
import { currentLines, loadEditContext, readStock, routingFor, type EditContext } from './edit.context.ts';
import { previewPaymentAction, type PaymentAction } from './edit.payments.ts';
import * as repo from './edit.repository.ts';

interface PlannedEdit { context: EditContext; plan: EditPlan; stockLines: StockLine[]; stock: StockPlan; deltas: StockDelta[] }

/** Plans the whole edit from the context: lines and totals, then where units come and go. */
async function planWholeEdit(trx: Kdb, principal: Principal, idOrNumber: string, changes: readonly EditChange[], expectedVersion: number | null): Promise<PlannedEdit> {
  const context = await loadEditContext(trx, principal, idOrNumber, changes, expectedVersion);
  const order = context.order;
  const anyShipped = context.allocations.some((a) => a.status === 'fulfilled');
  const plan = planEdit({
    subtotal: order.subtotal, discountTotal: order.discount_total, shippingTotal: order.shipping_total, taxTotal: order.tax_total, total: order.total,
    shippingMethod: order.shipping_method, shippingAddress: order.shipping_address, anyShipped,
  }, currentLines(context), changes, context.added, () => newId('oln'));

  const backordered = new Map(context.lines.map((l) => [l.id, l.backordered]));
  const stockLines: StockLine[] = plan.lines.map((l) => ({
    id: l.id, productId: l.productId, sku: l.sku, policy: context.productsById.get(l.productId)?.inventory_policy ?? 'deny',
    delta: l.delta, backordered: backordered.get(l.id) ?? 0, changeIndex: l.changeIndex,
    reservations: context.allocations.filter((a) => a.order_line_id === l.id && a.status === 'reserved')
      .map((a) => ({ id: a.id, locationId: a.location_id, quantity: a.quantity, picked: a.picked })),
  }));
  const moving = stockLines.filter((l) => l.delta !== 0).map((l) => l.productId);
  const available = await readStock(trx, principal.tenantId, moving, expectedVersion !== null);
  const routing = routingFor(context, changes);
  const stock = planStock(stockLines, {
    ...routing, stock: available, orderTotal: plan.proposed.total,
    orderLocations: new Set(context.allocations.filter((a) => a.status === 'reserved').map((a) => a.location_id)),
  });
  const codeOf = new Map([...routing.candidates.map((c) => [c.locationId, c.code] as const), ...context.allocations.map((a) => [a.location_id, a.location_code] as const)]);
  return { context, plan, stockLines, stock, deltas: stockDeltas(stockLines, stock, codeOf) };
}

export interface EditLineView {
  id: string; sku: string; name: string; quantity: number; canceled: number; unit_price: number;
  discount_allocated: number; total: number; backordered: number; change: 'added' | 'changed' | 'removed' | null;
}

export interface EditPreview {
  order_id: string; version: number; current: TotalsView; proposed: TotalsView; lines: EditLineView[];
  shipping: { method: string | null; amount: number }; shipping_address: unknown;
  payment_difference: number; payment_action: PaymentAction; stock: StockDelta[];
}

function linesView(edit: PlannedEdit): EditLineView[] {
  const before = new Map(edit.context.lines.map((l) => [l.id, l]));
  return edit.plan.lines.map((l) => {
    const old = before.get(l.id);
    const removed = l.quantity === l.canceled && (old?.canceled ?? 0) < (old?.quantity ?? 0);
    const change = l.isNew ? 'added' : removed ? 'removed' : old && (old.quantity !== l.quantity || old.canceled !== l.canceled) ? 'changed' : null;
    return {
      id: l.id, sku: l.sku, name: l.name, quantity: l.quantity, canceled: l.canceled, unit_price: l.unitPrice,
      discount_allocated: l.discountAllocated, total: l.total, backordered: edit.stock.backordered.get(l.id) ?? 0, change,
    };
  });
}

/** Shows what an edit would do, without doing it: totals, lines, payment difference, stock. */
export async function previewEdit(trx: Kdb, principal: Principal, idOrNumber: string, changes: readonly EditChange[]): Promise<EditPreview> {
  const edit = await planWholeEdit(trx, principal, idOrNumber, changes, null);
  const { order } = edit.context;
  return {
    order_id: order.id, version: order.version, current: edit.plan.current, proposed: edit.plan.proposed, lines: linesView(edit),
    shipping: edit.plan.shipping, shipping_address: edit.plan.shippingAddress,
    payment_difference: edit.plan.paymentDifference,
    payment_action: await previewPaymentAction(trx, principal.tenantId, order.id, edit.plan.paymentDifference),
    stock: edit.deltas,
  };
}

export interface EditView {
  id: string; order_id: string; version: number; changes: unknown; previous_totals: Record<string, number>; new_totals: Record<string, number>;
  payment_difference: number; payment_action: string; stock: unknown; actor: string; created_at: string;
}

function toEditView(row: repo.EditRecord): EditView {
  return { ...row, created_at: iso(row.created_at) ?? '' };
}

/** Gives back the units the plan releases: allocations shrink, levels unreserve, one ledger row per level. */
async function releaseUnits(trx: Kdb, principal: Principal, orderId: string, stock: StockPlan): Promise<void> {
  if (stock.releases.length === 0) return;
  const shrunk = await repo.shrinkAllocations(trx, principal.tenantId, orderId, stock.releases);
  if (shrunk !== stock.releases.length) {
    throw new Problem('order_not_editable', 'Units of the order were picked while the edit was being made; preview it again.');
  }
  const levels = new Map<string, { productId: string; locationId: string; quantity: number }>();
  for (const r of stock.releases) {
    const key = `${r.productId}\u0000${r.locationId}`;
    const level = levels.get(key) ?? { productId: r.productId, locationId: r.locationId, quantity: 0 };
    level.quantity += r.quantity;
    levels.set(key, level);
  }
  const rows = [...levels.values()].sort((a, b) => (a.productId + a.locationId < b.productId + b.locationId ? -1 : 1));
  const released = await unreserve(trx, principal.tenantId, rows);
  if (released !== rows.length) throw new Error(`unreserved ${released} of ${rows.length} levels of order ${orderId}`);
  await insertMovements(trx, principal.tenantId, rows.map((r) => ({
    productId: r.productId, locationId: r.locationId, deltaOnHand: 0, deltaReserved: -r.quantity, reason: 'release' as const,
    orderId, note: 'order edit', actor: principal.actor,
  })));
}

/** Writes the planned lines and moves the stock: releases first, then the new reservations. */
async function applyStock(trx: Kdb, principal: Principal, edit: PlannedEdit): Promise<void> {
  const { order } = edit.context;
  await repo.writeLines(trx, principal.tenantId, order.id, edit.plan.lines.map((l) => ({
    id: l.id, position: l.position, product_id: l.productId, sku: l.sku, name: l.name, quantity: l.quantity, canceled: l.canceled,
    unit_price: l.unitPrice, discount_allocated: l.discountAllocated, total: l.total,
    backordered: edit.stock.backordered.get(l.id) ?? 0, isNew: l.isNew,
  })));
  await releaseUnits(trx, principal, order.id, edit.stock);
  const existing = await repo.readOpenFulfillmentOrders(trx, principal.tenantId, order.id);
  await reserveForOrder(trx, principal.tenantId, principal.actor, order.id, edit.stock.reservations, { deliveryType: order.delivery_type, existing });
  for (const id of await repo.emptyOpenFulfillmentOrders(trx, principal.tenantId, order.id)) {
    await transitionFulfillmentOrder(trx, principal.tenantId, id, 'canceled', { from: ['open'] });
  }
}

/**
 * Confirms an edit previewed against `expected_version`: all of it or nothing. Answers
 * the edit record (the new version) and the order as it now is.
 */
export async function confirmEdit(trx: Kdb, principal: Principal, idOrNumber: string, input: EditConfirmInput): Promise<EditView & { order: OrderView }> {
  const tenantId = principal.tenantId;
  const edit = await planWholeEdit(trx, principal, idOrNumber, input.changes, input.expected_version);
  const { order } = edit.context;
  await applyStock(trx, principal, edit);
  const version = await repo.bumpOrderVersion(trx, tenantId, order.id, input.expected_version, {
    subtotal: edit.plan.proposed.subtotal, discount_total: edit.plan.proposed.discount_total, shipping_total: edit.plan.proposed.shipping_total,
    tax_total: edit.plan.proposed.tax_total, total: edit.plan.proposed.total,
    shipping_method: edit.plan.shipping.method, shipping_address: edit.plan.shippingAddress,
  });
  // The row is locked and its version checked, so the conditional update cannot miss.
  if (version === undefined) throw new Error(`order ${order.id} left version ${input.expected_version} under its lock`);
  const difference = edit.plan.paymentDifference;
  const settlement = await settlePaymentDifference(trx, tenantId, principal.actor, order.id, difference);
  const row = await repo.insertEdit(trx, tenantId, {
    id: newId('edt'), order_id: order.id, version, changes: input.changes,
    previous_totals: { ...edit.plan.current }, new_totals: { ...edit.plan.proposed },
    payment_difference: difference, payment_action: settlement.action, stock: edit.deltas, actor: principal.actor,
  });
  const data = { edit_id: row.id, version, changes: input.changes, difference, payment_action: settlement.action, previous_total: order.total, total: edit.plan.proposed.total, stock: edit.deltas };
  await recordEvents(trx, tenantId, order.id, principal.actor, [{ type: 'order.edited', data }], [{
    topic: 'order.edited', aggregateId: order.id,
    payload: {
      order_id: order.id, edit_id: row.id, number: String(order.number), version, currency: order.currency,
      previous_total: order.total, total: edit.plan.proposed.total, payment_difference: difference, payment_action: settlement.action,
    },
  }]);
  return { ...toEditView(row), order: await loadOrderView(trx, principal, order.id) };
}

/** The order's edits, newest first. */
export async function listEdits(db: Kdb, principal: Principal, idOrNumber: string, page: { limit: number; cursor?: string | undefined }) {
  const order = await getOrderRecordFor(db, principal, idOrNumber);
  const rows = await repo.listEditRows(db, principal.tenantId, order.id, page.limit + 1, decodeCursor(page.cursor));
  const result = toPage(rows, page.limit);
  return { data: result.data.map(toEditView), next_cursor: result.next_cursor };
}
