// SQL for order intake, shaped for few round trips. Every statement costs a round trip
// (system calls and a wake-up on both sides, planning on the server) on top of its own
// work; measured under load that overhead was most of an order's cost. So an order takes
// three statements: one read of everything intake needs to validate and price it, one
// that takes the locks (customer, order, stock levels, in that order), and one that
// writes the order's contents. See docs/scaling.md.
//
// The read touches tables owned by catalog, channels and locations. It only reads them,
// as a read model for intake; their modules stay the only writers.
import { sql, type RawBuilder } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import type { OutboxEvent } from '../../platform/outbox.ts';
import { newId } from '../../platform/ids.ts';
import { normalizeEmail, type CustomerInput } from '../customers/index.ts';
import { lockLevelsQuery, type LevelRow, type StatementParts } from '../inventory/index.ts';
import type { Point, RoutingSettingsRow } from '../routing/index.ts';
import type { TimelineEvent } from './orders.repository.ts';

export interface IntakeChannel { id: string; code: string }

export interface IntakeProduct {
  id: string; sku: string; name: string; price: number; currency: string;
  active: boolean; inventory_policy: 'deny' | 'continue';
}

export interface IntakeLocation {
  id: string; code: string; priority: number; latitude: number | null; longitude: number | null;
  active: boolean; ships: boolean; pickup: boolean;
}

/** What intake reads before it writes: one consistent snapshot, no locks taken. */
export interface IntakeSnapshot {
  channel: IntakeChannel | null;
  /** Products with the order's SKUs, found or not. */
  products: IntakeProduct[];
  /** The channel's price per product id, in the order's currency. */
  channelPrices: Map<string, number>;
  /** Every active location (routing judges which can serve the order), and the pickup location by code if any. */
  locations: IntakeLocation[];
  /** The tenant's routing rules row, if it has one. */
  routingSettings: RoutingSettingsRow | null;
  /** The position of the shipping address's postal code, when it has no coordinates of its own. */
  centroid: Point | null;
  /** Whether the tenant has active hold rules (intake evaluates them only then). */
  hasHoldRules: boolean;
  /** The SKUs' stock levels at every location, read without locks; only when asked for (the one-statement way). */
  levels: LevelRow[];
}

interface SnapshotRow {
  channel: IntakeChannel | null;
  products: IntakeProduct[];
  channel_prices: { product_id: string; price: number }[];
  locations: IntakeLocation[];
  routing_settings: RoutingSettingsRow | null;
  centroid: Point | null;
  has_hold_rules: boolean;
  levels?: LevelRow[];
}

/**
 * Reads the channel, the products, their channel prices, the candidate locations, the
 * tenant's routing rules and the address's postal-code centroid in one statement. JSON
 * carries the rows so one result row holds all the sets (prices are bigint; JSON numbers
 * are exact far beyond the largest MoneyAmount).
 */
export async function loadIntakeSnapshot(db: Kdb, tenantId: string, query: {
  channel: string; skus: readonly string[]; currency: string; pickupLocation: string | null;
  /** The shipping address's country and postal-code keys, when routing needs its centroid. */
  postal: { country: string; keys: readonly string[] } | null;
  /** Also read the SKUs' stock levels (plain reads, no locks). */
  withLevels?: boolean;
}): Promise<IntakeSnapshot> {
  const skus = [...query.skus];
  const locationFilter = sql`(l.active or l.code = ${query.pickupLocation}::text)`;
  // Up to three keys (postalCodeKeys: the whole code, five and three characters) as three
  // parameters: the primary key then serves the lookup whatever plan is cached, where
  // `= any(array)` made the generic plan scan the whole table.
  const postalKeys = query.postal?.keys ?? [];
  const keys = [0, 1, 2].map((i) => postalKeys[Math.min(i, postalKeys.length - 1)] ?? null);
  const levels = query.withLevels
    ? sql`,
      (select coalesce(json_agg(json_build_object('product_id', il.product_id, 'location_id', il.location_id, 'on_hand', il.on_hand, 'reserved', il.reserved)
                order by il.product_id, il.location_id), '[]'::json)
         from inventory_levels il join products p on p.tenant_id = il.tenant_id and p.id = il.product_id
         where il.tenant_id = ${tenantId} and p.sku = any(${skus}::text[])) as levels`
    : sql``;
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
                'longitude', l.longitude, 'active', l.active, 'ships', l.ships, 'pickup', l.pickup)), '[]'::json)
         from locations l where l.tenant_id = ${tenantId} and ${locationFilter}) as locations,
      (select json_build_object('use_distance', r.use_distance, 'max_splits', r.max_splits, 'min_split_order_value', r.min_split_order_value)
         from routing_settings r where r.tenant_id = ${tenantId}) as routing_settings,
      (select json_build_object('latitude', z.latitude, 'longitude', z.longitude)
         from postal_code_centroids z where z.country = ${query.postal?.country ?? null}::bpchar and z.postal_code in (${keys[0]}::text, ${keys[1]}::text, ${keys[2]}::text)
         order by length(z.postal_code) desc limit 1) as centroid,
      exists (select 1 from hold_rules h where h.tenant_id = ${tenantId} and h.active) as has_hold_rules${levels}`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('intake snapshot returned no row');
  return {
    channel: row.channel,
    products: row.products,
    channelPrices: new Map(row.channel_prices.map((p) => [p.product_id, p.price])),
    locations: row.locations,
    routingSettings: row.routing_settings,
    centroid: row.centroid,
    hasHoldRules: row.has_hold_rules,
    levels: row.levels ?? [],
  };
}

export interface NewOrderRow {
  id: string; channel_id: string; external_id: string | null; currency: string;
  shipping_address: unknown; billing_address: unknown;
  delivery_type: 'ship' | 'pickup'; pickup_location_id: string | null; shipping_method: string | null;
  subtotal: number; discount_total: number; shipping_total: number; tax_total: number; total: number;
  note: string | null;
  /** Back-dates the order (demo seeding only); default now(). */
  placed_at: Date | null;
}

export interface PlacedOrder {
  number: number; created_at: Date; updated_at: Date;
  customer: { id: string; email: string; name: string | null } | null;
  /** The order's stock levels at every location, locked, in (product, location) order. */
  levels: LevelRow[];
}

export interface PlacedRow {
  number: number; created_at: Date; updated_at: Date;
  customer_id: string | null; email: string | null; customer_name: string | null;
  levels: LevelRow[];
}

/**
 * Upserts the customer, inserts the order and locks its stock levels, in one statement
 * and in that lock order: the order row is inserted from the customer's row (so the
 * customer is locked first), and the levels are locked by a sub-select evaluated for the
 * inserted order row (so after it exists, and not at all for a duplicate external_id).
 * Returns undefined when the (channel, external_id) already exists.
 *
 * The customer upsert is the same statement as customers' upsertCustomer (create by
 * e-mail, else refresh name and phone where given); keep the two alike.
 */
export async function insertOrderLockingLevels(
  trx: Kdb, tenantId: string, numberSequence: string, customer: CustomerInput | null, order: NewOrderRow, productIds: readonly string[],
): Promise<PlacedOrder | undefined> {
  const { rows } = await sql<PlacedRow>`
    with customer as (${customerUpsert(tenantId, customer)}),
    new_order as (${orderInsert(tenantId, numberSequence, order)})
    select o.number, o.created_at, o.updated_at, o.customer_id, o.email, o.customer_name,
      -- Correlated to the inserted row (o.id), so it runs per inserted order: after the
      -- insert, and never for a duplicate.
      (select coalesce(json_agg(l), '[]'::json) from (${lockLevelsQuery(tenantId, productIds)}) l where o.id is not null) as levels
    from new_order o`.execute(trx);
  const row = rows[0];
  if (!row) return undefined;
  return { ...placedOrder(row), levels: row.levels };
}

/** The order row's insert result as intake returns it. */
export function placedOrder(row: Omit<PlacedRow, 'levels'>): Omit<PlacedOrder, 'levels'> {
  return {
    number: row.number, created_at: row.created_at, updated_at: row.updated_at,
    customer: row.customer_id === null ? null : { id: row.customer_id, email: row.email as string, name: row.customer_name },
  };
}

/**
 * The customer upsert as a CTE body returning (id, email, name), or one row of nulls for
 * an order without a customer. The same statement as customers' upsertCustomer (create
 * by e-mail, else refresh name and phone where given); keep the two alike.
 */
export function customerUpsert(tenantId: string, customer: CustomerInput | null): RawBuilder<unknown> {
  return customer
    ? sql`
      insert into customers (tenant_id, id, email, name, phone)
      values (${tenantId}, ${newId('cus')}, ${normalizeEmail(customer.email)}, ${customer.name ?? null}, ${customer.phone ?? null})
      on conflict (tenant_id, email) do update set
        name = coalesce(excluded.name, customers.name), phone = coalesce(excluded.phone, customers.phone), updated_at = now()
      returning id, email, name`
    : sql`select null::text as id, null::text as email, null::text as name`;
}

/**
 * The order row's insert as a CTE body, reading the customer from a CTE named `customer`
 * (so the customer row is locked first); inserts nothing for a duplicate external_id.
 */
export function orderInsert(tenantId: string, numberSequence: string, order: NewOrderRow): RawBuilder<unknown> {
  const placedAt = order.placed_at;
  return sql`
      insert into orders (tenant_id, id, number, channel_id, external_id, status, currency, customer_id, email, customer_name,
        shipping_address, billing_address, delivery_type, pickup_location_id, shipping_method,
        subtotal, discount_total, shipping_total, tax_total, total, note, created_at, updated_at)
      select ${tenantId}, ${order.id}, nextval(${numberSequence}::regclass), ${order.channel_id}, ${order.external_id}::text, 'open', ${order.currency},
        c.id, c.email, c.name, ${JSON.stringify(order.shipping_address)}::jsonb, ${JSON.stringify(order.billing_address)}::jsonb,
        ${order.delivery_type}, ${order.pickup_location_id}::text, ${order.shipping_method}::text,
        ${order.subtotal}::int8, ${order.discount_total}::int8, ${order.shipping_total}::int8, ${order.tax_total}::int8, ${order.total}::int8,
        ${order.note}::text, coalesce(${placedAt}::timestamptz, now()), coalesce(${placedAt}::timestamptz, now())
      from customer c
      on conflict (tenant_id, channel_id, external_id) where external_id is not null do nothing
      returning id, number, created_at, updated_at, customer_id, email, customer_name`;
}

export interface OrderLineRow {
  id: string; position: number; product_id: string; sku: string; name: string; quantity: number;
  unit_price: number; discount_allocated: number; total: number; backordered: number;
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
