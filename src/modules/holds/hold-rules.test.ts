import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchHoldRules, validateRuleParams, type HoldRule } from './hold-rules.ts';

const base = { name: 'r', hold_type: 'fraud_review' as const, active: true };
const rules: HoldRule[] = [
  { ...base, id: 'big', kind: 'total_above', params: { amount: 10_000, currency: 'USD' } },
  { ...base, id: 'geo', kind: 'country_not_in', params: { countries: ['US', 'CA'] } },
  { ...base, id: 'fast', kind: 'email_velocity', params: { max_orders: 2, window_minutes: 60 } },
];

test('each rule kind matches only past its threshold', () => {
  const ids = (facts: Parameters<typeof matchHoldRules>[1]) => matchHoldRules(rules, facts).map((m) => m.rule.id);
  const calm = { total: 10_000, currency: 'USD', country: 'US', ordersInWindow: new Map([['fast', 2]]) };
  assert.deepEqual(ids(calm), []);
  assert.deepEqual(ids({ ...calm, total: 10_001 }), ['big']);
  assert.deepEqual(ids({ ...calm, total: 10_001, currency: 'EUR' }), []);
  assert.deepEqual(ids({ ...calm, country: 'MX' }), ['geo']);
  assert.deepEqual(ids({ ...calm, country: null }), []);
  assert.deepEqual(ids({ ...calm, ordersInWindow: new Map([['fast', 3]]) }), ['fast']);
  assert.deepEqual(matchHoldRules(rules.map((r) => ({ ...r, active: false })), { ...calm, total: 1e9, country: 'MX' }), []);
  assert.match(matchHoldRules(rules, { ...calm, country: 'MX' })[0]?.reason ?? '', /MX, not in US, CA/);
});

test('params are checked per kind with paths', () => {
  assert.deepEqual(validateRuleParams('total_above', { amount: 5, currency: 'USD' }), []);
  assert.deepEqual(validateRuleParams('total_above', { amount: -1, currency: 'usd', x: 1 }).map((e) => e.path), ['params.x', 'params.amount', 'params.currency']);
  assert.deepEqual(validateRuleParams('country_not_in', { countries: [] }).map((e) => e.path), ['params.countries']);
  assert.deepEqual(validateRuleParams('email_velocity', { max_orders: 0, window_minutes: 10 }).map((e) => e.path), ['params.max_orders']);
});
