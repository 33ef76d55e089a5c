import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { boxSuggestion, createBox, listBoxes, updateBox } from './boxes.service.ts';
import { createPackage, deletePackage, packagesOfFulfillmentOrder, weighPackageOnScale } from './packages.service.ts';
import { loadPackingSlip } from './packing-slip.ts';
import { packingSlipPdf } from './packing-slip.pdf.ts';
import { BoxInput, BoxParams, BoxPatch, FulfillmentOrderParams, PackageInput, PackageParams, SlipQuery, WeightInput } from './packing.schemas.ts';

// Boxes are warehouse equipment: the people who pack (fulfillment:write) keep the list.
export const packingRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['packing'];

  app.get('/v1/boxes', { config: { permission: 'fulfillment:read' }, schema: { tags } }, async (request) => listBoxes(db, principalOf(request).tenantId));

  app.post('/v1/boxes', { config: { permission: 'fulfillment:write' }, schema: { tags, body: BoxInput } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 201, body: await createBox(trx, tenantId, body) }));
  });

  app.patch('/v1/boxes/:code', { config: { permission: 'fulfillment:write' }, schema: { tags, params: BoxParams, body: BoxPatch } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const { code } = request.params;
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await updateBox(trx, tenantId, code, body) }));
  });

  app.get('/v1/fulfillment-orders/:id/box-suggestion', { config: { permission: 'fulfillment:read' }, schema: { tags, params: FulfillmentOrderParams } }, async (request) =>
    boxSuggestion(db, principalOf(request).tenantId, request.params.id));

  app.get('/v1/fulfillment-orders/:id/packages', { config: { permission: 'fulfillment:read' }, schema: { tags, params: FulfillmentOrderParams } }, async (request) =>
    packagesOfFulfillmentOrder(db, principalOf(request).tenantId, request.params.id));

  app.post('/v1/fulfillment-orders/:id/packages', {
    config: { permission: 'fulfillment:write' }, schema: { tags, params: FulfillmentOrderParams, body: PackageInput },
  }, async (request, reply) => {
    const { tenantId, actor } = principalOf(request);
    const { id } = request.params;
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 201, body: await createPackage(trx, { tenantId, actor }, id, body) }));
  });

  app.patch('/v1/packages/:id', { config: { permission: 'fulfillment:write' }, schema: { tags, params: PackageParams, body: WeightInput } }, async (request, reply) => {
    const { tenantId, actor } = principalOf(request);
    const { id } = request.params;
    const { weight_g: weightG } = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await weighPackageOnScale(trx, { tenantId, actor }, id, weightG) }));
  });

  app.delete('/v1/packages/:id', { config: { permission: 'fulfillment:write' }, schema: { tags, params: PackageParams } }, async (request, reply) => {
    const { tenantId, actor } = principalOf(request);
    const { id } = request.params;
    return runCommand(db, tenantId, request, reply, async (trx) => {
      await deletePackage(trx, { tenantId, actor }, id);
      return { status: 204, body: null };
    });
  });

  app.get('/v1/fulfillment-orders/:id/packing-slip.pdf', {
    config: { permission: 'fulfillment:read' }, schema: { tags, params: FulfillmentOrderParams, querystring: SlipQuery },
  }, async (request, reply) => {
    const slip = await loadPackingSlip(db, principalOf(request).tenantId, request.params.id);
    const pdf = await packingSlipPdf(slip, request.query.size === 'letter' ? 'LETTER' : 'A4');
    return reply.type('application/pdf').header('content-disposition', `inline; filename="packing-slip-${slip.order.number}.pdf"`).send(pdf);
  });
};
