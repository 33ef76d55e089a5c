import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { Code, Name, StrictObject, runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { CAPTURE_MODES, CHANNEL_KINDS, createChannel, getChannelByCode, listChannels, toChannelView, updateChannel } from './channels.service.ts';

const ChannelInput = StrictObject({ code: Code, name: Name, kind: Type.Enum(CHANNEL_KINDS), capture_mode: Type.Optional(Type.Enum(CAPTURE_MODES)) });
const ChannelPatch = StrictObject({ name: Type.Optional(Name), capture_mode: Type.Optional(Type.Enum(CAPTURE_MODES)) });

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
  app.patch('/v1/channels/:code', { config: { permission: 'settings:write' }, schema: { tags: ['channels'], params: Type.Object({ code: Type.String() }), body: ChannelPatch } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const { code } = request.params;
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: toChannelView(await updateChannel(trx, tenantId, code, body)) }));
  });
  app.get('/v1/channels/:code', { config: { permission: 'settings:read' }, schema: { tags: ['channels'], params: Type.Object({ code: Type.String() }) } }, async (request) => {
    const { code } = request.params;
    return toChannelView(await getChannelByCode(db, principalOf(request).tenantId, code));
  });
};
