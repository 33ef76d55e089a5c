// Receiving a delivery against a purchase order: the units enter stock through the
// inventory ledger (reason `receipt`, the order number and receipt id in the note), the
// lines count what arrived, and the order becomes partially received or received — all
// in the caller's transaction, so a refused delivery changes nothing.
import type { Kdb, ReceiptLine } from '../../platform/db/index.ts';
import { Problem, type ProblemFieldError } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueOutbox } from '../../platform/outbox.ts';
import { assert } from '../../platform/assert.ts';
import { adjustInventory } from '../inventory/index.ts';
import { allocateBackorders } from '../fulfillment/index.ts';
import { findLocationByCode } from '../locations/index.ts';
import { assertPurchaseOrderTransition, statusAfterReceipt } from './purchase-order.states.ts';
import type { PurchaseOrderView } from './purchase-order.view.ts';
import * as repo from './purchase-orders.repository.ts';
import { getPurchaseOrder, lockedPurchaseOrder, type Actor } from './purchase-orders.service.ts';
import type { ReceiptInput } from './purchasing.schemas.ts';

/** The note every ledger row of a receipt carries, so the ledger points back to the order. */
export function receiptNote(number: number, receiptId: string): string {
  return `purchase order ${number}, receipt ${receiptId}`;
}

function refuse(errors: ProblemFieldError[]): never {
  throw new Problem('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), { errors });
}

/** Receives units of an ordered purchase order into a location. */
export async function receivePurchaseOrder(trx: Kdb, who: Actor, idOrNumber: string, input: ReceiptInput): Promise<PurchaseOrderView> {
  const { tenantId } = who;
  const po = await lockedPurchaseOrder(trx, tenantId, idOrNumber);
  assertPurchaseOrderTransition(po.status, 'partially_received', 'receive');

  const [location, lineMap] = await Promise.all([findLocationByCode(trx, tenantId, input.location), repo.loadLines(trx, tenantId, [po.id])]);
  const lines = lineMap.get(po.id) ?? [];
  const bySku = new Map(lines.map((l) => [l.sku, l]));
  const errors: ProblemFieldError[] = [];
  if (!location || !location.active) errors.push({ path: 'location', message: `unknown location ${input.location}` });
  // Units per SKU in this delivery (a SKU may be listed twice), checked against what is open.
  const arriving = new Map<string, number>();
  input.lines.forEach((line, i) => {
    const poLine = bySku.get(line.sku);
    if (!poLine) {
      errors.push({ path: `lines[${i}].sku`, message: `SKU ${line.sku} is not on purchase order ${po.number}` });
      return;
    }
    const total = (arriving.get(line.sku) ?? 0) + line.quantity;
    arriving.set(line.sku, total);
    const open = poLine.quantity - poLine.quantity_received;
    if (total > open) errors.push({ path: `lines[${i}].quantity`, message: `only ${open} of ${line.sku} still open`, sku: line.sku, open, requested: total });
  });
  if (errors.length > 0 || !location) refuse(errors);

  const receiptId = newId('rcp');
  const note = receiptNote(po.number, receiptId);
  // Stock rows are touched in product order, the order every other writer uses.
  const received = lines.filter((l) => arriving.has(l.sku)).sort((a, b) => (a.product_id < b.product_id ? -1 : a.product_id > b.product_id ? 1 : 0));
  for (const line of received) {
    const quantity = arriving.get(line.sku) ?? 0;
    assert(await repo.addReceived(trx, tenantId, line.id, quantity), `line ${line.id} refused ${quantity} units after the check`);
    await adjustInventory(trx, tenantId, who.actor, { sku: line.sku, location: location.code, delta: quantity, reason: 'receipt', note });
  }
  // Waiting backorders get the new units first, in this transaction.
  await allocateBackorders(trx, tenantId, who.actor, received.map((l) => ({ productId: l.product_id, locationId: location.id })));
  const after = lines.map((l) => ({ quantity: l.quantity, received: l.quantity_received + (arriving.get(l.sku) ?? 0) }));
  const to = statusAfterReceipt(after);
  assert(await repo.transitionPurchaseOrder(trx, tenantId, po.id, po.status, to, to === 'received' ? { received_at: new Date() } : {}),
    `purchase order ${po.id} left ${po.status} while locked`);
  const receiptLines: ReceiptLine[] = received.map((l) => ({ sku: l.sku, quantity: arriving.get(l.sku) ?? 0 }));
  await repo.insertReceipt(trx, tenantId, { id: receiptId, purchaseOrderId: po.id, locationId: location.id, lines: receiptLines, note: input.note ?? null, actor: who.actor });
  await enqueueOutbox(trx, tenantId, [{
    topic: 'purchase_order.received', aggregateId: po.id,
    payload: { id: po.id, number: String(po.number), receipt: receiptId, location: location.code, lines: receiptLines, status: to },
  }]);
  return getPurchaseOrder(trx, tenantId, po.id);
}
