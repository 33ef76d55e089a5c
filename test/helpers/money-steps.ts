// The steps of the money property test, each driven through the HTTP API on one order:
// an edit, a (partial) shipment, a delivery, a staff return closed with its refund, a
// goodwill refund, a cancel. A step that does not apply to the order as it now is says so
// and changes nothing; every step answers a line saying what it did, for the failure log.
import assert from 'node:assert/strict';
import type { ApiResponse, TenantClient } from './harness.ts';
import { setUpShop } from './fixtures.ts';
import type { MoneyBooks } from './money-books.ts';

/** A: only at WH-1, B: only at WH-2 (an order with both splits), C: at both. */
export const MONEY_SKUS = ['A', 'B', 'C'] as const;
const SERVICE = 'MONEY-POST';

export type Step =
  | { kind: 'edit'; op: 'set_quantity' | 'add_line' | 'remove_line'; pick: number; quantity: number; sku: string; unit_price: number | undefined }
  | { kind: 'ship'; pick: number; units: number; whole: boolean }
  | { kind: 'deliver'; pick: number }
  | { kind: 'return'; pick: number; units: number; damaged: boolean }
  | { kind: 'refund'; share: number; nudge: number }
  | { kind: 'cancel' };
export type StepResult = string;

function expectStatus(r: ApiResponse, status: number, what: string): void {
  assert.equal(r.status, status, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
}

/** A tenant's shop: two warehouses, three products, a manual carrier service, the channel's capture mode and a return policy. */
export async function moneyShop(t: TenantClient, captureMode: 'on_shipment' | 'immediate', returnPolicy: Record<string, unknown>): Promise<void> {
  await setUpShop(t, {
    locations: [{ code: 'WH-1', priority: 1 }, { code: 'WH-2', priority: 2 }],
    products: [{ sku: 'A', price: 1000 }, { sku: 'B', price: 2500 }, { sku: 'C', price: 799 }],
    stock: { A: { 'WH-1': 60 }, B: { 'WH-2': 60 }, C: { 'WH-1': 60, 'WH-2': 60 } },
  });
  expectStatus(await t.request('PATCH', '/v1/channels/web', { capture_mode: captureMode }), 200, 'capture mode');
  expectStatus(await t.request('POST', '/v1/carrier-services', { code: SERVICE, name: 'Post', carrier: 'manual' }), 201, 'carrier service');
  expectStatus(await t.request('PUT', '/v1/settings/return-policy', returnPolicy), 200, 'return policy');
}

const editable = (order: any) => (order.status === 'open' || order.status === 'on_hold') && order.shipments.length === 0;
const activeLines = (order: any) => order.lines.filter((l: any) => l.quantity - l.canceled > 0);
const pickOf = <T>(items: readonly T[], pick: number): T => items[pick % items.length] as T;

/** Previews and confirms one change while nothing has shipped. */
export async function editOrder(t: TenantClient, books: MoneyBooks, step: Extract<Step, { kind: 'edit' }>): Promise<StepResult> {
  const { order } = books;
  if (!editable(order)) return `skipped: order ${order.status}, ${order.shipments.length} shipments`;
  const lines = activeLines(order);
  let change: Record<string, unknown>;
  if (step.op === 'add_line') {
    change = { op: 'add_line', sku: step.sku, quantity: step.quantity, ...(step.unit_price !== undefined ? { unit_price: step.unit_price } : {}) };
  } else if (step.op === 'remove_line') {
    if (lines.length < 2) return 'skipped: the last line cannot be removed';
    change = { op: 'remove_line', line_id: pickOf<any>(lines, step.pick).id };
  } else {
    change = { op: 'set_quantity', line_id: pickOf<any>(lines, step.pick).id, quantity: step.quantity };
  }
  const preview = await t.request('POST', `/v1/orders/${order.id}/edits/preview`, { changes: [change] });
  if (preview.status === 422 && (preview.body.errors ?? []).some((e: { path: string }) => e.path.includes('discount'))) {
    return `refused: discount ${order.discount_total} above the new subtotal`;
  }
  expectStatus(preview, 200, 'edit preview');
  const confirmed = await t.request('POST', `/v1/orders/${order.id}/edits`, { changes: [change], expected_version: preview.body.version });
  expectStatus(confirmed, 201, 'edit');
  const { previous_totals: before, new_totals: after, payment_difference: difference, payment_action: action } = confirmed.body;
  assert.equal(difference, after.total - before.total, 'payment difference is the change of the total');
  assert.equal(action, preview.body.payment_action, 'the confirmed edit settles as previewed');
  return `edited (${JSON.stringify(change)}): total ${before.total} → ${after.total}, ${action}`;
}

/** Ships a whole fulfillment order, or a package of some of its units. */
export async function shipSome(t: TenantClient, books: MoneyBooks, step: Extract<Step, { kind: 'ship' }>): Promise<StepResult> {
  const { order } = books;
  if (order.status !== 'open') return `skipped: order ${order.status}`;
  const open = order.fulfillment_orders.filter((fo: any) => fo.lines.some((l: any) => l.status === 'reserved'));
  if (open.length === 0) return 'skipped: nothing left to ship';
  const fo = pickOf<any>(open, step.pick);
  const reserved = fo.lines.filter((l: any) => l.status === 'reserved');
  const units = reserved.reduce((n: number, l: any) => n + l.quantity, 0);
  const tracking = { service: SERVICE, tracking_number: `MP-${fo.id.slice(-8)}-${order.shipments.length}` };
  if (step.whole || units <= step.units) {
    expectStatus(await t.request('POST', `/v1/fulfillment-orders/${fo.id}/shipments`, tracking), 201, 'ship');
    return `shipped the ${units} units left at ${fo.location}`;
  }
  const items: { allocation_id: string; quantity: number }[] = [];
  let left = step.units;
  for (const l of reserved) {
    const take = Math.min(left, l.quantity);
    if (take > 0) items.push({ allocation_id: l.allocation_id, quantity: take });
    left -= take;
  }
  const packed = await t.request('POST', `/v1/fulfillment-orders/${fo.id}/packages`, { items, weight_g: 500, dimensions: { length_mm: 300, width_mm: 200, height_mm: 100 } });
  expectStatus(packed, 201, 'pack');
  expectStatus(await t.request('POST', `/v1/fulfillment-orders/${fo.id}/shipments`, { ...tracking, packages: [packed.body.id] }), 201, 'ship package');
  return `shipped a package of ${step.units} of ${units} units at ${fo.location} (${items.map((i) => `${i.allocation_id.slice(-4)}×${i.quantity}`).join(', ')})`;
}

/** Delivers one shipment that is still on its way. */
export async function deliverOne(t: TenantClient, books: MoneyBooks, step: Extract<Step, { kind: 'deliver' }>): Promise<StepResult> {
  const going = books.order.shipments.filter((s: any) => s.status !== 'delivered' && s.status !== 'picked_up');
  if (going.length === 0) return 'skipped: nothing on its way';
  const shipment = pickOf<any>(going, step.pick);
  expectStatus(await t.request('POST', `/v1/shipments/${shipment.id}/events`, { status: 'delivered' }), 200, 'deliver');
  return `delivered ${shipment.items.map((i: any) => `${i.sku}×${i.quantity}`).join(', ')}`;
}

/** Units per line that were delivered and that no other return claims. */
function returnableByLine(order: any): Map<string, number> {
  const left = new Map<string, number>();
  for (const s of order.shipments) {
    if (s.status !== 'delivered' && s.status !== 'picked_up') continue;
    for (const i of s.items) left.set(i.order_line_id, (left.get(i.order_line_id) ?? 0) + i.quantity);
  }
  for (const r of order.returns ?? []) {
    if (r.status === 'rejected') continue;
    const counted = r.status === 'received' || r.status === 'closed';
    for (const i of r.items) left.set(i.line_id, (left.get(i.line_id) ?? 0) - (counted ? i.received_quantity : i.quantity));
  }
  return left;
}

/**
 * A staff return of delivered units of one line, approved, received (sellable or damaged)
 * where they shipped from, and closed. Closing refunds what the preview said — or, when
 * that is more than the order's captured money not yet refunded (goodwill refunds took
 * it), exactly what is left, recording the rest as the refund's shortfall.
 */
export async function returnSome(t: TenantClient, books: MoneyBooks, step: Extract<Step, { kind: 'return' }>): Promise<StepResult> {
  const { order } = books;
  const candidates = [...returnableByLine(order)].filter(([, n]) => n > 0);
  if (candidates.length === 0) return 'skipped: nothing delivered to return';
  const [lineId, returnable] = pickOf(candidates, step.pick);
  const quantity = Math.min(step.units, returnable);
  const location = order.fulfillment_orders.find((fo: any) => fo.lines.some((l: any) => l.order_line_id === lineId))?.location ?? 'WH-1';
  const created = await t.request('POST', '/v1/returns', { order: order.id, items: [{ line_id: lineId, quantity, reason: 'other' }], approve: true });
  expectStatus(created, 201, 'return');
  const condition = step.damaged ? 'damaged' : 'sellable';
  expectStatus(await t.request('POST', `/v1/returns/${created.body.id}/receive`, { location, items: [{ line_id: lineId, quantity, condition }] }), 200, 'receive');
  const preview = (await t.request('GET', `/v1/returns/${created.body.id}`)).body.refund_preview as { amount: number; shortfall: number };
  const owed = preview.amount + preview.shortfall;
  const grantable = Math.min(owed, books.refundable);
  assert.deepEqual([preview.amount, preview.shortfall], [grantable, owed - grantable], `the preview refunds at most the ${books.refundable} refundable`);
  const closed = await t.request('POST', `/v1/returns/${created.body.id}/close`);
  const sku = order.lines.find((l: any) => l.id === lineId)?.sku;
  expectStatus(closed, 200, 'close');
  assert.equal(closed.body.status, 'closed');
  assert.deepEqual([closed.body.refund.amount, closed.body.refund.shortfall], [preview.amount, preview.shortfall], 'the close refunds what the preview showed');
  const short = preview.shortfall > 0 ? `, shortfall ${preview.shortfall}` : '';
  return `returned ${sku}×${quantity} ${condition} to ${location}: refund ${preview.amount}${short} (refundable was ${books.refundable})`;
}

/** A goodwill refund of part of (or more than) what may be refunded: refused exactly when it is more. */
export async function goodwillRefund(t: TenantClient, books: MoneyBooks, step: Extract<Step, { kind: 'refund' }>): Promise<StepResult> {
  const amount = Math.max(1, Math.floor((books.refundable * step.share) / 100) + step.nudge);
  const r = await t.request('POST', `/v1/orders/${books.order.id}/refunds`, { amount, reason: 'goodwill' });
  if (amount > books.refundable) {
    expectStatus(r, 422, `refund of ${amount} with ${books.refundable} refundable`);
    assert.equal(r.body.code, 'refund_exceeds_captured');
    assert.equal(r.body.refundable, books.refundable);
    return `refund ${amount} refused (refundable ${books.refundable})`;
  }
  expectStatus(r, 201, `refund of ${amount} with ${books.refundable} refundable`);
  return `refunded ${amount} (refundable was ${books.refundable})`;
}

/** Cancels the order, or after a partial shipment what has not shipped; a fully shipped order refuses (409). */
export async function cancelRest(t: TenantClient, books: MoneyBooks): Promise<StepResult> {
  const { order } = books;
  if (order.status !== 'open' && order.status !== 'on_hold') return `skipped: order ${order.status}`;
  const active = order.lines.reduce((n: number, l: any) => n + l.quantity - l.canceled, 0);
  const shipped = order.shipments.reduce((n: number, s: any) => n + s.items.reduce((m: number, i: any) => m + i.quantity, 0), 0);
  const r = await t.request('POST', `/v1/orders/${order.id}/cancel`, { reason: 'customer asked' });
  if (shipped >= active) {
    expectStatus(r, 409, 'cancel of a fully shipped order');
    return 'cancel refused: everything shipped';
  }
  expectStatus(r, 200, 'cancel');
  return `canceled ${shipped === 0 ? 'the order' : `the ${active - shipped} unshipped units`}: total ${order.total} → ${r.body.total}, status ${r.body.status}`;
}

/** Ships and delivers everything left. */
export async function shipAll(t: TenantClient, books: MoneyBooks): Promise<StepResult> {
  const { order } = books;
  const done: string[] = [];
  for (const fo of order.fulfillment_orders.filter((f: any) => f.lines.some((l: any) => l.status === 'reserved'))) {
    const r = await t.request('POST', `/v1/fulfillment-orders/${fo.id}/shipments`, { service: SERVICE, tracking_number: `MP-${fo.id.slice(-8)}-last` });
    expectStatus(r, 201, 'ship the rest');
    done.push(`shipped the rest at ${fo.location}`);
  }
  const shipments = (await t.request('GET', `/v1/orders/${order.id}`)).body.shipments;
  for (const s of shipments.filter((x: any) => x.status !== 'delivered' && x.status !== 'picked_up')) {
    expectStatus(await t.request('POST', `/v1/shipments/${s.id}/events`, { status: 'delivered' }), 200, 'deliver the rest');
    done.push('delivered one');
  }
  return done.join(', ') || 'nothing left';
}

/**
 * Marks unpaid manual payments (a prepaid order's edit that raised the total) paid in
 * full, as an operator would once the money arrived — after checking that together they
 * ask for no more than the order still owes.
 */
export async function markManualPaid(t: TenantClient, books: MoneyBooks): Promise<StepResult> {
  const unpaid = books.payments.filter((x) => x.provider === 'manual' && (x.status === 'pending' || x.status === 'partially_captured'));
  const open = unpaid.reduce((n, p) => n + p.amount - p.captured, 0);
  const owed = books.order.total - (books.captured - books.refundedOutsideReturns);
  assert.ok(open <= owed, `unpaid manual payments ask for ${open}, the order owes ${owed}`);
  for (const p of unpaid) expectStatus(await t.request('POST', `/v1/payments/${p.id}/mark-paid`, {}), 200, 'mark paid');
  return unpaid.length > 0 ? `marked ${open} paid (owed ${owed})` : 'no manual payment to mark';
}
