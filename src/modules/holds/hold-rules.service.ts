// Per-tenant hold rules: CRUD, and their evaluation for a new order at intake.
import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import type { HoldRulesTable } from '../../platform/db/schema-payments.ts';
import { iso, notFound, Problem } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import { matchHoldRules, validateRuleParams, type HoldRule, type HoldRuleKind } from './hold-rules.ts';
import { placeHolds } from './holds.service.ts';

export const HOLD_RULES_PER_TENANT_MAX = 100;

type RuleRow = Selectable<HoldRulesTable>;

export function toRuleView(row: RuleRow) {
  return { id: row.id, name: row.name, kind: row.kind, params: row.params, hold_type: row.hold_type, active: row.active,
    created_at: iso(row.created_at), updated_at: iso(row.updated_at) };
}

function checkParams(kind: HoldRuleKind, params: Record<string, unknown>): void {
  const errors = validateRuleParams(kind, params);
  if (errors.length > 0) throw new Problem('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), { errors });
}

export interface RuleInput { name: string; kind: HoldRuleKind; params: Record<string, unknown>; hold_type?: HoldRule['hold_type']; active?: boolean }

export async function createHoldRule(trx: Kdb, tenantId: string, input: RuleInput) {
  checkParams(input.kind, input.params);
  const { count } = await trx.selectFrom('hold_rules').select((eb) => eb.fn.countAll<number>().as('count')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  if (Number(count) >= HOLD_RULES_PER_TENANT_MAX) throw new Problem('validation_failed', `A tenant may have at most ${HOLD_RULES_PER_TENANT_MAX} hold rules.`, { errors: [{ path: 'name', message: 'too many rules' }] });
  const row = await trx.insertInto('hold_rules').values({
    tenant_id: tenantId, id: newId('hrl'), name: input.name, kind: input.kind, params: JSON.stringify(input.params),
    hold_type: input.hold_type ?? 'fraud_review', active: input.active ?? true,
  }).returningAll().executeTakeFirstOrThrow();
  return toRuleView(row);
}

export async function listHoldRules(db: Kdb, tenantId: string) {
  const rows = await db.selectFrom('hold_rules').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at').orderBy('id').execute();
  return { data: rows.map(toRuleView), next_cursor: null };
}

export async function updateHoldRule(trx: Kdb, tenantId: string, id: string, patch: Partial<Omit<RuleInput, 'kind'>>) {
  const existing = await trx.selectFrom('hold_rules').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!existing) throw notFound('Hold rule', id);
  if (patch.params) checkParams(existing.kind, patch.params);
  const row = await trx.updateTable('hold_rules').set({
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.params !== undefined ? { params: JSON.stringify(patch.params) } : {}),
    ...(patch.hold_type !== undefined ? { hold_type: patch.hold_type } : {}),
    ...(patch.active !== undefined ? { active: patch.active } : {}),
    updated_at: sql`now()`,
  }).where('tenant_id', '=', tenantId).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return toRuleView(row);
}

export async function deleteHoldRule(trx: Kdb, tenantId: string, id: string): Promise<void> {
  const result = await trx.deleteFrom('hold_rules').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw notFound('Hold rule', id);
}

export interface NewOrderFacts { orderId: string; total: number; currency: string; country: string | null; email: string | null }

/**
 * Evaluates the tenant's active rules for a new order (already inserted in this
 * transaction) and places a hold per matching rule type; the timeline names the rule.
 * Answers the holds placed.
 */
export async function applyHoldRules(trx: Kdb, tenantId: string, actor: string, order: NewOrderFacts) {
  const rows = await trx.selectFrom('hold_rules').selectAll().where('tenant_id', '=', tenantId).where('active', '=', true).orderBy('created_at').orderBy('id').execute();
  const rules = rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, params: r.params, hold_type: r.hold_type, active: r.active }) as HoldRule);
  const ordersInWindow = new Map<string, number>();
  for (const rule of rules) {
    if (rule.kind !== 'email_velocity' || !order.email) continue;
    const since = sql<Date>`now() - make_interval(mins => ${rule.params.window_minutes})`;
    const { count } = await trx.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('count'))
      .where('tenant_id', '=', tenantId).where('email', '=', order.email).where('created_at', '>=', since).executeTakeFirstOrThrow();
    ordersInWindow.set(rule.id, Number(count));
  }
  const matches = matchHoldRules(rules, { total: order.total, currency: order.currency, country: order.country, ordersInWindow });
  // One hold per type (an order has at most one active hold of a type); the first rule of a type names it.
  const byType = new Map<string, (typeof matches)[number]>();
  for (const m of matches) if (!byType.has(m.rule.hold_type)) byType.set(m.rule.hold_type, m);
  if (byType.size === 0) return [];
  return placeHolds(trx, tenantId, actor, order.orderId, [...byType.values()].map((m) => ({ type: m.rule.hold_type, reason: m.reason, ruleId: m.rule.id, ruleName: m.rule.name })));
}
