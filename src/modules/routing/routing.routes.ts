import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { Address, Code, MoneyAmount, Sku, StrictObject, iso, runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { findRoutingSettings, upsertRoutingSettings } from './routing.repository.ts';
import { DEFAULT_ROUTING_RULES, MAX_SPLITS_LIMIT } from './rules.ts';
import { simulateRouting } from './simulate.service.ts';

export const SIMULATION_LINES_MAX = 500;

const RoutingSettingsInput = StrictObject({
  use_distance: Type.Boolean(),
  max_splits: Type.Integer({ minimum: 1, maximum: MAX_SPLITS_LIMIT }),
  min_split_order_value: MoneyAmount,
});

const SimulationInput = StrictObject({
  channel: Type.Optional(Code),
  lines: Type.Array(StrictObject({ sku: Sku, quantity: Type.Integer({ minimum: 1, maximum: 100_000 }) }), { minItems: 1, maxItems: SIMULATION_LINES_MAX }),
  shipping_address: Type.Optional(Address),
  delivery: Type.Optional(Type.Union([StrictObject({ type: Type.Literal('ship') }), StrictObject({ type: Type.Literal('pickup'), location: Code })])),
  total: Type.Optional(MoneyAmount),
});

function settingsView(row: { use_distance: boolean; max_splits: number; min_split_order_value: number | string; updated_at: Date | string } | undefined) {
  if (!row) return { use_distance: DEFAULT_ROUTING_RULES.useDistance, max_splits: DEFAULT_ROUTING_RULES.maxSplits, min_split_order_value: DEFAULT_ROUTING_RULES.minSplitOrderValue, updated_at: null };
  return { use_distance: row.use_distance, max_splits: row.max_splits, min_split_order_value: Number(row.min_split_order_value), updated_at: iso(row.updated_at) };
}

export const routingRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['routing'];

  app.get('/v1/settings/routing', { config: { permission: 'settings:read' }, schema: { tags } }, async (request) =>
    settingsView(await findRoutingSettings(db, principalOf(request).tenantId)));

  app.put('/v1/settings/routing', { config: { permission: 'routing:manage' }, schema: { tags, body: RoutingSettingsInput } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({
      status: 200,
      body: settingsView(await upsertRoutingSettings(trx, tenantId, { useDistance: body.use_distance, maxSplits: body.max_splits, minSplitOrderValue: body.min_split_order_value })),
    }));
  });

  // A read despite the POST (the body is an order): nothing is reserved or written.
  app.post('/v1/routing/simulate', { config: { permission: 'fulfillment:read' }, schema: { tags, body: SimulationInput } }, async (request) =>
    simulateRouting(db, principalOf(request).tenantId, request.body));
};
