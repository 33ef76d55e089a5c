import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { Address, Code, Name, StrictObject, runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { createLocation, getLocationByCode, listLocations, toLocationView, updateLocation } from './locations.service.ts';

const LocationInput = StrictObject({
  code: Code,
  name: Name,
  kind: Type.Enum(['warehouse', 'store']),
  address: Address,
  latitude: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  longitude: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  ships: Type.Boolean(),
  pickup: Type.Boolean(),
  priority: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, description: 'Lower is preferred when routing ties' })),
});

const Coordinate = (minimum: number, maximum: number) => Type.Union([Type.Number({ minimum, maximum }), Type.Null()]);

/** Every field but the code may change; latitude and longitude go together (null clears both). */
const LocationPatch = StrictObject({
  name: Type.Optional(Name),
  kind: Type.Optional(Type.Enum(['warehouse', 'store'])),
  address: Type.Optional(Address),
  latitude: Type.Optional(Coordinate(-90, 90)),
  longitude: Type.Optional(Coordinate(-180, 180)),
  ships: Type.Optional(Type.Boolean()),
  pickup: Type.Optional(Type.Boolean()),
  priority: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, description: 'Lower is preferred when routing ties' })),
  active: Type.Optional(Type.Boolean({ description: 'An inactive location takes no new orders' })),
});

export const locationRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  app.post('/v1/locations', { config: { permission: 'settings:write' }, schema: { tags: ['locations'], body: LocationInput } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 201, body: toLocationView(await createLocation(trx, tenantId, body)) }));
  });
  app.get('/v1/locations', { config: { permission: 'settings:read' }, schema: { tags: ['locations'] } }, async (request) => {
    const rows = await listLocations(db, principalOf(request).tenantId);
    return { data: rows.map(toLocationView), next_cursor: null };
  });
  app.get('/v1/locations/:code', { config: { permission: 'settings:read' }, schema: { tags: ['locations'], params: Type.Object({ code: Type.String() }) } }, async (request) => {
    return toLocationView(await getLocationByCode(db, principalOf(request).tenantId, request.params.code));
  });
  app.patch('/v1/locations/:code', { config: { permission: 'settings:write' }, schema: { tags: ['locations'], params: Type.Object({ code: Type.String({ maxLength: 64 }) }), body: LocationPatch } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const { code } = request.params;
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: toLocationView(await updateLocation(trx, tenantId, code, body)) }));
  });
};
