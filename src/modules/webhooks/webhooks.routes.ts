import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { runCommand, transaction } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { listDeliveries } from './deliveries.repository.ts';
import { createWebhook, deleteWebhook, findEndpointForHistory, getWebhook, listWebhooks } from './endpoints.service.ts';
import { DeliveryListQuery, WebhookInput, WebhookParams } from './webhook.schemas.ts';

export const webhookRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['webhooks'];
  const config = { permission: 'webhooks:manage' } as const;

  app.post('/v1/webhooks', { config, schema: { tags, body: WebhookInput } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 201, body: await createWebhook(trx, tenantId, body) }));
  });

  app.get('/v1/webhooks', { config, schema: { tags } }, async (request) =>
    ({ data: await listWebhooks(db, principalOf(request).tenantId), next_cursor: null }));

  app.get('/v1/webhooks/:id', { config, schema: { tags, params: WebhookParams } }, async (request) =>
    getWebhook(db, principalOf(request).tenantId, request.params.id));

  app.delete('/v1/webhooks/:id', { config, schema: { tags, params: WebhookParams } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    await transaction(db, (trx) => deleteWebhook(trx, tenantId, request.params.id));
    return reply.code(204).send();
  });

  app.get('/v1/webhooks/:id/deliveries', { config, schema: { tags, params: WebhookParams, querystring: DeliveryListQuery } }, async (request) => {
    const { tenantId } = principalOf(request);
    const endpoint = await findEndpointForHistory(db, tenantId, request.params.id);
    return listDeliveries(db, tenantId, endpoint.id, { ...request.query, limit: request.query.limit ?? 50 });
  });
};
