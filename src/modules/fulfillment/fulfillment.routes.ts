import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { Code, PageQuery, StrictObject, runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { FULFILLMENT_ORDER_STATUSES } from './fulfillment-order.states.ts';
import { toFulfillmentOrderView } from './fulfillment-order.view.ts';
import { getFulfillmentOrder } from './fulfillment-orders.service.ts';
import { listFulfillmentOrders } from './fulfillment-orders.queries.ts';
import { rerouteFulfillmentOrder } from './reroute.service.ts';

const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, description: 'Fulfillment order id' }) });

const ListQuery = Type.Object({
  location: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(Type.Enum(FULFILLMENT_ORDER_STATUSES)),
  delivery_type: Type.Optional(Type.Enum(['ship', 'pickup'])),
  order: Type.Optional(Type.String({ maxLength: 64, description: 'Order id or number' })),
  ...PageQuery,
});

const RerouteInput = StrictObject({
  location: Type.Optional(Code),
  reason: Type.String({ minLength: 1, maxLength: 500 }),
});

export const fulfillmentRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['fulfillment'];

  app.get('/v1/fulfillment-orders', { config: { permission: 'fulfillment:read' }, schema: { tags, querystring: ListQuery } }, async (request) =>
    listFulfillmentOrders(db, principalOf(request).tenantId, { ...request.query, limit: request.query.limit ?? 50 }));

  app.get('/v1/fulfillment-orders/:id', { config: { permission: 'fulfillment:read' }, schema: { tags, params: Params } }, async (request) =>
    toFulfillmentOrderView(await getFulfillmentOrder(db, principalOf(request).tenantId, request.params.id)));

  app.post('/v1/fulfillment-orders/:id/reroute', { config: { permission: 'routing:manage' }, schema: { tags, params: Params, body: RerouteInput } }, async (request, reply) => {
    const { tenantId, actor } = principalOf(request);
    const { id } = request.params;
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await rerouteFulfillmentOrder(trx, { tenantId, actor }, id, body) }));
  });
};
