// Routes for order edits: preview (writes nothing), confirm (one transaction), history.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../../app-context.ts';
import { PageQuery, runCommand, transaction } from '../../../platform/http/index.ts';
import { principalOf } from '../../access/index.ts';
import { processPendingPaymentTransactions } from '../../payments/index.ts';
import { loadOrderView } from '../orders.queries.ts';
import { EditConfirmInput, EditPreviewInput } from './edit.schemas.ts';
import { confirmEdit, listEdits, previewEdit } from './edit.service.ts';

const OrderParams = Type.Object({ order: Type.String({ minLength: 1, maxLength: 64, description: 'Order id or number' }) });

export const orderEditRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['orders'];

  // A preview only reads (in one transaction, for a consistent picture); it takes no
  // Idempotency-Key because there is nothing to repeat.
  app.post('/v1/orders/:order/edits/preview', {
    config: { permission: 'orders:manage' }, schema: { tags, params: OrderParams, body: EditPreviewInput },
  }, async (request) => {
    const principal = principalOf(request);
    const { order } = request.params;
    const { changes } = request.body;
    return transaction(db, (trx) => previewEdit(trx, principal, order, changes));
  });

  // The provider calls a settlement queued (another authorization, a void, a refund) run
  // right after the commit, as the payments routes do, so the answer shows their outcome;
  // whatever fails here stays pending for the payments worker.
  const settleAfterCommit = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const edit = payload as { order_id?: string; payment_action?: string } | null;
    if (reply.statusCode !== 201 || !edit?.order_id || edit.payment_action === 'none') return payload;
    try {
      await processPendingPaymentTransactions(db, { orderId: edit.order_id });
    } catch (error) {
      request.log.warn({ err: error }, 'payment calls after an order edit failed; the worker retries them');
      return payload;
    }
    return { ...edit, order: await loadOrderView(db, principalOf(request), edit.order_id) };
  };

  app.post('/v1/orders/:order/edits', {
    config: { permission: 'orders:manage' }, schema: { tags, params: OrderParams, body: EditConfirmInput }, preSerialization: settleAfterCommit,
  }, async (request, reply) => {
    const principal = principalOf(request);
    const { order } = request.params;
    const body = request.body;
    return runCommand(db, principal.tenantId, request, reply, async (trx) => ({ status: 201, body: await confirmEdit(trx, principal, order, body) }));
  });

  app.get('/v1/orders/:order/edits', {
    config: { permission: 'orders:read' }, schema: { tags, params: OrderParams, querystring: Type.Object(PageQuery) },
  }, async (request) => listEdits(db, principalOf(request), request.params.order, { limit: request.query.limit ?? 50, cursor: request.query.cursor }));
};
