import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { Code, Name, StrictObject, iso, notFound, runCommand } from '../../platform/http/index.ts';
import { DEFAULT_TENANT_ID, createApiKey, listKeys, revokeKey } from './access.service.ts';
import { principalOf } from './auth.hook.ts';
import { ROLES, type Role } from './permissions.ts';

const KeyInput = StrictObject({
  name: Name,
  role: Type.Enum(ROLES),
  channel: Type.Optional(Code),
});

export const accessRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  app.post('/v1/api-keys', { config: { permission: 'keys:manage' }, schema: { tags: ['access'], body: KeyInput } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => {
      const key = await createApiKey(trx, tenantId, { name: body.name, role: body.role, channelCode: body.channel });
      return { status: 201, body: { id: key.id, name: key.name, role: key.role, channel: key.channel, key: key.secret } };
    });
  });
  app.get('/v1/api-keys', { config: { permission: 'keys:manage' }, schema: { tags: ['access'] } }, async (request) => {
    const rows = await listKeys(db, principalOf(request).tenantId);
    return {
      data: rows.map((r) => ({ id: r.id, name: r.name, role: r.role, prefix: r.key_prefix, created_at: iso(r.created_at), revoked_at: iso(r.revoked_at) })),
      next_cursor: null,
    };
  });
  // The merchant's name for the customer pages (tracking, returns, survey): public, and
  // nothing but the name.
  app.get('/v1/public/merchant', {
    config: { permission: 'public' },
    schema: { tags: ['public'], querystring: Type.Object({ tenant: Type.Optional(Type.String({ maxLength: 64 })) }, { additionalProperties: false }) },
  }, async (request) => {
    const tenantId = request.query.tenant ?? DEFAULT_TENANT_ID;
    const row = await db.selectFrom('tenants').select('name').where('id', '=', tenantId).executeTakeFirst();
    if (!row) throw notFound('Merchant', tenantId);
    return { name: row.name };
  });
  app.delete('/v1/api-keys/:id', { config: { permission: 'keys:manage' }, schema: { tags: ['access'], params: Type.Object({ id: Type.String() }) } }, async (request, reply) => {
    const { id } = request.params;
    if (!(await revokeKey(db, principalOf(request).tenantId, id))) throw notFound('API key', id);
    ctx.authenticator.clear();
    return reply.code(204).send();
  });
};
