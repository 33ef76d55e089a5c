import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { Code, PageQuery, Sku, StrictObject, invalid, runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { ADJUSTMENT_REASONS, availability, listLevels, listMovements } from './inventory.service.ts';
import { BIN_PATTERN, setBin } from './bins.ts';
import { adjustWithArrival, transferWithArrival } from './arrivals.ts';
import type { StockArrivalHook } from './level-locks.ts';

const AdjustmentInput = StrictObject({
  sku: Sku,
  location: Code,
  delta: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, not: { const: 0 } }),
  reason: Type.Enum(ADJUSTMENT_REASONS),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});

const TransferInput = StrictObject({
  sku: Sku,
  from: Code,
  to: Code,
  quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});

/** Keyset cursors for lists that are not ordered by an opaque id. */
function encodeKey(parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}
function decodeKey(cursor: string | undefined, arity: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && parts.length === arity) return parts;
  } catch { /* fall through to the refusal */ }
  throw invalid('query.cursor', 'is not a valid cursor');
}

/** `onStockArrived` runs in the transaction of every arrival (backorder allocation; see app.ts). */
export const inventoryRoutes: FastifyPluginAsync<{ ctx: AppContext; onStockArrived: StockArrivalHook }> = async (fastify, { ctx, onStockArrived }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['inventory'];

  app.post('/v1/inventory/adjustments', { config: { permission: 'inventory:write' }, schema: { tags, body: AdjustmentInput } }, async (request, reply) => {
    const principal = principalOf(request);
    const body = request.body;
    return runCommand(db, principal.tenantId, request, reply, async (trx) => ({ status: 201, body: await adjustWithArrival(trx, principal.tenantId, principal.actor, body, onStockArrived) }));
  });

  app.post('/v1/inventory/transfers', { config: { permission: 'inventory:write' }, schema: { tags, body: TransferInput } }, async (request, reply) => {
    const principal = principalOf(request);
    const body = request.body;
    return runCommand(db, principal.tenantId, request, reply, async (trx) => ({ status: 201, body: await transferWithArrival(trx, principal.tenantId, principal.actor, body, onStockArrived) }));
  });

  app.put('/v1/inventory/bins', {
    config: { permission: 'inventory:write' },
    schema: { tags, body: StrictObject({ sku: Sku, location: Code, bin: Type.Union([Type.String({ pattern: BIN_PATTERN, description: 'e.g. A-03-2 (aisle-rack-shelf)' }), Type.Null()]) }) },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const body = request.body;
    return runCommand(db, principal.tenantId, request, reply, async (trx) => ({ status: 200, body: await setBin(trx, principal.tenantId, body) }));
  });

  app.get('/v1/inventory/levels', {
    config: { permission: 'inventory:read' },
    schema: { tags, querystring: Type.Object({ sku: Type.Optional(Type.String({ maxLength: 64 })), location: Type.Optional(Type.String({ maxLength: 64 })), ...PageQuery }) },
  }, async (request) => {
    const { sku, location, cursor } = request.query;
    const limit = request.query.limit ?? 50;
    const after = decodeKey(cursor, 2) as [string, string] | null;
    const rows = await listLevels(db, principalOf(request).tenantId, { sku, location, after, limit });
    const data = rows.slice(0, limit);
    const last = data[data.length - 1];
    return { data, next_cursor: rows.length > limit && last ? encodeKey([last.sku, last.location]) : null };
  });

  app.get('/v1/inventory/availability/:sku', { config: { permission: 'inventory:read' }, schema: { tags, params: Type.Object({ sku: Type.String({ maxLength: 64 }) }) } }, async (request) =>
    availability(db, principalOf(request).tenantId, request.params.sku));

  app.get('/v1/inventory/movements', {
    config: { permission: 'inventory:read' },
    schema: { tags, querystring: Type.Object({ sku: Type.Optional(Type.String({ maxLength: 64 })), location: Type.Optional(Type.String({ maxLength: 64 })), ...PageQuery }) },
  }, async (request) => {
    const { sku, location, cursor } = request.query;
    const limit = request.query.limit ?? 50;
    const before = decodeKey(cursor, 1);
    const beforeId = before && Number.isSafeInteger(before[0]) ? (before[0] as number) : null;
    if (before && beforeId === null) throw invalid('query.cursor', 'is not a valid cursor');
    const rows = await listMovements(db, principalOf(request).tenantId, { sku, location, beforeId, limit });
    const data = rows.slice(0, limit);
    const last = data[data.length - 1];
    return { data, next_cursor: rows.length > limit && last ? encodeKey([last.id]) : null };
  });
};
