// What the API answers for a purchase order: its lines with what is received and still
// open, money in minor units, and its deliveries.
import type { PurchaseOrderStatus, ReceiptLine } from '../../platform/db/index.ts';
import { iso } from '../../platform/http/index.ts';
import { sumMinor } from '../../platform/money.ts';
import type { PurchaseOrderLineRecord, PurchaseOrderRecord, ReceiptRecord } from './purchase-orders.repository.ts';

export interface PurchaseOrderLineView {
  id: string; sku: string; name: string; quantity: number; received: number;
  /** Units still expected: 0 once received in full or once the order is canceled. */
  open: number;
  unit_cost: number; total: number;
}

export interface ReceiptView { id: string; location: string; lines: ReceiptLine[]; note: string | null; actor: string; received_at: string }

export interface PurchaseOrderView {
  id: string; number: string; status: PurchaseOrderStatus;
  supplier: { code: string; name: string }; location: string; currency: string;
  expected_date: string | null; reference: string | null; note: string | null; cancel_reason: string | null;
  lines: PurchaseOrderLineView[]; total: number;
  receipts?: ReceiptView[];
  created_by: string; created_at: string; updated_at: string;
  submitted_at: string | null; received_at: string | null; canceled_at: string | null;
}

export function toPurchaseOrderView(po: PurchaseOrderRecord, lines: readonly PurchaseOrderLineRecord[], receipts?: readonly ReceiptRecord[]): PurchaseOrderView {
  const closed = po.status === 'canceled' || po.status === 'received';
  const lineViews = lines.map((l) => ({
    id: l.id, sku: l.sku, name: l.name, quantity: l.quantity, received: l.quantity_received,
    open: closed ? 0 : l.quantity - l.quantity_received,
    unit_cost: l.unit_cost, total: l.quantity * l.unit_cost,
  }));
  return {
    id: po.id, number: String(po.number), status: po.status,
    supplier: { code: po.supplier_code, name: po.supplier_name }, location: po.location_code, currency: po.currency,
    expected_date: po.expected_date, reference: po.reference, note: po.note, cancel_reason: po.cancel_reason,
    lines: lineViews, total: sumMinor(lineViews.map((l) => l.total)),
    ...(receipts ? {
      receipts: receipts.map((r) => ({ id: r.id, location: r.location_code, lines: r.lines, note: r.note, actor: r.actor, received_at: iso(r.created_at) ?? '' })),
    } : {}),
    created_by: po.created_by, created_at: iso(po.created_at) ?? '', updated_at: iso(po.updated_at) ?? '',
    submitted_at: iso(po.submitted_at), received_at: iso(po.received_at), canceled_at: iso(po.canceled_at),
  };
}
