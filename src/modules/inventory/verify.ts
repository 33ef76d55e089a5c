// The reconciler: proves on_hand equals the sum of its ledger, reserved equals both the
// ledger's reserved sum and the open allocations, and no level breaks its bounds.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';

export interface Drift {
  tenant_id: string; sku: string | null; location: string | null;
  on_hand: number; reserved: number; ledger_on_hand: number; ledger_reserved: number; allocated: number;
  problems: string[];
}

interface DriftRow {
  tenant_id: string; product_id: string; location_id: string;
  on_hand: number; reserved: number; ledger_on_hand: number; ledger_reserved: number; allocated: number;
  sku: string | null; location: string | null;
}

/** Every (product, location) whose numbers disagree; empty means the books balance. */
export async function verifyInventory(db: Kdb, tenantId?: string): Promise<Drift[]> {
  const scope = tenantId === undefined ? sql`true` : sql`tenant_id = ${tenantId}`;
  const { rows } = await sql<DriftRow>`
    with levels as (
      select tenant_id, product_id, location_id, on_hand, reserved from inventory_levels where ${scope}
    ), ledger as (
      select tenant_id, product_id, location_id,
             sum(delta_on_hand)::int8 as ledger_on_hand, sum(delta_reserved)::int8 as ledger_reserved
      from inventory_movements where ${scope} group by 1, 2, 3
    ), allocated as (
      select tenant_id, product_id, location_id, sum(quantity)::int8 as allocated
      from order_allocations where status = 'reserved' and ${scope} group by 1, 2, 3
    ), joined as (
      select coalesce(l.tenant_id, g.tenant_id, a.tenant_id) as tenant_id,
             coalesce(l.product_id, g.product_id, a.product_id) as product_id,
             coalesce(l.location_id, g.location_id, a.location_id) as location_id,
             coalesce(l.on_hand, 0)::int8 as on_hand, coalesce(l.reserved, 0)::int8 as reserved,
             coalesce(g.ledger_on_hand, 0)::int8 as ledger_on_hand, coalesce(g.ledger_reserved, 0)::int8 as ledger_reserved,
             coalesce(a.allocated, 0)::int8 as allocated
      from levels l
      full join ledger g on g.tenant_id = l.tenant_id and g.product_id = l.product_id and g.location_id = l.location_id
      full join allocated a on a.tenant_id = coalesce(l.tenant_id, g.tenant_id)
        and a.product_id = coalesce(l.product_id, g.product_id) and a.location_id = coalesce(l.location_id, g.location_id)
    )
    select j.*, p.sku, c.code as location
    from joined j
    left join products p on p.tenant_id = j.tenant_id and p.id = j.product_id
    left join locations c on c.tenant_id = j.tenant_id and c.id = j.location_id
    where j.on_hand <> j.ledger_on_hand or j.reserved <> j.ledger_reserved or j.reserved <> j.allocated
       or j.on_hand < 0 or j.reserved < 0 or j.reserved > j.on_hand
    order by j.tenant_id, p.sku, c.code`.execute(db);
  return rows.map((r) => ({
    tenant_id: r.tenant_id, sku: r.sku, location: r.location,
    on_hand: r.on_hand, reserved: r.reserved, ledger_on_hand: r.ledger_on_hand, ledger_reserved: r.ledger_reserved, allocated: r.allocated,
    problems: [
      ...(r.on_hand !== r.ledger_on_hand ? [`on_hand ${r.on_hand} != ledger ${r.ledger_on_hand}`] : []),
      ...(r.reserved !== r.ledger_reserved ? [`reserved ${r.reserved} != ledger ${r.ledger_reserved}`] : []),
      ...(r.reserved !== r.allocated ? [`reserved ${r.reserved} != open allocations ${r.allocated}`] : []),
      ...(r.on_hand < 0 || r.reserved < 0 || r.reserved > r.on_hand ? ['level out of bounds'] : []),
    ],
  }));
}
