// SQL for allocating backorders: the lines waiting for a product, oldest order first.
import type { Kdb } from '../../platform/db/index.ts';

export interface WaitingLine {
  id: string; order_id: string; order_number: number; sku: string; backordered: number;
  delivery_type: 'ship' | 'pickup'; pickup_location_id: string | null;
}

/**
 * Lines of open or held orders with backordered units of the product, oldest order first
 * (then line position), locked so a concurrent edit or cancel of the line waits.
 */
export async function waitingLines(trx: Kdb, tenantId: string, productId: string): Promise<WaitingLine[]> {
  return trx.selectFrom('order_lines as ol')
    .innerJoin('orders as o', (j) => j.onRef('o.tenant_id', '=', 'ol.tenant_id').onRef('o.id', '=', 'ol.order_id'))
    .select(['ol.id', 'ol.order_id', 'o.number as order_number', 'ol.sku', 'ol.backordered', 'o.delivery_type', 'o.pickup_location_id'])
    .where('ol.tenant_id', '=', tenantId).where('ol.product_id', '=', productId).where('ol.backordered', '>', 0)
    .where('o.status', 'in', ['open', 'on_hold'])
    .orderBy('o.created_at').orderBy('o.id').orderBy('ol.position')
    .forUpdate('ol')
    .execute();
}

export async function locationsById(db: Kdb, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { id: string; code: string; ships: boolean; active: boolean }>();
  const rows = await db.selectFrom('locations').select(['id', 'code', 'ships', 'active']).where('tenant_id', '=', tenantId).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}
