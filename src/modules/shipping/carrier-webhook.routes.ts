// The carrier webhook route. It lives in its own plugin so that its JSON parser can hand
// the handler the raw bytes: the signature covers the body exactly as sent, and a
// re-serialized object would not match it.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { receiveCarrierWebhook, SIGNATURE_HEADER } from './carrier-webhook.service.ts';

/** Tracking events are small; a body past this is not one. */
const WEBHOOK_BODY_LIMIT_BYTES = 64 * 1024;

export const carrierWebhookRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  await fastify.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
    const app = scope.withTypeProvider<TypeBoxTypeProvider>();
    app.post('/v1/carriers/:service_id/webhook', {
      config: { permission: 'public' },
      schema: { tags: ['shipping'], params: Type.Object({ service_id: Type.String({ minLength: 1, maxLength: 64 }) }) },
    }, async (request) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const header = request.headers[SIGNATURE_HEADER];
      return receiveCarrierWebhook(ctx.db.kysely, request.params.service_id, raw, Array.isArray(header) ? header[0] : header);
    });
  });
};
