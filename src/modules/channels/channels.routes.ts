import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { Code, Name, StrictObject, runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { CHANNEL_KINDS, createChannel, getChannelByCode, listChannels, toChannelView, type ChannelKind } from './channels.service.ts';

const ChannelInput = StrictObject({ code: Code, name: Name, kind: Type.Enum(CHANNEL_KINDS) });

export const channelRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  app.post('/v1/channels', { config: { permission: 'settings:write' }, schema: { tags: ['channels'], body: ChannelInput } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 201, body: toChannelView(await createChannel(trx, tenantId, body)) }));
  });
  app.get('/v1/channels', { config: { permission: 'settings:read' }, schema: { tags: ['channels'] } }, async (request) => {
    const rows = await listChannels(db, principalOf(request).tenantId);
    return { data: rows.map(toChannelView), next_cursor: null };
  });
  app.get('/v1/channels/:code', { config: { permission: 'settings:read' }, schema: { tags: ['channels'], params: Type.Object({ code: Type.String() }) } }, async (request) => {
    const { code } = request.params;
    return toChannelView(await getChannelByCode(db, principalOf(request).tenantId, code));
  });
};
