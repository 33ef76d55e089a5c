// What is on its way: the open quantities of submitted purchase orders per product and
// destination, with their expected dates, for replenishment to count as on order.
// Drafts are reported apart: they are not yet ordered, but a planner should see them.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';

export interface IncomingRow {
  productId: string;
  locationId: string;
  /** 'YYYY-MM-DD', or null when the order did not say. */
  expectedDate: string | null;
  /** Units ordered and not yet received (submitted orders only). */
  onOrder: number;
  /** Units on draft orders, not yet submitted. */
  onDraft: number;
}

/** Open purchase quantities of the tenant, optionally for some products only. */
export async function listIncoming(db: Kdb, tenantId: string, productIds?: readonly string[]): Promise<IncomingRow[]> {
  const products = productIds === undefined ? sql`true` : sql`pl.product_id = any(${[...productIds]}::text[])`;
  const { rows } = await sql<{ product_id: string; location_id: string; expected_date: string | null; on_order: number; on_draft: number }>`
    select pl.product_id, po.location_id, po.expected_date,
           coalesce(sum(pl.quantity - pl.quantity_received) filter (where po.status in ('ordered', 'partially_received')), 0)::int8 as on_order,
           coalesce(sum(pl.quantity) filter (where po.status = 'draft'), 0)::int8 as on_draft
    from purchase_orders po
    join purchase_order_lines pl on pl.tenant_id = po.tenant_id and pl.purchase_order_id = po.id
    where po.tenant_id = ${tenantId} and po.status in ('draft', 'ordered', 'partially_received') and ${products}
    group by 1, 2, 3`.execute(db);
  return rows
    .map((r) => ({ productId: r.product_id, locationId: r.location_id, expectedDate: r.expected_date, onOrder: r.on_order, onDraft: r.on_draft }))
    .filter((r) => r.onOrder > 0 || r.onDraft > 0);
}
