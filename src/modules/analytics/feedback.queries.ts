// The feedback report: answered surveys grouped by the order's channel, or by product
// (each product of the order gets the order's rating once, however many lines carry it).
// Analytics only reads: surveys, orders, channels and order lines are a read model here.
// Bounded by the answered_at window (served by surveys_answered) and by the group count.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';

export const FEEDBACK_GROUPS_MAX = 500;

export interface FeedbackRow {
  key: string; name: string; count: number; average: number;
  r1: number; r2: number; r3: number; r4: number; r5: number;
}

export interface FeedbackWindow { tenantId: string; from: Date | null; to: Date | null }

function answered(w: FeedbackWindow) {
  return sql`s.tenant_id = ${w.tenantId} and s.answered_at is not null
    ${w.from ? sql`and s.answered_at >= ${w.from}` : sql``} ${w.to ? sql`and s.answered_at < ${w.to}` : sql``}`;
}

const aggregates = sql`count(*)::int8 as count, round(avg(s.rating)::numeric, 2)::float8 as average,
  count(*) filter (where s.rating = 1)::int8 as r1, count(*) filter (where s.rating = 2)::int8 as r2,
  count(*) filter (where s.rating = 3)::int8 as r3, count(*) filter (where s.rating = 4)::int8 as r4,
  count(*) filter (where s.rating = 5)::int8 as r5`;

export async function feedbackByChannel(db: Kdb, w: FeedbackWindow): Promise<FeedbackRow[]> {
  const { rows } = await sql<FeedbackRow>`
    select ch.code as key, ch.name, ${aggregates}
    from surveys s
    join orders o on o.tenant_id = s.tenant_id and o.id = s.order_id
    join channels ch on ch.tenant_id = o.tenant_id and ch.id = o.channel_id
    where ${answered(w)}
    group by ch.code, ch.name order by ch.code limit ${FEEDBACK_GROUPS_MAX}`.execute(db);
  return rows;
}

export async function feedbackByProduct(db: Kdb, w: FeedbackWindow): Promise<FeedbackRow[]> {
  const { rows } = await sql<FeedbackRow>`
    select p.sku as key, p.name, ${aggregates}
    from surveys s
    join (select distinct tenant_id, order_id, product_id from order_lines where tenant_id = ${w.tenantId}) l
      on l.tenant_id = s.tenant_id and l.order_id = s.order_id
    join products p on p.tenant_id = l.tenant_id and p.id = l.product_id
    where ${answered(w)}
    group by p.sku, p.name order by p.sku limit ${FEEDBACK_GROUPS_MAX}`.execute(db);
  return rows;
}
