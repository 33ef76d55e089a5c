import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { IDEMPOTENCY_HEADER, PageQuery, Timestamp, runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { createOrder } from './intake.service.ts';
import { createOrderInOneStatement } from './intake.fast.ts';
import { applyOrderAction } from './lifecycle.service.ts';
import { listOrders, loadOrderView, orderTimeline } from './orders.queries.ts';
import { HoldInput, OrderInput, ReasonInput, ReleaseInput } from './order.schemas.ts';
import { settleNewOrderAfterCommit, settleOrderAfterCommit } from '../payments/index.ts';
import { ORDER_STATUSES } from './order.states.ts';

const OrderParams = Type.Object({ order: Type.String({ minLength: 1, maxLength: 64, description: 'Order id or number' }) });

const ListQuery = Type.Object({
  status: Type.Optional(Type.Enum(ORDER_STATUSES)),
  channel: Type.Optional(Type.String({ maxLength: 64 })),
  email: Type.Optional(Type.String({ maxLength: 254 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  created_from: Type.Optional(Timestamp),
  created_to: Type.Optional(Timestamp),
  ...PageQuery,
});

export const orderRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['orders'];

  // A payment's first provider call runs right after commit, so the answer shows its outcome.
  app.post('/v1/orders', { config: { permission: 'orders:create' }, schema: { tags, body: OrderInput }, preSerialization: settleNewOrderAfterCommit(db) }, async (request, reply) => {
    const principal = principalOf(request);
    const body = request.body;
    // Most orders go in as one statement; the rest (and all with an Idempotency-Key, whose
    // row commits with the order) take the transactional way. See intake.fast.ts.
    if (request.headers[IDEMPOTENCY_HEADER] === undefined) {
      const view = await createOrderInOneStatement(ctx.db.genericPlans, principal, body);
      if (view) return reply.code(201).send(view);
    }
    return runCommand(db, principal.tenantId, request, reply, async (trx) => ({ status: 201, body: await createOrder(trx, principal, body) }));
  });

  app.get('/v1/orders', { config: { permission: 'orders:read' }, schema: { tags, querystring: ListQuery } }, async (request) =>
    listOrders(db, principalOf(request), { ...request.query, limit: request.query.limit ?? 50 }));

  app.get('/v1/orders/:order', { config: { permission: 'orders:read' }, schema: { tags, params: OrderParams } }, async (request) =>
    loadOrderView(db, principalOf(request), request.params.order));

  app.get('/v1/orders/:order/events', { config: { permission: 'orders:read' }, schema: { tags, params: OrderParams } }, async (request) =>
    orderTimeline(db, principalOf(request), request.params.order));

  app.post('/v1/orders/:order/hold', { config: { permission: 'orders:manage' }, schema: { tags, params: OrderParams, body: HoldInput } }, async (request, reply) => {
    const principal = principalOf(request);
    const { order } = request.params;
    const { reason, type } = request.body;
    return runCommand(db, principal.tenantId, request, reply, async (trx) => ({ status: 200, body: await applyOrderAction(trx, principal, order, 'hold', reason, { type }) }));
  });

  app.post('/v1/orders/:order/release', { config: { permission: 'orders:manage' }, schema: { tags, params: OrderParams, body: Type.Optional(ReleaseInput) } }, async (request, reply) => {
    const principal = principalOf(request);
    const { order } = request.params;
    const body = request.body ?? {};
    return runCommand(db, principal.tenantId, request, reply, async (trx) => ({ status: 200, body: await applyOrderAction(trx, principal, order, 'release', body.reason ?? null, { type: body.type, holdId: body.hold_id }) }));
  });

  app.post('/v1/orders/:order/cancel', { config: { permission: 'orders:manage' }, schema: { tags, params: OrderParams, body: ReasonInput }, preSerialization: settleOrderAfterCommit(db) }, async (request, reply) => {
    const principal = principalOf(request);
    const { order } = request.params;
    const { reason } = request.body;
    return runCommand(db, principal.tenantId, request, reply, async (trx) => ({ status: 200, body: await applyOrderAction(trx, principal, order, 'cancel', reason) }));
  });
};
