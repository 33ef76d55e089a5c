import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { Name, StrictObject, runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { HOLD_RULE_KINDS } from './hold-rules.ts';
import { createHoldRule, deleteHoldRule, listHoldRules, updateHoldRule } from './hold-rules.service.ts';

const RuleHoldType = Type.Enum(['fraud_review', 'address_invalid', 'manual'] as const);
const Params = Type.Record(Type.String(), Type.Unknown());
const RuleInput = StrictObject({ name: Name, kind: Type.Enum(HOLD_RULE_KINDS), params: Params, hold_type: Type.Optional(RuleHoldType), active: Type.Optional(Type.Boolean()) });
const RulePatch = StrictObject({ name: Type.Optional(Name), params: Type.Optional(Params), hold_type: Type.Optional(RuleHoldType), active: Type.Optional(Type.Boolean()) });
const RuleParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const holdRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['holds'];

  app.get('/v1/settings/hold-rules', { config: { permission: 'payments:read' }, schema: { tags } }, async (request) =>
    listHoldRules(db, principalOf(request).tenantId));

  app.post('/v1/settings/hold-rules', { config: { permission: 'payments:manage' }, schema: { tags, body: RuleInput } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 201, body: await createHoldRule(trx, tenantId, body) }));
  });

  app.patch('/v1/settings/hold-rules/:id', { config: { permission: 'payments:manage' }, schema: { tags, params: RuleParams, body: RulePatch } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const { id } = request.params;
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await updateHoldRule(trx, tenantId, id, body) }));
  });

  app.delete('/v1/settings/hold-rules/:id', { config: { permission: 'payments:manage' }, schema: { tags, params: RuleParams } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const { id } = request.params;
    return runCommand(db, tenantId, request, reply, async (trx) => { await deleteHoldRule(trx, tenantId, id); return { status: 204, body: null }; });
  });
};
