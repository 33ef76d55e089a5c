// Hold rules in words, and their params read from the create form.
import type { HoldRule, HoldRuleKind } from '../../api/types.ts';
import { formatMoney } from '../../format.ts';
import type { FormReader } from './form/values.ts';

export const HOLD_RULE_KINDS: { kind: HoldRuleKind; label: string }[] = [
  { kind: 'total_above', label: 'Order total above' },
  { kind: 'country_not_in', label: 'Ships outside these countries' },
  { kind: 'email_velocity', label: 'Too many orders from one e-mail' },
];

export const HOLD_TYPES = ['fraud_review', 'address_invalid', 'manual'] as const;

/** What a rule checks, as a sentence. */
export function describeRule(rule: HoldRule): string {
  const p = rule.params;
  switch (rule.kind) {
    case 'total_above': return `Total above ${formatMoney(Number(p.amount), String(p.currency))}`;
    case 'country_not_in': return `Ships outside ${(p.countries as string[]).join(', ')}`;
    case 'email_velocity': return `More than ${String(p.max_orders)} orders from one e-mail within ${String(p.window_minutes)} minutes`;
  }
}

/** The params of a new rule of `kind` from the form (errors pile up in the reader). */
export function readParams(kind: HoldRuleKind, read: FormReader): Record<string, unknown> {
  switch (kind) {
    case 'total_above': {
      const currency = read.text('currency').toUpperCase();
      if (!/^[A-Z]{3}$/.test(currency)) read.errors.push({ path: 'params.currency', message: 'must be a 3-letter currency code, like USD' });
      return { amount: read.money('amount', 'params.amount', /^[A-Z]{3}$/.test(currency) ? currency : 'USD'), currency };
    }
    case 'country_not_in':
      return { countries: read.list('countries').map((c) => c.toUpperCase()) };
    case 'email_velocity':
      return { max_orders: read.integer('max_orders', 'params.max_orders', 1, 100_000), window_minutes: read.integer('window_minutes', 'params.window_minutes', 1, 525_600) };
  }
}
