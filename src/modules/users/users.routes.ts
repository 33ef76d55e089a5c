// The users module's HTTP surface: the auth routes and admin-only user management.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { Email, Name, PageQuery, StrictObject, runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { PASSWORD_LENGTH_MAX, PASSWORD_LENGTH_MIN } from './passwords.ts';
import { USER_ROLES, createUser, listUsers, updateUser } from './users.service.ts';

const Password = Type.String({ minLength: PASSWORD_LENGTH_MIN, maxLength: PASSWORD_LENGTH_MAX });
const UserRole = Type.Enum(USER_ROLES);

const UserInput = StrictObject({ email: Email, name: Type.Optional(Name), role: UserRole, password: Password });
const UserPatch = StrictObject({
  name: Type.Optional(Type.Union([Name, Type.Null()])),
  role: Type.Optional(UserRole),
  password: Type.Optional(Password),
  disabled: Type.Optional(Type.Boolean()),
});

export const userRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['users'];
  registerAuthRoutes(fastify, db);

  app.post('/v1/users', { config: { permission: 'users:manage' }, schema: { tags, body: UserInput } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 201, body: await createUser(trx, tenantId, body) }));
  });

  app.get('/v1/users', { config: { permission: 'users:manage' }, schema: { tags, querystring: Type.Object({ ...PageQuery }) } }, async (request) =>
    listUsers(db, principalOf(request).tenantId, { limit: request.query.limit ?? 50, cursor: request.query.cursor }));

  app.patch('/v1/users/:id', { config: { permission: 'users:manage' }, schema: { tags, params: Type.Object({ id: Type.String({ maxLength: 64 }) }), body: UserPatch } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const { id } = request.params;
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await updateUser(trx, tenantId, id, body) }));
  });
};
