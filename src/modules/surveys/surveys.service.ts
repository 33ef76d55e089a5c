// Feedback surveys: one per order, offered when it is delivered (the notifications module
// calls offerSurvey and puts the link in its e-mail), answered once by whoever holds the
// link, with a rating from 1 to 5 and an optional comment.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { iso, notFound, Problem } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import { recordEvents } from '../orders/index.ts';
import { hashSurveyToken, newSurveyToken, surveyUrlPath } from './survey-token.ts';

/**
 * Offers the order's survey and answers a fresh link. An order has one survey; offering
 * it again (a resent e-mail) gives it a new token, and the older link stops working.
 */
export async function offerSurvey(trx: Kdb, tenantId: string, orderId: string): Promise<{ token: string; url_path: string }> {
  const token = newSurveyToken();
  const tokenHash = hashSurveyToken(token);
  await trx.insertInto('surveys').values({ tenant_id: tenantId, id: newId('srv'), order_id: orderId, token_hash: tokenHash, rating: null, comment: null, answered_at: null })
    .onConflict((oc) => oc.columns(['tenant_id', 'order_id']).doUpdateSet({ token_hash: tokenHash, offered_at: sql`now()` }))
    .execute();
  return { token, url_path: surveyUrlPath(token) };
}

interface SurveyRow { tenant_id: string; id: string; order_id: string; answered_at: Date | null }

async function findByToken(db: Kdb, token: string): Promise<SurveyRow> {
  const row = await db.selectFrom('surveys').select(['tenant_id', 'id', 'order_id', 'answered_at'])
    .where('token_hash', '=', hashSurveyToken(token)).executeTakeFirst();
  if (!row) throw notFound('Survey', 'link');
  return row;
}

export interface PublicSurveyView { order_number: string; items: string[]; answered: boolean }

/** What the survey page shows: the order number and the names of what was bought, nothing else. */
export async function getSurveyByToken(db: Kdb, token: string): Promise<PublicSurveyView> {
  const survey = await findByToken(db, token);
  const order = await db.selectFrom('orders').select('number').where('tenant_id', '=', survey.tenant_id).where('id', '=', survey.order_id).executeTakeFirstOrThrow();
  const lines = await db.selectFrom('order_lines').select('name').where('tenant_id', '=', survey.tenant_id).where('order_id', '=', survey.order_id).orderBy('position').execute();
  return { order_number: String(order.number), items: [...new Set(lines.map((l) => l.name))], answered: survey.answered_at !== null };
}

/** Records the one answer; a second one is 409 survey_already_answered, even when two race. */
export async function answerSurvey(trx: Kdb, token: string, answer: { rating: number; comment?: string | undefined }): Promise<{ answered: true; rating: number; answered_at: string }> {
  const survey = await findByToken(trx, token);
  const updated = await trx.updateTable('surveys').set({ rating: answer.rating, comment: answer.comment ?? null, answered_at: new Date() })
    .where('tenant_id', '=', survey.tenant_id).where('id', '=', survey.id).where('answered_at', 'is', null)
    .returning('answered_at').executeTakeFirst();
  if (!updated?.answered_at) throw new Problem('survey_already_answered', 'This survey has already been answered.');
  const data = { survey_id: survey.id, rating: answer.rating };
  await recordEvents(trx, survey.tenant_id, survey.order_id, 'customer', [{ type: 'survey.answered', data }],
    [{ topic: 'survey.answered', aggregateId: survey.id, payload: { order_id: survey.order_id, ...data } }]);
  return { answered: true, rating: answer.rating, answered_at: iso(updated.answered_at) ?? '' };
}
