import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { runPaymentsAfterCommit } from '../payments/index.ts';
import { confirmPickup, markReadyForPickup } from './pickup.service.ts';
import { EmptyInput, FulfillmentOrderParams, PickupInput } from './shipping.schemas.ts';

export const pickupRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['shipping'];

  app.post('/v1/fulfillment-orders/:id/ready-for-pickup', {
    config: { permission: 'fulfillment:write' }, schema: { tags, params: FulfillmentOrderParams, body: EmptyInput },
  }, async (request, reply) => {
    const { tenantId, actor } = principalOf(request);
    const { id } = request.params;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await markReadyForPickup(trx, { tenantId, actor }, id) }));
  });

  app.post('/v1/fulfillment-orders/:id/pickup', {
    config: { permission: 'fulfillment:write' }, schema: { tags, params: FulfillmentOrderParams, body: PickupInput },
    // The pickup captures what it handed over: run the calls right after commit.
    preSerialization: runPaymentsAfterCommit<{ order?: { id: string } }>(db, (s) => s.order?.id ?? null),
  }, async (request, reply) => {
    const { tenantId, actor } = principalOf(request);
    const { id } = request.params;
    const note = request.body?.note ?? null;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await confirmPickup(trx, { tenantId, actor }, id, note) }));
  });
};
