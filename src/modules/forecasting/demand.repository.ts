// SQL for the demand history. It reads the orders module's tables (orders, lines,
// allocations, events, channels) as a read model and writes only its own tables.
//
// Which orders count: every order except canceled ones and those of a test channel — a
// channel whose code is `test` or starts with `test-`, `test_` or `test.` (any case).
// Which location a unit counts at: where it is allocated; units not allocated anywhere
// (backorders) count at the line's first allocation, else the order's first allocation,
// else the pickup location, else the first location routing would try (ships, active,
// lowest priority), else '*'. So demand is what customers asked for, not what stock allowed.
import { sql, type RawBuilder } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';

/** Location id for units that no location could be named for. */
export const UNPLACED_LOCATION = '*';

/** The SQL test of a test channel's code (see the module comment). */
export const TEST_CHANNEL_PATTERN = '^test([-_.]|$)';

/** Where a line's unallocated units count; `l` is order_lines, `o` anything with pickup_location_id. */
function homeLocation(tenantId: string): RawBuilder<string> {
  return sql<string>`coalesce(
    (select a.location_id from order_allocations a
      where a.tenant_id = l.tenant_id and a.order_id = l.order_id and a.order_line_id = l.id order by a.id limit 1),
    (select a.location_id from order_allocations a
      where a.tenant_id = l.tenant_id and a.order_id = l.order_id order by a.id limit 1),
    o.pickup_location_id,
    (select c.id from locations c where c.tenant_id = ${tenantId} and c.ships and c.active order by c.priority, c.code limit 1),
    ${UNPLACED_LOCATION})`;
}

/** Start of a UTC day as a timestamptz expression. */
function dayStart(day: string): RawBuilder<Date> {
  return sql<Date>`(${day}::date::timestamp at time zone 'UTC')`;
}

export interface RefreshState { safeEventId: number; latestEventId: number; latestReadAt: Date | null; refreshedAt: Date | null }

/** Locks the tenant's refresh state (creating it), so refreshes of one tenant run one at a time. */
export async function lockRefreshState(trx: Kdb, tenantId: string): Promise<RefreshState> {
  await trx.insertInto('demand_refresh_state').values({ tenant_id: tenantId }).onConflict((oc) => oc.column('tenant_id').doNothing()).execute();
  const row = await trx.selectFrom('demand_refresh_state').select(['safe_event_id', 'latest_event_id', 'latest_read_at', 'refreshed_at'])
    .where('tenant_id', '=', tenantId).forUpdate().executeTakeFirstOrThrow();
  return { safeEventId: row.safe_event_id, latestEventId: row.latest_event_id, latestReadAt: row.latest_read_at, refreshedAt: row.refreshed_at };
}

export async function saveRefreshState(trx: Kdb, tenantId: string, state: RefreshState & { full: boolean }): Promise<void> {
  await trx.updateTable('demand_refresh_state').set({
    safe_event_id: state.safeEventId, latest_event_id: state.latestEventId, latest_read_at: state.latestReadAt,
    refreshed_at: state.refreshedAt, ...(state.full ? { full_refresh_at: state.refreshedAt } : {}),
  }).where('tenant_id', '=', tenantId).execute();
}

/** When the tenant's demand was last refreshed, or null if never. */
export async function lastRefreshedAt(db: Kdb, tenantId: string): Promise<Date | null> {
  const row = await db.selectFrom('demand_refresh_state').select('refreshed_at').where('tenant_id', '=', tenantId).executeTakeFirst();
  return row?.refreshed_at ?? null;
}

/** The highest order event id of the tenant that this transaction can see. */
export async function maxOrderEventId(trx: Kdb, tenantId: string): Promise<number> {
  const row = await trx.selectFrom('order_events').select(sql<number>`coalesce(max(id), 0)::int8`.as('id')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  return row.id;
}

/** Days (of the orders' placement) touched by order events after `afterEventId`, from `fromDay` on. */
export async function daysTouchedSince(trx: Kdb, tenantId: string, afterEventId: number, fromDay: string): Promise<string[]> {
  const { rows } = await sql<{ day: string }>`
    select distinct (o.created_at at time zone 'UTC')::date as day
    from order_events e
    join orders o on o.tenant_id = e.tenant_id and o.id = e.order_id
    where e.tenant_id = ${tenantId} and e.id > ${afterEventId} and o.created_at >= ${dayStart(fromDay)}
    order by 1`.execute(trx);
  return rows.map((r) => r.day);
}

/** Every day with an order, from `fromDay` on. */
export async function orderDays(trx: Kdb, tenantId: string, fromDay: string): Promise<string[]> {
  const { rows } = await sql<{ day: string }>`
    select distinct (created_at at time zone 'UTC')::date as day from orders
    where tenant_id = ${tenantId} and created_at >= ${dayStart(fromDay)} order by 1`.execute(trx);
  return rows.map((r) => r.day);
}

/** Deletes the buckets of these days, or of every day when `days` is 'all'; also drops days before `fromDay`. */
export async function deleteDemandDays(trx: Kdb, tenantId: string, days: readonly string[] | 'all', fromDay: string): Promise<void> {
  const which = days === 'all' ? sql`true` : sql`(day = any(${[...days]}::date[]) or day < ${fromDay}::date)`;
  await sql`delete from demand_daily where tenant_id = ${tenantId} and ${which}`.execute(trx);
}

/** Recomputes the buckets of these days from the orders (the days' old buckets must be gone); returns rows written. */
export async function insertDemandDays(trx: Kdb, tenantId: string, days: readonly string[]): Promise<number> {
  if (days.length === 0) return 0;
  const sorted = [...days].sort();
  const first = sorted[0] as string;
  const last = sorted[sorted.length - 1] as string;
  const result = await sql`
    with target as (
      select o.tenant_id, o.id, o.pickup_location_id, (o.created_at at time zone 'UTC')::date as day
      from orders o
      join channels ch on ch.tenant_id = o.tenant_id and ch.id = o.channel_id
      where o.tenant_id = ${tenantId}
        and o.created_at >= ${dayStart(first)} and o.created_at < (${last}::date + 1)::timestamp at time zone 'UTC'
        and (o.created_at at time zone 'UTC')::date = any(${sorted}::date[])
        and o.status <> 'canceled'
        and ch.code !~* ${TEST_CHANNEL_PATTERN}
    ),
    lines as (
      select l.id, l.order_id, l.product_id, l.quantity, o.day, ${homeLocation(tenantId)} as home
      from target o
      join order_lines l on l.tenant_id = o.tenant_id and l.order_id = o.id
    ),
    allocated as (
      select ln.id as line_id, a.location_id, a.quantity
      from lines ln
      join order_allocations a on a.tenant_id = ${tenantId} and a.order_id = ln.order_id and a.order_line_id = ln.id
      where a.status <> 'released'
    ),
    placed as (
      select ln.product_id, a.location_id, ln.day, a.quantity, ln.order_id
      from lines ln join allocated a on a.line_id = ln.id
      union all
      select ln.product_id, ln.home, ln.day,
             ln.quantity - coalesce((select sum(a.quantity) from allocated a where a.line_id = ln.id), 0)::int, ln.order_id
      from lines ln
    )
    insert into demand_daily (tenant_id, product_id, location_id, day, quantity, orders)
    select ${tenantId}, product_id, location_id, day, sum(quantity)::int, count(distinct order_id)::int
    from placed where quantity > 0
    group by product_id, location_id, day`.execute(trx);
  return Number(result.numAffectedRows ?? 0n);
}

/** Daily demand of a product (at a location, or everywhere) from `fromDay` to before `toDay`, added up per day. */
export async function readDailyDemand(db: Kdb, tenantId: string, filter: { productId: string; locationId?: string | undefined; fromDay: string; toDay: string }) {
  let query = db.selectFrom('demand_daily')
    .select(['day', sql<number>`sum(quantity)::int8`.as('quantity'), sql<number>`sum(orders)::int8`.as('orders')])
    .where('tenant_id', '=', tenantId).where('product_id', '=', filter.productId)
    .where('day', '>=', filter.fromDay).where('day', '<', filter.toDay);
  if (filter.locationId !== undefined) query = query.where('location_id', '=', filter.locationId);
  return query.groupBy('day').orderBy('day').execute();
}

/** Demand per product, location (not '*') and period index (0 = the period ending the day before asOf). */
export async function readPeriodDemand(db: Kdb, tenantId: string, asOf: string, periodDays: number, maxPeriods: number) {
  const { rows } = await sql<{ product_id: string; location_id: string; period: number; quantity: number }>`
    select product_id, location_id, ((${asOf}::date - day - 1) / ${periodDays}::int)::int as period, sum(quantity)::int8 as quantity
    from demand_daily
    where tenant_id = ${tenantId} and location_id <> ${UNPLACED_LOCATION}
      and day < ${asOf}::date and day >= ${asOf}::date - ${periodDays * maxPeriods}::int
    group by 1, 2, 3`.execute(db);
  return rows;
}

/** Units owed to open orders but not allocated anywhere, per product and the location they count at. */
export async function openBackorders(db: Kdb, tenantId: string): Promise<{ product_id: string; location_id: string; quantity: number }[]> {
  const { rows } = await sql<{ product_id: string; location_id: string; quantity: number }>`
    select l.product_id, ${homeLocation(tenantId)} as location_id, sum(l.backordered)::int8 as quantity
    from orders o
    join channels ch on ch.tenant_id = o.tenant_id and ch.id = o.channel_id
    join order_lines l on l.tenant_id = o.tenant_id and l.order_id = o.id
    where o.tenant_id = ${tenantId} and o.status in ('open', 'on_hold') and l.backordered > 0
      and ch.code !~* ${TEST_CHANNEL_PATTERN}
    group by 1, 2`.execute(db);
  return rows;
}
