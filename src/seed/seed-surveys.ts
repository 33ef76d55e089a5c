// Feedback from about a third of the customers whose orders arrived, so the feedback
// report has something to show: mostly happy, some lukewarm, a few unhappy, with a
// comment now and then. Surveys are offered and answered through the surveys module.
import { transaction } from '../platform/http/index.ts';
import { answerSurvey, offerSurvey } from '../modules/surveys/index.ts';
import { pick, weighted } from './prng.ts';
import type { SeedContext, SeededOrder } from './seed-context.ts';

const RATINGS = [[5, 46], [4, 30], [3, 12], [2, 7], [1, 5]] as const;
const ANSWER_SHARE = 0.35;

const COMMENTS: Record<number, string[]> = {
  5: ['Fast delivery and lovely quality.', 'Exactly as pictured, will order again.', 'The tee fits perfectly.'],
  4: ['Good, the parcel took a day longer than promised.', 'Nice product, packaging could be smaller.'],
  3: ['OK. The colour is a bit different from the photo.', 'Arrived fine but the box was dented.'],
  2: ['Took over a week to arrive.', 'Sizing runs small.'],
  1: ['Item arrived damaged.', 'Nobody answered my e-mail about the delay.'],
};

/** Answers surveys for some of the delivered orders; answers how many. */
export async function seedSurveys(ctx: SeedContext, orders: readonly SeededOrder[], delivered: ReadonlySet<string>): Promise<number> {
  let answered = 0;
  for (const order of orders) {
    if (!delivered.has(order.id) || ctx.random() >= ANSWER_SHARE) continue;
    const rating = weighted(ctx.random, RATINGS);
    const comment = ctx.random() < 0.4 ? pick(ctx.random, COMMENTS[rating] ?? []) : undefined;
    await transaction(ctx.db, async (trx) => {
      const { token } = await offerSurvey(trx, ctx.tenantId, order.id);
      await answerSurvey(trx, token, { rating, ...(comment ? { comment } : {}) });
    });
    answered++;
  }
  return answered;
}
