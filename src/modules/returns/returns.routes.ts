// Staff routes: the return policy, returns and their actions.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { PageQuery, runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { getReturnPolicy, putReturnPolicy } from './return-policy.ts';
import { EmptyInput, ReceiveInput, RejectInput, ReturnListQuery, ReturnParams, ReturnPolicyInput, StaffReturnInput } from './returns.schemas.ts';
import { approveReturn, getReturn, listReturns, rejectReturn, requestReturn, returnOrderOr404 } from './returns.service.ts';
import { receiveReturn } from './return-receipt.service.ts';
import { closeReturn } from './return-close.service.ts';
import { runPaymentsAfterCommit } from '../payments/index.ts';

export const returnRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['returns'];

  app.get('/v1/settings/return-policy', { config: { permission: 'returns:read' }, schema: { tags } }, async (request) =>
    getReturnPolicy(db, principalOf(request).tenantId));

  app.put('/v1/settings/return-policy', { config: { permission: 'settings:write' }, schema: { tags, body: ReturnPolicyInput } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await putReturnPolicy(trx, tenantId, body) }));
  });

  app.post('/v1/returns', { config: { permission: 'returns:manage' }, schema: { tags, body: StaffReturnInput } }, async (request, reply) => {
    const principal = principalOf(request);
    const { order: orderRef, approve, ...input } = request.body;
    return runCommand(db, principal.tenantId, request, reply, async (trx) => {
      const order = await returnOrderOr404(trx, principal.tenantId, orderRef);
      return { status: 201, body: await requestReturn(trx, principal, order, input, 'staff', approve ? principal : undefined) };
    });
  });

  app.get('/v1/returns', { config: { permission: 'returns:read' }, schema: { tags, querystring: Type.Object({ ...ReturnListQuery, ...PageQuery }) } }, async (request) => {
    const { status, order, cursor, limit } = request.query;
    return listReturns(db, principalOf(request).tenantId, { status, order, cursor, limit: limit ?? 50 });
  });

  app.get('/v1/returns/:return', { config: { permission: 'returns:read' }, schema: { tags, params: ReturnParams } }, async (request) =>
    getReturn(db, principalOf(request).tenantId, request.params.return));

  app.post('/v1/returns/:return/approve', { config: { permission: 'returns:manage' }, schema: { tags, params: ReturnParams, body: EmptyInput } }, async (request, reply) => {
    const principal = principalOf(request);
    const id = request.params.return;
    return runCommand(db, principal.tenantId, request, reply, async (trx) => ({ status: 200, body: await approveReturn(trx, principal, id) }));
  });

  app.post('/v1/returns/:return/reject', { config: { permission: 'returns:manage' }, schema: { tags, params: ReturnParams, body: RejectInput } }, async (request, reply) => {
    const principal = principalOf(request);
    const id = request.params.return;
    const { reason } = request.body;
    return runCommand(db, principal.tenantId, request, reply, async (trx) => ({ status: 200, body: await rejectReturn(trx, principal, id, reason) }));
  });

  app.post('/v1/returns/:return/receive', { config: { permission: 'returns:receive' }, schema: { tags, params: ReturnParams, body: ReceiveInput } }, async (request, reply) => {
    const principal = principalOf(request);
    const id = request.params.return;
    const body = request.body;
    return runCommand(db, principal.tenantId, request, reply, async (trx) => ({ status: 200, body: await receiveReturn(trx, principal, id, body) }));
  });

  app.post('/v1/returns/:return/close', {
    config: { permission: 'returns:manage' }, schema: { tags, params: ReturnParams, body: EmptyInput },
    // The refund's provider calls run right after commit, so the answer's refund is usually done.
    preSerialization: runPaymentsAfterCommit<{ order?: { id: string } }>(db, (r) => r.order?.id ?? null),
  }, async (request, reply) => {
    const principal = principalOf(request);
    const id = request.params.return;
    return runCommand(db, principal.tenantId, request, reply, async (trx) => ({ status: 200, body: await closeReturn(trx, principal, id) }));
  });
};
