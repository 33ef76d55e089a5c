// The customer's tracking page, without signing in: by order number and e-mail, or by
// tracking number. It answers only what a parcel's label already tells a stranger —
// statuses, carrier, tracking numbers, dates, the pickup store's name — never names,
// addresses, e-mails or prices. A wrong e-mail gets exactly the answer of an unknown
// order, so the page cannot be used to learn which order numbers exist or whose they
// are. Every lookup is an index probe: order by (tenant, number), shipments by
// (tenant, tracking number) or (tenant, order), events by (tenant, shipment).
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Kdb } from '../../platform/db/index.ts';
import type { ShipmentStatus } from '../../platform/db/schema-shipping.ts';
import { iso, invalid, Problem } from '../../platform/http/index.ts';
import { DEFAULT_TENANT_ID } from '../access/index.ts';
import { normalizeEmail } from '../customers/index.ts';
import { deriveFulfillmentStatus } from '../orders/index.ts';
import * as repo from './shipments.repository.ts';
import { toTrackingEventView, type TrackingEventView } from './shipment.view.ts';

export interface PublicTrackingView {
  order_number: string; status: string; fulfillment_status: string;
  shipments: { carrier: string; service: string | null; tracking_number: string | null; status: ShipmentStatus; shipped_at: string; delivered_at: string | null; events: TrackingEventView[] }[];
  pickup?: { location: string; ready: boolean };
}

export interface PublicTrackingQuery { order?: string | undefined; email?: string | undefined; tracking_number?: string | undefined; tenant?: string | undefined }

function noMatch(): Problem {
  return new Problem('not_found', 'No order matches what was entered.');
}

/** Equal e-mails, compared without an early exit (hashes have equal lengths). */
function sameEmail(a: string | null, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a ?? ''), digest(normalizeEmail(b))) && a !== null;
}

interface PublicOrderRow { id: string; number: number; status: string; email: string | null; delivery_type: 'ship' | 'pickup' }

async function findOrder(db: Kdb, tenantId: string, query: PublicTrackingQuery): Promise<PublicOrderRow> {
  const base = db.selectFrom('orders').select(['id', 'number', 'status', 'email', 'delivery_type']).where('tenant_id', '=', tenantId);
  if (query.tracking_number !== undefined) {
    if (query.order !== undefined || query.email !== undefined) throw invalid('query.tracking_number', 'look up by tracking number, or by order and e-mail, not both');
    const shipment = await db.selectFrom('shipments').select('order_id')
      .where('tenant_id', '=', tenantId).where('tracking_number', '=', query.tracking_number).orderBy('id', 'desc').executeTakeFirst();
    const order = shipment && await base.where('id', '=', shipment.order_id).executeTakeFirst();
    if (!order) throw noMatch();
    return order;
  }
  if (query.order === undefined || query.email === undefined) throw invalid(query.order === undefined ? 'query.order' : 'query.email', 'send order and email, or tracking_number');
  const number = Number(query.order);
  const order = Number.isSafeInteger(number) ? await base.where('number', '=', number).executeTakeFirst() : undefined;
  // The same answer for an unknown order and a wrong e-mail.
  if (!order || !sameEmail(order.email, query.email)) throw noMatch();
  return order;
}

export async function publicTracking(db: Kdb, query: PublicTrackingQuery): Promise<PublicTrackingView> {
  const tenantId = query.tenant ?? DEFAULT_TENANT_ID;
  const order = await findOrder(db, tenantId, query);
  const shipments = await repo.shipmentsOfOrders(db, tenantId, [order.id]);
  const ids = shipments.map((s) => s.id);
  const items = await repo.loadShipmentItems(db, tenantId, ids);
  const events = await repo.loadTrackingEvents(db, tenantId, ids);
  const lines = await db.selectFrom('order_lines').select(['id', 'quantity', 'canceled']).where('tenant_id', '=', tenantId).where('order_id', '=', order.id).execute();
  const allocations = await db.selectFrom('order_allocations').select(['order_line_id', 'quantity', 'status'])
    .where('tenant_id', '=', tenantId).where('order_id', '=', order.id).where('status', '<>', 'released').execute();
  const fulfillmentStatus = deriveFulfillmentStatus(
    lines.map((l) => ({ quantity: l.quantity, canceled: l.canceled, allocations: allocations.filter((a) => a.order_line_id === l.id).map((a) => ({ location: '', quantity: a.quantity, status: a.status })) })),
    shipments.map((s) => ({ status: s.status, items: items.get(s.id) ?? [] })),
  );
  return {
    order_number: String(order.number), status: order.status, fulfillment_status: fulfillmentStatus,
    shipments: shipments.map((s) => ({
      carrier: s.carrier, service: s.service_name ?? s.service_code, tracking_number: s.tracking_number, status: s.status,
      shipped_at: iso(s.shipped_at) ?? '', delivered_at: iso(s.delivered_at), events: (events.get(s.id) ?? []).map(toTrackingEventView),
    })),
    ...(order.delivery_type === 'pickup' ? { pickup: await pickupOf(db, tenantId, order.id) } : {}),
  };
}

/** The pickup store's name and whether the order waits there (or was collected). */
async function pickupOf(db: Kdb, tenantId: string, orderId: string): Promise<{ location: string; ready: boolean }> {
  const rows = await db.selectFrom('fulfillment_orders as f')
    .innerJoin('locations as l', (j) => j.onRef('l.tenant_id', '=', 'f.tenant_id').onRef('l.id', '=', 'f.location_id'))
    .select(['l.name', 'f.status']).where('f.tenant_id', '=', tenantId).where('f.order_id', '=', orderId).where('f.status', '<>', 'canceled')
    .orderBy('f.id').execute();
  return { location: rows[0]?.name ?? '', ready: rows.length > 0 && rows.every((r) => r.status === 'ready_for_pickup' || r.status === 'picked_up') };
}
