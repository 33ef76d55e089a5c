// SQL behind the dashboard summary. Analytics only reads: orders, channels and the
// inventory levels are other modules' tables, used here as a read model. Every query is
// bounded: the order queries by a time window (served by orders_created), the stock
// query by a row limit.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';

export interface Window { tenantId: string; from: Date; to: Date }

export interface CurrencyCountRow { currency: string; orders: number; canceled: number; revenue: number }
export interface ChannelRow { channel: string; name: string; currency: string; orders: number; revenue: number }
export interface StatusRow { status: string; orders: number }
export interface DayRow { day: string; currency: string | null; orders: number; revenue: number }
export interface LowStockRow { sku: string; name: string; location: string; on_hand: number; reserved: number; available: number; total: number }

/** Orders and revenue (canceled orders excluded from revenue) per currency. */
export async function totalsByCurrency(db: Kdb, w: Window): Promise<CurrencyCountRow[]> {
  const { rows } = await sql<CurrencyCountRow>`
    select currency, count(*)::int8 as orders,
           count(*) filter (where status = 'canceled')::int8 as canceled,
           coalesce(sum(total) filter (where status <> 'canceled'), 0)::int8 as revenue
    from orders where tenant_id = ${w.tenantId} and created_at >= ${w.from} and created_at < ${w.to}
    group by currency order by count(*) desc, currency`.execute(db);
  return rows;
}

export async function byChannel(db: Kdb, w: Window): Promise<ChannelRow[]> {
  const { rows } = await sql<ChannelRow>`
    select ch.code as channel, ch.name, o.currency, count(*)::int8 as orders,
           coalesce(sum(o.total) filter (where o.status <> 'canceled'), 0)::int8 as revenue
    from orders o join channels ch on ch.tenant_id = o.tenant_id and ch.id = o.channel_id
    where o.tenant_id = ${w.tenantId} and o.created_at >= ${w.from} and o.created_at < ${w.to}
    group by ch.code, ch.name, o.currency order by ch.code, o.currency`.execute(db);
  return rows;
}

export async function byStatus(db: Kdb, w: Window): Promise<StatusRow[]> {
  const { rows } = await sql<StatusRow>`
    select status, count(*)::int8 as orders
    from orders where tenant_id = ${w.tenantId} and created_at >= ${w.from} and created_at < ${w.to}
    group by status order by status`.execute(db);
  return rows;
}

/** One row per local day of the window (and per currency on days with orders). */
export async function byDay(db: Kdb, w: Window, timeZone: string): Promise<DayRow[]> {
  const { rows } = await sql<DayRow>`
    with days as (
      select generate_series(
        date_trunc('day', ${w.from}::timestamptz at time zone ${timeZone}),
        date_trunc('day', (${w.to}::timestamptz - interval '1 microsecond') at time zone ${timeZone}),
        interval '1 day') as day
    ),
    per_day as (
      select date_trunc('day', created_at at time zone ${timeZone}) as day, currency, count(*)::int8 as orders,
             coalesce(sum(total) filter (where status <> 'canceled'), 0)::int8 as revenue
      from orders where tenant_id = ${w.tenantId} and created_at >= ${w.from} and created_at < ${w.to}
      group by 1, 2
    )
    select to_char(d.day, 'YYYY-MM-DD') as day, p.currency, coalesce(p.orders, 0)::int8 as orders, coalesce(p.revenue, 0)::int8 as revenue
    from days d left join per_day p on p.day = d.day
    order by d.day, p.currency`.execute(db);
  return rows;
}

/** Stocked (deny-policy) SKUs whose available units at a location are at or below the threshold. */
export async function lowStock(db: Kdb, tenantId: string, threshold: number, limit: number): Promise<LowStockRow[]> {
  const { rows } = await sql<LowStockRow>`
    select p.sku, p.name, l.code as location, il.on_hand, il.reserved, (il.on_hand - il.reserved) as available,
           count(*) over ()::int8 as total
    from inventory_levels il
    join products p on p.tenant_id = il.tenant_id and p.id = il.product_id
    join locations l on l.tenant_id = il.tenant_id and l.id = il.location_id
    where il.tenant_id = ${tenantId} and p.active and l.active and p.inventory_policy = 'deny'
      and il.on_hand - il.reserved <= ${threshold}
    order by available, p.sku, l.code
    limit ${limit}`.execute(db);
  return rows;
}
