import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { Timestamp } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { summary } from './summary.service.ts';
import { feedbackReport } from './feedback.service.ts';

const SummaryQuery = Type.Object({
  from: Type.Optional(Timestamp),
  to: Type.Optional(Timestamp),
  tz: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_+/-]+$', description: 'IANA time zone for daily buckets, default UTC' })),
  low_stock_threshold: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 5 })),
});

const FeedbackQuery = Type.Object({
  by: Type.Union([Type.Literal('channel'), Type.Literal('product')]),
  from: Type.Optional(Timestamp),
  to: Type.Optional(Timestamp),
});

export const analyticsRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  app.get('/v1/reports/summary', { config: { permission: 'reports:read' }, schema: { tags: ['reports'], querystring: SummaryQuery } }, async (request) =>
    summary(db, principalOf(request).tenantId, request.query));
  app.get('/v1/reports/feedback', { config: { permission: 'reports:read' }, schema: { tags: ['reports'], querystring: FeedbackQuery } }, async (request) =>
    feedbackReport(db, principalOf(request).tenantId, request.query));
};
