// Hold rules, pure: which of a tenant's rules hold a new order, given the facts intake
// knows. The e-mail velocity count is the only fact that needs the database; the service
// counts it per rule window before calling this.
import type { HoldType } from '../../platform/db/schema-payments.ts';

export const HOLD_RULE_KINDS = ['total_above', 'country_not_in', 'email_velocity'] as const;
export type HoldRuleKind = (typeof HOLD_RULE_KINDS)[number];

export type HoldRuleParams =
  | { kind: 'total_above'; params: { amount: number; currency: string } }
  | { kind: 'country_not_in'; params: { countries: string[] } }
  | { kind: 'email_velocity'; params: { max_orders: number; window_minutes: number } };

export type HoldRule = HoldRuleParams & { id: string; name: string; hold_type: Exclude<HoldType, 'payment_declined'>; active: boolean };

export interface OrderFacts {
  total: number; currency: string;
  /** Shipping country; null for pickup orders (never held by country). */
  country: string | null;
  /** Orders with this order's e-mail in each rule's window (this one included), by rule id. */
  ordersInWindow: ReadonlyMap<string, number>;
}

export interface RuleMatch { rule: HoldRule; reason: string }

/** The active rules the order trips, each with a sentence that says why. */
export function matchHoldRules(rules: readonly HoldRule[], facts: OrderFacts): RuleMatch[] {
  const matches: RuleMatch[] = [];
  for (const rule of rules) {
    if (!rule.active) continue;
    const reason = why(rule, facts);
    if (reason) matches.push({ rule, reason });
  }
  return matches;
}

function why(rule: HoldRule, facts: OrderFacts): string | null {
  switch (rule.kind) {
    case 'total_above':
      return facts.currency === rule.params.currency && facts.total > rule.params.amount
        ? `rule ${rule.name}: total ${facts.total} ${facts.currency} is above ${rule.params.amount}` : null;
    case 'country_not_in':
      return facts.country !== null && !rule.params.countries.includes(facts.country)
        ? `rule ${rule.name}: ships to ${facts.country}, not in ${rule.params.countries.join(', ')}` : null;
    case 'email_velocity': {
      const count = facts.ordersInWindow.get(rule.id) ?? 0;
      return count > rule.params.max_orders
        ? `rule ${rule.name}: ${count} orders from this e-mail within ${rule.params.window_minutes} minutes (max ${rule.params.max_orders})` : null;
    }
  }
}

/** Checks a rule's params for its kind; answers errors with paths under `params`. */
export function validateRuleParams(kind: HoldRuleKind, params: Record<string, unknown>): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  const keys = Object.keys(params);
  const allowed: Record<HoldRuleKind, string[]> = {
    total_above: ['amount', 'currency'], country_not_in: ['countries'], email_velocity: ['max_orders', 'window_minutes'],
  };
  for (const key of keys) if (!allowed[kind].includes(key)) errors.push({ path: `params.${key}`, message: `is not a parameter of ${kind}` });
  const int = (key: string, min: number, max: number) => {
    const v = params[key];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) errors.push({ path: `params.${key}`, message: `must be an integer from ${min} to ${max}` });
  };
  if (kind === 'total_above') {
    int('amount', 0, 100_000_000_000);
    if (typeof params.currency !== 'string' || !/^[A-Z]{3}$/.test(params.currency)) errors.push({ path: 'params.currency', message: 'must be an ISO 4217 code' });
  } else if (kind === 'country_not_in') {
    const c = params.countries;
    if (!Array.isArray(c) || c.length === 0 || c.length > 300 || !c.every((x) => typeof x === 'string' && /^[A-Z]{2}$/.test(x))) {
      errors.push({ path: 'params.countries', message: 'must be 1 to 300 ISO 3166-1 alpha-2 codes' });
    }
  } else {
    int('max_orders', 1, 100_000);
    int('window_minutes', 1, 525_600);
  }
  return errors;
}
