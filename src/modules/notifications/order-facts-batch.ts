// The facts of many orders (any tenants) in one round trip, for a batch of events the
// relay hands over at once. findOrderFacts (order-facts.ts) reads one order through the
// orders module in three queries; a batch of 200 confirmations that way was 600 round
// trips. The orders module has no batch reader (yet), so this reads its tables directly,
// the columns its record query selects (orders.repository.ts: orderRecordQuery, loadLines)
// and nothing else; test/outbox.batch.test.ts checks that both give the same facts.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { parseSafeInteger } from '../../platform/db/index.ts';
import { findOrderFacts, toOrderFacts, type FactsLine, type FactsOrderRow, type OrderFacts } from './order-facts.ts';

/** An order of a tenant. */
export interface OrderKey { tenantId: string; orderId: string }

/** The map key of an order: tenant and id (neither contains a NUL). */
export function orderKey(tenantId: string, orderId: string): string {
  return `${tenantId}\u0000${orderId}`;
}

/** A purely numeric reference is an order number to findOrderFacts, not an id. */
const ORDER_NUMBER = /^\d{1,15}$/;

type FactsRow = FactsOrderRow & { tenant_id: string; lines: { id: string; sku: string; name: string; quantity: number; total: string }[] };

/** The facts of each order found, by orderKey; orders that do not exist are absent. */
export async function findOrderFactsMany(trx: Kdb, keys: readonly OrderKey[]): Promise<Map<string, OrderFacts>> {
  const facts = new Map<string, OrderFacts>();
  const unique = new Map(keys.map((k) => [orderKey(k.tenantId, k.orderId), k]));
  const byId = [...unique.values()].filter((k) => !ORDER_NUMBER.test(k.orderId));
  // Events name orders by id; a number (never seen, but findOrderFacts accepts one) goes the single way.
  for (const k of unique.values()) {
    if (!ORDER_NUMBER.test(k.orderId)) continue;
    const one = await findOrderFacts(trx, k.tenantId, k.orderId);
    if (one) facts.set(orderKey(k.tenantId, k.orderId), one);
  }
  if (byId.length === 0) return facts;
  // Keys as two arrays and lines as JSON: one statement text (one prepared statement) for
  // any number of orders. Line totals travel as text to stay exact (int8 in JSON would not).
  const { rows } = await sql<FactsRow>`
    select o.tenant_id, o.id, o.number, o.email, o.created_at, o.delivery_type, pl.code as pickup_location_code,
           o.customer_name, o.currency, o.subtotal, o.discount_total, o.shipping_total, o.tax_total, o.total,
           coalesce((select json_agg(json_build_object('id', l.id, 'sku', l.sku, 'name', l.name, 'quantity', l.quantity, 'total', l.total::text) order by l.position)
                       from order_lines l where l.tenant_id = o.tenant_id and l.order_id = o.id), '[]'::json) as lines
      from unnest(${byId.map((k) => k.tenantId)}::text[], ${byId.map((k) => k.orderId)}::text[]) as k(tenant_id, order_id)
      join orders o on o.tenant_id = k.tenant_id and o.id = k.order_id
      left join locations pl on pl.tenant_id = o.tenant_id and pl.id = o.pickup_location_id`.execute(trx);
  for (const row of rows) {
    const lines: FactsLine[] = row.lines.map((l) => ({ id: l.id, sku: l.sku, name: l.name, quantity: l.quantity, total: parseSafeInteger(l.total) }));
    facts.set(orderKey(row.tenant_id, row.id), toOrderFacts(row, lines));
  }
  return facts;
}
