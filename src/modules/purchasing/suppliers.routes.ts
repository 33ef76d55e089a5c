import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { SupplierInput, SupplierPatch } from './purchasing.schemas.ts';
import { createSupplier, getSupplierByCode, listSuppliers, toSupplierView, updateSupplier } from './suppliers.service.ts';

const SupplierParams = Type.Object({ code: Type.String({ maxLength: 64 }) });

export const supplierRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['purchasing'];

  app.post('/v1/suppliers', { config: { permission: 'purchasing:write' }, schema: { tags, body: SupplierInput } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 201, body: toSupplierView(await createSupplier(trx, tenantId, body)) }));
  });

  app.get('/v1/suppliers', { config: { permission: 'purchasing:read' }, schema: { tags } }, async (request) => {
    const rows = await listSuppliers(db, principalOf(request).tenantId);
    return { data: rows.map(toSupplierView), next_cursor: null };
  });

  app.get('/v1/suppliers/:code', { config: { permission: 'purchasing:read' }, schema: { tags, params: SupplierParams } }, async (request) =>
    toSupplierView(await getSupplierByCode(db, principalOf(request).tenantId, request.params.code)));

  app.patch('/v1/suppliers/:code', { config: { permission: 'purchasing:write' }, schema: { tags, params: SupplierParams, body: SupplierPatch } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const { code } = request.params;
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: toSupplierView(await updateSupplier(trx, tenantId, code, body)) }));
  });
};
