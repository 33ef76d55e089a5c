import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { PageQuery, runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { CancelInput, EmptyInput, PurchaseOrderInput, PurchaseOrderListQuery, PurchaseOrderParams, ReceiptInput } from './purchasing.schemas.ts';
import { cancelPurchaseOrder, createPurchaseOrder, getPurchaseOrder, listPurchaseOrders, submitPurchaseOrder } from './purchase-orders.service.ts';
import { receivePurchaseOrder } from './receiving.service.ts';

export const purchaseOrderRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['purchasing'];

  app.post('/v1/purchase-orders', { config: { permission: 'purchasing:write' }, schema: { tags, body: PurchaseOrderInput } }, async (request, reply) => {
    const { tenantId, actor } = principalOf(request);
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 201, body: await createPurchaseOrder(trx, { tenantId, actor }, body) }));
  });

  app.get('/v1/purchase-orders', {
    config: { permission: 'purchasing:read' },
    schema: { tags, querystring: Type.Object({ ...PurchaseOrderListQuery, ...PageQuery }) },
  }, async (request) => {
    const { status, supplier, location, cursor, limit } = request.query;
    return listPurchaseOrders(db, principalOf(request).tenantId, { status, supplier, location, cursor, limit: limit ?? 50 });
  });

  app.get('/v1/purchase-orders/:purchase_order', { config: { permission: 'purchasing:read' }, schema: { tags, params: PurchaseOrderParams } }, async (request) =>
    getPurchaseOrder(db, principalOf(request).tenantId, request.params.purchase_order));

  app.post('/v1/purchase-orders/:purchase_order/submit', {
    config: { permission: 'purchasing:write' }, schema: { tags, params: PurchaseOrderParams, body: EmptyInput },
  }, async (request, reply) => {
    const { tenantId, actor } = principalOf(request);
    const id = request.params.purchase_order;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await submitPurchaseOrder(trx, { tenantId, actor }, id) }));
  });

  app.post('/v1/purchase-orders/:purchase_order/receive', {
    config: { permission: 'purchasing:write' }, schema: { tags, params: PurchaseOrderParams, body: ReceiptInput },
  }, async (request, reply) => {
    const { tenantId, actor } = principalOf(request);
    const id = request.params.purchase_order;
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await receivePurchaseOrder(trx, { tenantId, actor }, id, body) }));
  });

  app.post('/v1/purchase-orders/:purchase_order/cancel', {
    config: { permission: 'purchasing:write' }, schema: { tags, params: PurchaseOrderParams, body: CancelInput },
  }, async (request, reply) => {
    const { tenantId, actor } = principalOf(request);
    const id = request.params.purchase_order;
    const reason = request.body?.reason ?? null;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await cancelPurchaseOrder(trx, { tenantId, actor }, id, reason) }));
  });
};
