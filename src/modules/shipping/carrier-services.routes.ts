import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { createCarrierService, getCarrierServiceByCode, listCarrierServices, toCarrierServiceView, updateCarrierService } from './carrier-services.service.ts';
import { CarrierServiceInput, CarrierServicePatch, ServiceCodeParams } from './shipping.schemas.ts';

export const carrierServiceRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['shipping'];

  app.post('/v1/carrier-services', { config: { permission: 'settings:write' }, schema: { tags, body: CarrierServiceInput } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 201, body: await createCarrierService(trx, tenantId, body) }));
  });

  app.get('/v1/carrier-services', { config: { permission: 'settings:read' }, schema: { tags } }, async (request) => {
    const rows = await listCarrierServices(db, principalOf(request).tenantId);
    return { data: rows.map((r) => toCarrierServiceView(r)), next_cursor: null };
  });

  app.get('/v1/carrier-services/:code', { config: { permission: 'settings:read' }, schema: { tags, params: ServiceCodeParams } }, async (request) =>
    toCarrierServiceView(await getCarrierServiceByCode(db, principalOf(request).tenantId, request.params.code)));

  app.patch('/v1/carrier-services/:code', { config: { permission: 'settings:write' }, schema: { tags, params: ServiceCodeParams, body: CarrierServicePatch } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const { code } = request.params;
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await updateCarrierService(trx, tenantId, code, body) }));
  });
};
