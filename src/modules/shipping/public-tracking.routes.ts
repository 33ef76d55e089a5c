import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.ts';
import { publicTracking } from './public-tracking.service.ts';
import { PublicTrackingQuery } from './shipping.schemas.ts';

export const publicTrackingRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/v1/public/tracking', { config: { permission: 'public' }, schema: { tags: ['shipping'], querystring: PublicTrackingQuery } }, async (request) =>
    publicTracking(ctx.db.kysely, request.query));
};
