// Purchase order use cases: create a draft, submit it to the supplier, cancel it, read
// and list. Each change writes its outbox row in the caller's transaction.
import type { Kdb, PurchaseOrderStatus } from '../../platform/db/index.ts';
import { decodeCursor, encodeCursor, notFound, Problem, type ProblemFieldError } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueOutbox } from '../../platform/outbox.ts';
import { findProductsBySkus } from '../catalog/index.ts';
import { findLocationByCode } from '../locations/index.ts';
import { assertPurchaseOrderTransition } from './purchase-order.states.ts';
import { toPurchaseOrderView, type PurchaseOrderView } from './purchase-order.view.ts';
import * as repo from './purchase-orders.repository.ts';
import { findSupplierByCode } from './suppliers.service.ts';

/** A line's value (quantity × unit cost) may not exceed this many minor units. */
export const LINE_TOTAL_MAX = 100_000_000_000;

/** Who acts: the tenant and what the timeline and receipts record as the actor. */
export interface Actor { tenantId: string; actor: string }

export interface NewPurchaseOrderInput {
  supplier: string; location: string; currency?: string | undefined; expected_date?: string | undefined;
  reference?: string | undefined; note?: string | undefined;
  lines: readonly { sku: string; quantity: number; unit_cost: number }[];
}

function refuse(errors: ProblemFieldError[]): never {
  throw new Problem('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), { errors });
}

/** Creates a draft purchase order; every unknown supplier, location or SKU is named by path. */
export async function createPurchaseOrder(trx: Kdb, who: Actor, input: NewPurchaseOrderInput): Promise<PurchaseOrderView> {
  const { tenantId } = who;
  const skus = [...new Set(input.lines.map((l) => l.sku))];
  const [supplier, location, products] = await Promise.all([
    findSupplierByCode(trx, tenantId, input.supplier),
    findLocationByCode(trx, tenantId, input.location),
    findProductsBySkus(trx, tenantId, skus),
  ]);
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const errors: ProblemFieldError[] = [];
  if (!supplier) errors.push({ path: 'supplier', message: `unknown supplier ${input.supplier}` });
  if (!location || !location.active) errors.push({ path: 'location', message: `unknown location ${input.location}` });
  const seen = new Set<string>();
  input.lines.forEach((line, i) => {
    if (!bySku.has(line.sku)) errors.push({ path: `lines[${i}].sku`, message: `unknown SKU ${line.sku}` });
    else if (seen.has(line.sku)) errors.push({ path: `lines[${i}].sku`, message: `SKU ${line.sku} appears on more than one line` });
    seen.add(line.sku);
  });
  if (errors.length > 0 || !supplier || !location) refuse(errors);
  const tooLarge = input.lines.flatMap((line, i) => (line.quantity * line.unit_cost > LINE_TOTAL_MAX
    ? [{ path: `lines[${i}].unit_cost`, message: `quantity × unit_cost exceeds ${LINE_TOTAL_MAX}` }] : []));
  if (tooLarge.length > 0) throw new Problem('amount_out_of_range', 'A line is worth more than a line may be.', { errors: tooLarge });

  const id = newId('pur');
  const number = await repo.nextPurchaseOrderNumber(trx, tenantId);
  await repo.insertPurchaseOrder(trx, tenantId, {
    id, number, supplierId: supplier.id, locationId: location.id, currency: input.currency ?? supplier.currency,
    expectedDate: input.expected_date ?? null, reference: input.reference ?? null, note: input.note ?? null, createdBy: who.actor,
    lines: input.lines.map((l) => ({ id: newId('pol'), productId: (bySku.get(l.sku) as { id: string }).id, quantity: l.quantity, unitCost: l.unit_cost })),
  });
  await enqueueOutbox(trx, tenantId, [{ topic: 'purchase_order.created', aggregateId: id, payload: { id, number: String(number), supplier: supplier.code, location: location.code } }]);
  return getPurchaseOrder(trx, tenantId, id);
}

/** The purchase order by id or number, with lines and receipts, or a 404. */
export async function getPurchaseOrder(db: Kdb, tenantId: string, idOrNumber: string): Promise<PurchaseOrderView> {
  const po = await repo.findPurchaseOrder(db, tenantId, idOrNumber);
  if (!po) throw notFound('Purchase order', idOrNumber);
  const [lines, receipts] = await Promise.all([repo.loadLines(db, tenantId, [po.id]), repo.loadReceipts(db, tenantId, po.id)]);
  return toPurchaseOrderView(po, lines.get(po.id) ?? [], receipts);
}

/** Loads a purchase order and locks it, so the checks that follow hold until commit. */
export async function lockedPurchaseOrder(trx: Kdb, tenantId: string, idOrNumber: string): Promise<repo.PurchaseOrderRecord> {
  const po = await repo.findPurchaseOrder(trx, tenantId, idOrNumber);
  if (!po) throw notFound('Purchase order', idOrNumber);
  const status = await repo.lockPurchaseOrder(trx, tenantId, po.id);
  return { ...po, status: status ?? po.status };
}

async function move(trx: Kdb, who: Actor, idOrNumber: string, action: 'submit' | 'cancel', reason: string | null): Promise<PurchaseOrderView> {
  const { tenantId } = who;
  const po = await lockedPurchaseOrder(trx, tenantId, idOrNumber);
  const to: PurchaseOrderStatus = action === 'submit' ? 'ordered' : 'canceled';
  assertPurchaseOrderTransition(po.status, to, action);
  const now = new Date();
  const fields = action === 'submit' ? { submitted_at: now } : { canceled_at: now, cancel_reason: reason };
  // The row is locked, so this only fails if the lock was not taken: a programmer error.
  if (!(await repo.transitionPurchaseOrder(trx, tenantId, po.id, po.status, to, fields))) {
    throw new Problem('invalid_transition', `The purchase order changed while it was being updated; it is no longer ${po.status}.`, { extra: { from: po.status, to } });
  }
  const topic = action === 'submit' ? 'purchase_order.submitted' : 'purchase_order.canceled';
  await enqueueOutbox(trx, tenantId, [{ topic, aggregateId: po.id, payload: { id: po.id, number: String(po.number), from: po.status, to, actor: who.actor, ...(reason ? { reason } : {}) } }]);
  return getPurchaseOrder(trx, tenantId, po.id);
}

/** Sends a draft to the supplier: its quantities count as on order from now on. */
export function submitPurchaseOrder(trx: Kdb, who: Actor, idOrNumber: string): Promise<PurchaseOrderView> {
  return move(trx, who, idOrNumber, 'submit', null);
}

/** Cancels a draft or an open order; what was already received stays in stock. */
export function cancelPurchaseOrder(trx: Kdb, who: Actor, idOrNumber: string, reason: string | null): Promise<PurchaseOrderView> {
  return move(trx, who, idOrNumber, 'cancel', reason);
}

export interface PurchaseOrderListFilter {
  status?: PurchaseOrderStatus | undefined; supplier?: string | undefined; location?: string | undefined;
  cursor?: string | undefined; limit: number;
}

/** Purchase orders newest first, with their lines; unknown supplier or location codes match nothing. */
export async function listPurchaseOrders(db: Kdb, tenantId: string, filter: PurchaseOrderListFilter): Promise<{ data: PurchaseOrderView[]; next_cursor: string | null }> {
  const beforeId = decodeCursor(filter.cursor);
  const [supplier, location] = await Promise.all([
    filter.supplier ? findSupplierByCode(db, tenantId, filter.supplier) : undefined,
    filter.location ? findLocationByCode(db, tenantId, filter.location) : undefined,
  ]);
  if ((filter.supplier && !supplier) || (filter.location && !location)) return { data: [], next_cursor: null };
  const rows = await repo.listPurchaseOrderRecords(db, tenantId, {
    status: filter.status, supplierId: supplier?.id, locationId: location?.id, beforeId, limit: filter.limit,
  });
  const page = rows.slice(0, filter.limit);
  const lines = await repo.loadLines(db, tenantId, page.map((p) => p.id));
  const last = page[page.length - 1];
  return {
    data: page.map((p) => toPurchaseOrderView(p, lines.get(p.id) ?? [])),
    next_cursor: rows.length > filter.limit && last ? encodeCursor(last.id) : null,
  };
}
