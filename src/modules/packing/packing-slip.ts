// The packing slip of a fulfillment order: who sends (merchant and location), the order,
// where it goes, each line with what was ordered and what is in this shipment, and the
// packages with their weights. Read in one place, drawn by packingSlipPdf.
import type { Address, Kdb } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/index.ts';
import { listPackages } from './packages.service.ts';
import type { PackageView } from './package.view.ts';

export interface PackingSlip {
  merchant: string;
  location: { code: string; name: string; address: Address };
  order: { number: string; placed_at: Date; email: string | null; customer_name: string | null; shipping_method: string | null; note: string | null };
  ship_to: Address | null;
  delivery_type: 'ship' | 'pickup';
  lines: { sku: string; name: string; ordered: number; in_shipment: number }[];
  packages: PackageView[];
}

/** Everything the slip shows; 404 for an unknown fulfillment order. */
export async function loadPackingSlip(db: Kdb, tenantId: string, fulfillmentOrderId: string): Promise<PackingSlip> {
  const head = await db.selectFrom('fulfillment_orders as f')
    .innerJoin('orders as o', (j) => j.onRef('o.tenant_id', '=', 'f.tenant_id').onRef('o.id', '=', 'f.order_id'))
    .innerJoin('locations as l', (j) => j.onRef('l.tenant_id', '=', 'f.tenant_id').onRef('l.id', '=', 'f.location_id'))
    .innerJoin('tenants as t', 't.id', 'f.tenant_id')
    .select(['f.id', 'f.delivery_type', 't.name as merchant', 'l.code', 'l.name as location_name', 'l.address', 'o.id as order_id', 'o.number', 'o.created_at',
      'o.email', 'o.customer_name', 'o.shipping_address', 'o.shipping_method', 'o.note'])
    .where('f.tenant_id', '=', tenantId).where('f.id', '=', fulfillmentOrderId).executeTakeFirst();
  if (!head) throw notFound('Fulfillment order', fulfillmentOrderId);
  const rows = await db.selectFrom('order_lines as ol')
    .innerJoin('order_allocations as a', (j) => j.onRef('a.tenant_id', '=', 'ol.tenant_id').onRef('a.order_line_id', '=', 'ol.id'))
    .select(['ol.id', 'ol.sku', 'ol.name', 'ol.quantity', 'ol.canceled', 'ol.position', 'a.quantity as allocated'])
    .where('ol.tenant_id', '=', tenantId).where('a.fulfillment_order_id', '=', head.id).where('a.status', '<>', 'released')
    .orderBy('ol.position').execute();
  const lines = new Map<string, PackingSlip['lines'][number]>();
  for (const r of rows) {
    const line = lines.get(r.id) ?? { sku: r.sku, name: r.name, ordered: r.quantity - r.canceled, in_shipment: 0 };
    line.in_shipment += r.allocated;
    lines.set(r.id, line);
  }
  return {
    merchant: head.merchant,
    location: { code: head.code, name: head.location_name, address: head.address },
    order: { number: String(head.number), placed_at: new Date(head.created_at), email: head.email, customer_name: head.customer_name, shipping_method: head.shipping_method, note: head.note },
    ship_to: head.shipping_address, delivery_type: head.delivery_type,
    lines: [...lines.values()], packages: await listPackages(db, tenantId, head.id),
  };
}
