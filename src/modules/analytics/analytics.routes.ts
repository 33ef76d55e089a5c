import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { PageQuery, Timestamp } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { summary } from './summary.service.ts';
import { feedbackReport } from './feedback.service.ts';
import { LATE_AFTER_HOURS_MAX, stageOrderList, stagesReport } from './stages.service.ts';
import { STAGES } from './stages.queries.ts';

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

const LateAfterHours = Type.Integer({ minimum: 1, maximum: LATE_AFTER_HOURS_MAX, description: 'Hours after the order until an unshipped fulfillment order is late (default 48)' });
const StagesQuery = Type.Object({ late_after_hours: Type.Optional(LateAfterHours) });
const StageParams = Type.Object({ stage: Type.Enum(STAGES) });
const StageListQuery = Type.Object({ late_after_hours: Type.Optional(LateAfterHours), ...PageQuery });

export const analyticsRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  app.get('/v1/reports/summary', { config: { permission: 'reports:read' }, schema: { tags: ['reports'], querystring: SummaryQuery } }, async (request) =>
    summary(db, principalOf(request).tenantId, request.query));
  app.get('/v1/reports/feedback', { config: { permission: 'reports:read' }, schema: { tags: ['reports'], querystring: FeedbackQuery } }, async (request) =>
    feedbackReport(db, principalOf(request).tenantId, request.query));
  app.get('/v1/reports/stages', { config: { permission: 'reports:read' }, schema: { tags: ['reports'], querystring: StagesQuery } }, async (request) =>
    stagesReport(db, principalOf(request).tenantId, request.query));
  app.get('/v1/reports/stages/:stage', { config: { permission: 'reports:read' }, schema: { tags: ['reports'], params: StageParams, querystring: StageListQuery } }, async (request) =>
    stageOrderList(db, principalOf(request).tenantId, request.params.stage, { ...request.query, limit: request.query.limit ?? 50 }));
};
