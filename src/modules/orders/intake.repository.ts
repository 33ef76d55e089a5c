// SQL for order intake, shaped for few round trips. Measured under load, every
// statement an order sends costs more in syscalls and wake-ups than in the database's
// own work, so intake reads everything it needs in one statement and writes the order's
// contents in another. The locking statements (customer, order, stock levels) keep
// their own steps so the lock order stays customer → order → levels.
//
// The read touches tables owned by catalog, channels and locations. It only reads them,
// as a read model for intake; their modules stay the only writers.
import { sql, type RawBuilder } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import type { OutboxEvent } from '../../platform/outbox.ts';
import type { TimelineEvent } from './orders.repository.ts';

export interface IntakeChannel { id: string; code: string }

export interface IntakeProduct {
  id: string; sku: string; name: string; price: number; currency: string;
  active: boolean; inventory_policy: 'deny' | 'continue';
}

export interface IntakeLocation {
  id: string; code: string; priority: number; latitude: number | null; longitude: number | null;
  active: boolean; pickup: boolean;
}

/** What intake reads before it writes: one consistent snapshot, no locks taken. */
export interface IntakeSnapshot {
  channel: IntakeChannel | null;
  /** Products with the order's SKUs, found or not. */
  products: IntakeProduct[];
  /** The channel's price per product id, in the order's currency. */
  channelPrices: Map<string, number>;
  /** The pickup location by code (if any), else every active location that ships. */
  locations: IntakeLocation[];
}

interface SnapshotRow {
  channel: IntakeChannel | null;
  products: IntakeProduct[];
  channel_prices: { product_id: string; price: number }[];
  locations: IntakeLocation[];
}

/**
 * Reads the channel, the products, their channel prices and the candidate locations
 * in one statement. JSON carries the rows so one result row holds all four sets.
 */
export async function loadIntakeSnapshot(db: Kdb, tenantId: string, query: { channel: string; skus: readonly string[]; currency: string; pickupLocation: string | null }): Promise<IntakeSnapshot> {
  const skus = [...query.skus];
  const locationFilter = query.pickupLocation === null ? sql`l.ships and l.active` : sql`l.code = ${query.pickupLocation}`;
  const { rows } = await sql<SnapshotRow>`
    select
      (select json_build_object('id', c.id, 'code', c.code) from channels c where c.tenant_id = ${tenantId} and c.code = ${query.channel}) as channel,
      (select coalesce(json_agg(json_build_object('id', p.id, 'sku', p.sku, 'name', p.name, 'price', p.price, 'currency', p.currency,
                'active', p.active, 'inventory_policy', p.inventory_policy)), '[]'::json)
         from products p where p.tenant_id = ${tenantId} and p.sku = any(${skus}::text[])) as products,
      (select coalesce(json_agg(json_build_object('product_id', cp.product_id, 'price', cp.price)), '[]'::json)
         from channel_prices cp
         join channels c on c.tenant_id = cp.tenant_id and c.id = cp.channel_id
         join products p on p.tenant_id = cp.tenant_id and p.id = cp.product_id
         where cp.tenant_id = ${tenantId} and c.code = ${query.channel} and cp.currency = ${query.currency}
           and p.sku = any(${skus}::text[])) as channel_prices,
      (select coalesce(json_agg(json_build_object('id', l.id, 'code', l.code, 'priority', l.priority, 'latitude', l.latitude,
                'longitude', l.longitude, 'active', l.active, 'pickup', l.pickup)), '[]'::json)
         from locations l where l.tenant_id = ${tenantId} and ${locationFilter}) as locations`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('intake snapshot returned no row');
  return {
    channel: row.channel,
    products: row.products,
    channelPrices: new Map(row.channel_prices.map((p) => [p.product_id, p.price])),
    locations: row.locations,
  };
}

export interface OrderLineRow {
  id: string; position: number; product_id: string; sku: string; name: string; quantity: number;
  unit_price: number; discount_allocated: number; total: number; backordered: number;
}

/** Statement parts another module contributes to the contents statement (see reservations.ts). */
export interface StatementParts {
  /** Comma-separated CTE definitions, placed after the order lines' CTE. */
  ctes: RawBuilder<unknown>;
  /** A scalar expression over those CTEs, returned as `result`. */
  result: RawBuilder<number>;
}

/**
 * Writes an order's lines, the given extra parts (its reservations), its timeline
 * events and outbox rows in one statement; returns the parts' `result`. Rows are
 * passed as JSON so the statement's text is the same for every order (and so can be
 * prepared once). Foreign keys between the parts are checked at the statement's end.
 */
export async function insertOrderContents(
  trx: Kdb, tenantId: string, orderId: string, actor: string,
  contents: { lines: readonly OrderLineRow[]; parts: StatementParts; events: readonly TimelineEvent[]; outbox: readonly OutboxEvent[]; at?: Date | undefined },
): Promise<number> {
  const events = JSON.stringify(contents.events.map((e) => ({ type: e.type, data: e.data ?? {} })));
  const outbox = JSON.stringify(contents.outbox.map((e) => ({ topic: e.topic, aggregate_id: e.aggregateId, payload: e.payload })));
  const { rows } = await sql<{ result: number }>`
    with new_lines as (
      insert into order_lines (tenant_id, id, order_id, position, product_id, sku, name, quantity, unit_price, discount_allocated, total, backordered)
      select ${tenantId}, r.id, ${orderId}, r.position, r.product_id, r.sku, r.name, r.quantity, r.unit_price, r.discount_allocated, r.total, r.backordered
      from json_to_recordset(${JSON.stringify(contents.lines)}::json) as r(id text, position int, product_id text, sku text, name text,
        quantity int, unit_price int8, discount_allocated int8, total int8, backordered int)
    ),
    ${contents.parts.ctes},
    new_events as (
      insert into order_events (tenant_id, order_id, type, actor, data, at)
      select ${tenantId}, ${orderId}, e.type, ${actor}, e.data, coalesce(${contents.at ?? null}::timestamptz, now())
      from json_to_recordset(${events}::json) as e(type text, data jsonb)
    ),
    new_outbox as (
      insert into outbox (tenant_id, topic, aggregate_id, payload)
      select ${tenantId}, e.topic, e.aggregate_id, e.payload
      from json_to_recordset(${outbox}::json) as e(topic text, aggregate_id text, payload jsonb)
    )
    select ${contents.parts.result} as result`.execute(trx);
  return rows[0]?.result ?? 0;
}
