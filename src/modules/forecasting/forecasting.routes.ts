import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { Code, Currency, MoneyAmount, PageQuery, Sku, StrictObject, runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { DateOnly, LEAD_TIME_DAYS_MAX, PURCHASE_ORDER_LINES_MAX, PurchaseQuantity } from '../purchasing/index.ts';
import { METHODS, type MethodName } from './engine/methods.ts';
import { FORECAST_HORIZON_MAX, forecastForSku } from './forecast.service.ts';
import { draftFromSuggestions, listSuggestions, SUGGESTION_SORTS } from './replenishment.service.ts';
import { getProductSettingsView, getTenantSettings, putProductSettings, putTenantSettings } from './replenishment-settings.ts';
import { URGENCIES } from './suggestion.ts';

const SkuParams = Type.Object({ sku: Type.String({ maxLength: 64 }) });
const LeadTimeDays = Type.Integer({ minimum: 0, maximum: LEAD_TIME_DAYS_MAX });
const ReviewPeriodDays = Type.Integer({ minimum: 1, maximum: 365 });
const ServiceLevel = Type.Number({ exclusiveMinimum: 0.5, exclusiveMaximum: 1, description: 'e.g. 0.95' });
const nullable = <T extends Parameters<typeof Type.Optional>[0]>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));

const ForecastQuery = Type.Object({
  location: Type.Optional(Type.String({ maxLength: 64 })),
  horizon: Type.Optional(Type.Integer({ minimum: 1, maximum: FORECAST_HORIZON_MAX, description: 'Weeks ahead (default 13)' })),
  method: Type.Optional(Type.Enum(Object.keys(METHODS) as MethodName[])),
});

const SuggestionQuery = Type.Object({
  location: Type.Optional(Type.String({ maxLength: 64 })),
  sku: Type.Optional(Type.String({ maxLength: 64 })),
  supplier: Type.Optional(Type.String({ maxLength: 64 })),
  urgency: Type.Optional(Type.Enum(URGENCIES)),
  needs_order: Type.Optional(Type.Boolean({ description: 'Only items with a suggested quantity' })),
  sort: Type.Optional(Type.Enum(SUGGESTION_SORTS)),
  ...PageQuery,
});

const DraftInput = StrictObject({
  supplier: Type.Optional(Code),
  location: Code,
  currency: Type.Optional(Currency),
  expected_date: Type.Optional(DateOnly),
  reference: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  items: Type.Array(StrictObject({ sku: Sku, quantity: Type.Optional(PurchaseQuantity), unit_cost: Type.Optional(MoneyAmount) }), { minItems: 1, maxItems: PURCHASE_ORDER_LINES_MAX }),
});

const TenantSettingsInput = StrictObject({
  lead_time_days: Type.Optional(LeadTimeDays),
  review_period_days: Type.Optional(ReviewPeriodDays),
  service_level: Type.Optional(ServiceLevel),
  service_kind: Type.Optional(Type.Enum(['cycle', 'fill'] as const, { description: 'cycle: chance of no stockout per cycle; fill: share of demand served' })),
  overstock_weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 520 })),
  horizon_weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 104 })),
});

const ProductSettingsInput = StrictObject({
  supplier: nullable(Code),
  lead_time_days: nullable(LeadTimeDays),
  review_period_days: nullable(ReviewPeriodDays),
  service_level: nullable(ServiceLevel),
  minimum_order: nullable(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  pack_size: nullable(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  unit_cost: nullable(MoneyAmount),
});

export const forecastingRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['forecasting'];

  app.get('/v1/forecasts/:sku', { config: { permission: 'forecasts:read' }, schema: { tags, params: SkuParams, querystring: ForecastQuery } }, async (request) =>
    forecastForSku(db, principalOf(request).tenantId, request.params.sku, request.query));

  app.get('/v1/replenishment', { config: { permission: 'forecasts:read' }, schema: { tags, querystring: SuggestionQuery } }, async (request) =>
    listSuggestions(db, principalOf(request).tenantId, { ...request.query, limit: request.query.limit ?? 50 }));

  app.post('/v1/replenishment/purchase-orders', { config: { permission: 'purchasing:write' }, schema: { tags, body: DraftInput } }, async (request, reply) => {
    const { tenantId, actor } = principalOf(request);
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 201, body: await draftFromSuggestions(trx, { tenantId, actor }, body) }));
  });

  app.get('/v1/replenishment/settings', { config: { permission: 'forecasts:read' }, schema: { tags } }, async (request) =>
    getTenantSettings(db, principalOf(request).tenantId));

  app.put('/v1/replenishment/settings', { config: { permission: 'settings:write' }, schema: { tags, body: TenantSettingsInput } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await putTenantSettings(trx, tenantId, body) }));
  });

  app.get('/v1/replenishment/products/:sku', { config: { permission: 'forecasts:read' }, schema: { tags, params: SkuParams } }, async (request) =>
    getProductSettingsView(db, principalOf(request).tenantId, request.params.sku));

  app.put('/v1/replenishment/products/:sku', { config: { permission: 'purchasing:write' }, schema: { tags, params: SkuParams, body: ProductSettingsInput } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const { sku } = request.params;
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await putProductSettings(trx, tenantId, sku, body) }));
  });
};
