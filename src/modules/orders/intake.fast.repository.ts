// The whole order in one statement, with no transaction around it: the customer upsert,
// the order row, its lines, the guarded reservation (levels, fulfillment orders,
// allocations, ledger), the timeline event and the outbox row. A statement is atomic on
// its own, so the order exists completely or not at all; and it saves the transaction's
// three extra round trips (begin, the locking statement, commit), which under load cost
// more than the statements' own work (docs/scaling.md).
//
// Lock order is the same as the transactional way's: the order row is inserted from the
// customer CTE (customer first), and the guarded level update and the check below are
// correlated to the inserted order row, so they run after it; the update takes the level
// rows in (product, location) order like every other writer of levels.
//
// The statement refuses its own result by raising (ordo_abort, migration 0009) when the
// order's external_id already existed (nothing may stay written, not even the customer
// upsert) or when a level no longer had the units read a moment earlier.
import { sql, type RawBuilder } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import type { StatementParts } from '../inventory/index.ts';
import type { CustomerInput } from '../customers/index.ts';
import type { TimelineEvent } from './orders.repository.ts';
import { customerUpsert, orderInsert, placedOrder, type NewOrderRow, type OrderLineRow, type PlacedOrder, type PlacedRow } from './intake.repository.ts';

/** SQLSTATEs the statement raises about itself (class "OR", Ordo's own). */
export const INTAKE_ABORT = {
  /** The (channel, external_id) existed: the answer is duplicate_order. */
  duplicate: 'OR409',
  /** A level lost units since they were read: take the transactional way, from locked levels. */
  stockChanged: 'OR412',
} as const;

export interface WholeOrder {
  order: NewOrderRow;
  customer: CustomerInput | null;
  lines: readonly OrderLineRow[];
  /** The reservation's statement parts (their CTE `reserved_levels` counts the levels reserved). */
  parts: StatementParts;
  levelCount: number;
  events: readonly TimelineEvent[];
  /** Outbox rows; each payload gets the order's `number` added in the statement. */
  outbox: readonly { topic: string; aggregateId: string; payload: Record<string, unknown> }[];
  /** More CTE definitions written with the order (its payment); they name the order by its id. */
  more: readonly RawBuilder<unknown>[];
}

/** Writes the whole order in one statement; throws with INTAKE_ABORT codes (see above). */
export async function insertWholeOrder(db: Kdb, tenantId: string, numberSequence: string, actor: string, whole: WholeOrder): Promise<Omit<PlacedOrder, 'levels'>> {
  const events = JSON.stringify(whole.events.map((e) => ({ type: e.type, data: e.data ?? {} })));
  const outbox = JSON.stringify(whole.outbox.map((e) => ({ topic: e.topic, aggregate_id: e.aggregateId, payload: e.payload })));
  const { rows } = await sql<Omit<PlacedRow, 'levels'> & { checked: number }>`
    with customer as (${customerUpsert(tenantId, whole.customer)}),
    new_order as (${orderInsert(tenantId, numberSequence, whole.order)}),
    new_lines as (
      insert into order_lines (tenant_id, id, order_id, position, product_id, sku, name, quantity, unit_price, discount_allocated, total, backordered)
      select ${tenantId}, r.id, o.id, r.position, r.product_id, r.sku, r.name, r.quantity, r.unit_price, r.discount_allocated, r.total, r.backordered
      from new_order o
      cross join json_to_recordset(${JSON.stringify(whole.lines)}::json) as r(id text, position int, product_id text, sku text, name text,
        quantity int, unit_price int8, discount_allocated int8, total int8, backordered int)
    ),
    ${whole.parts.ctes},
    new_events as (
      insert into order_events (tenant_id, order_id, type, actor, data)
      select ${tenantId}, o.id, e.type, ${actor}, e.data
      from new_order o cross join json_to_recordset(${events}::json) as e(type text, data jsonb)
    ),
    new_outbox as (
      insert into outbox (tenant_id, topic, aggregate_id, payload)
      select ${tenantId}, e.topic, e.aggregate_id, e.payload || jsonb_build_object('number', o.number::text)
      from new_order o cross join json_to_recordset(${outbox}::json) as e(topic text, aggregate_id text, payload jsonb)
    )${whole.more.length > 0 ? sql`, ${sql.join(whole.more)}` : sql``}
    select o.number, o.created_at, o.updated_at, o.customer_id, o.email, o.customer_name,
      case
        when o.id is null then ordo_abort(${INTAKE_ABORT.duplicate}, 'an order with this external_id exists on this channel')
        when (select ${whole.parts.result} where o.id is not null) <> ${whole.levelCount}::int
          then ordo_abort(${INTAKE_ABORT.stockChanged}, 'a stock level changed since it was read')
        else 0
      end as checked
    from (select 1) as one left join new_order o on true`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('the order statement returned no row');
  return placedOrder(row);
}
