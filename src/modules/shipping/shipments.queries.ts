// Reading shipments: one, the filtered list, an order's (for the order view) and labels.
import type { Kdb } from '../../platform/db/index.ts';
import type { ShipmentStatus } from '../../platform/db/schema-shipping.ts';
import { decodeCursor, notFound, toPage } from '../../platform/http/index.ts';
import type { OrderShipmentView } from '../orders/index.ts';
import * as repo from './shipments.repository.ts';
import { toOrderShipmentView, toShipmentView, type ShipmentView } from './shipment.view.ts';

async function views(db: Kdb, tenantId: string, records: readonly repo.ShipmentRecord[], withPackages: boolean): Promise<ShipmentView[]> {
  const ids = records.map((r) => r.id);
  // One query at a time: db may be a transaction, which must never run two at once.
  const items = await repo.loadShipmentItems(db, tenantId, ids);
  const events = await repo.loadTrackingEvents(db, tenantId, ids);
  const out: ShipmentView[] = [];
  for (const r of records) {
    const packages = withPackages ? await repo.packagesOfShipment(db, tenantId, r.id) : [];
    out.push(toShipmentView(r, items.get(r.id) ?? [], events.get(r.id) ?? [], packages));
  }
  return out;
}

/** The shipment with its items, packages and tracking events, or a 404. */
export async function getShipment(db: Kdb, tenantId: string, id: string): Promise<ShipmentView> {
  const record = await repo.findShipment(db, tenantId, id);
  if (!record) throw notFound('Shipment', id);
  const [view] = await views(db, tenantId, [record], true);
  return view as ShipmentView;
}

/** Shipments newest first, by order and status. */
export async function listShipments(db: Kdb, tenantId: string, filter: { orderId?: string | undefined; status?: ShipmentStatus | undefined; cursor?: string | undefined; limit: number }) {
  const beforeId = decodeCursor(filter.cursor);
  const rows = await repo.listShipmentRecords(db, tenantId, { orderId: filter.orderId, status: filter.status, beforeId, limit: filter.limit });
  const page = toPage(rows, filter.limit);
  return { data: await views(db, tenantId, page.data, false), next_cursor: page.next_cursor };
}

/** The order view's shipments section for each order, oldest first. */
export async function loadOrderShipments(db: Kdb, tenantId: string, orderIds: readonly string[]): Promise<Map<string, OrderShipmentView[]>> {
  const records = await repo.shipmentsOfOrders(db, tenantId, orderIds);
  const items = await repo.loadShipmentItems(db, tenantId, records.map((r) => r.id));
  const out = new Map<string, OrderShipmentView[]>();
  for (const r of records) out.set(r.order_id, [...(out.get(r.order_id) ?? []), toOrderShipmentView(r, items.get(r.id) ?? [])]);
  return out;
}

/** The label PDF of a shipment; 404 when the shipment or its label does not exist. */
export async function getLabel(db: Kdb, tenantId: string, id: string): Promise<{ pdf: Buffer; trackingNumber: string | null }> {
  const row = await repo.loadLabel(db, tenantId, id);
  if (!row) throw notFound('Shipment', id);
  if (!row.label_pdf) throw notFound('Label of shipment', id);
  return { pdf: Buffer.from(row.label_pdf), trackingNumber: row.tracking_number };
}
