// The customer's survey page calls these without a key; the link's token is the only
// credential, and it names the tenant (tokens are unique across tenants).
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { StrictObject, transaction } from '../../platform/http/index.ts';
import { SURVEY_TOKEN_PATTERN } from './survey-token.ts';
import { answerSurvey, getSurveyByToken } from './surveys.service.ts';

const Params = Type.Object({ token: Type.String({ pattern: SURVEY_TOKEN_PATTERN }) });
const AnswerInput = StrictObject({
  rating: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
});

export const surveyRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['surveys (public)'];

  app.get('/v1/public/surveys/:token', { config: { permission: 'public' }, schema: { tags, security: [], params: Params } }, async (request) =>
    getSurveyByToken(db, request.params.token));

  // Not an idempotent command: there is no tenant before the token is read, and the
  // answer is once-only by itself (a retry gets 409).
  app.post('/v1/public/surveys/:token', { config: { permission: 'public' }, schema: { tags, security: [], params: Params, body: AnswerInput } }, async (request) => {
    const { token } = request.params;
    const body = request.body;
    return transaction(db, (trx) => answerSurvey(trx, token, body));
  });
};
