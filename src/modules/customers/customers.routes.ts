import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { PageQuery } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { getCustomer, listCustomers } from './customers.service.ts';

export const customerRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['customers'];
  app.get('/v1/customers', {
    config: { permission: 'customers:read' },
    schema: { tags, querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })), ...PageQuery }) },
  }, async (request) => {
    const { q, limit, cursor } = request.query;
    return listCustomers(db, principalOf(request).tenantId, { q, limit: limit ?? 50, cursor });
  });
  app.get('/v1/customers/:customer', {
    config: { permission: 'customers:read' },
    schema: { tags, params: Type.Object({ customer: Type.String({ maxLength: 254, description: 'id or e-mail' }) }) },
  }, async (request) => getCustomer(db, principalOf(request).tenantId, request.params.customer));
};
