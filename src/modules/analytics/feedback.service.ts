// GET /v1/reports/feedback: average rating, count and the distribution of ratings 1-5,
// per channel or per product, over an optional answered_at window [from, to).
import type { Kdb } from '../../platform/db/index.ts';
import { invalid } from '../../platform/http/index.ts';
import { feedbackByChannel, feedbackByProduct, type FeedbackRow } from './feedback.queries.ts';

export interface FeedbackQuery { by: 'channel' | 'product'; from?: string | undefined; to?: string | undefined }

export interface FeedbackGroup {
  channel?: string; sku?: string; name: string;
  count: number; average: number; distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
}

function toGroup(by: FeedbackQuery['by'], r: FeedbackRow): FeedbackGroup {
  return {
    ...(by === 'channel' ? { channel: r.key } : { sku: r.key }), name: r.name,
    count: r.count, average: r.average, distribution: { 1: r.r1, 2: r.r2, 3: r.r3, 4: r.r4, 5: r.r5 },
  };
}

/** The feedback report; the overall line counts each answered survey once. */
export async function feedbackReport(db: Kdb, tenantId: string, query: FeedbackQuery) {
  const from = query.from ? new Date(query.from) : null;
  const to = query.to ? new Date(query.to) : null;
  if (from && to && from >= to) throw invalid('query.from', 'must be before to');
  const window = { tenantId, from, to };
  const rows = query.by === 'channel' ? await feedbackByChannel(db, window) : await feedbackByProduct(db, window);
  const overall = query.by === 'channel' ? rows : await feedbackByChannel(db, window);
  const count = overall.reduce((n, r) => n + r.count, 0);
  const sum = overall.reduce((n, r) => n + r.r1 + 2 * r.r2 + 3 * r.r3 + 4 * r.r4 + 5 * r.r5, 0);
  return {
    by: query.by, from: from?.toISOString() ?? null, to: to?.toISOString() ?? null,
    overall: { count, average: count === 0 ? null : Math.round((sum / count) * 100) / 100 },
    data: rows.map((r) => toGroup(query.by, r)),
  };
}
