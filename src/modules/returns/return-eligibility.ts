// What of an order may be returned, and the checks a return request must pass. Pure: the
// caller loads the line facts and the policy.
//
// Only delivered units may be returned (units shipped but not yet delivered are refused
// with not_delivered), less the units other returns still claim. The window is counted
// per line from the latest delivery of that line's units (so a line delivered in two
// parcels gets the later parcel's window for all its units). Staff may override the
// window and the non-returnable list, never the quantities.
import type { ProblemFieldError } from '../../platform/http/index.ts';
import type { LineFacts } from './returns.repository.ts';
import type { ReturnPolicy } from './return-policy.ts';
import { lastReturnDay, windowEndsAt, withinWindow } from './return-window.ts';

export type Refusal = 'not_delivered' | 'not_returnable' | 'return_window_closed';

export interface LineEligibility {
  line_id: string; sku: string; name: string; quantity: number;
  shipped: number; delivered: number; in_returns: number;
  /** Units that may be returned now (0 when refused). */
  returnable: number;
  last_day: string | null; window_ends_at: string | null;
  refused: Refusal | null;
}

/** Each line's returnable units and, when none, why. */
export function lineEligibility(lines: readonly LineFacts[], policy: ReturnPolicy, now: Date, override = false): LineEligibility[] {
  const nonReturnable = new Set(policy.non_returnable_skus);
  return lines.map((l) => {
    const delivered = l.last_delivered_at;
    let refused: Refusal | null = null;
    if (!delivered || l.delivered === 0) refused = 'not_delivered';
    else if (!override && nonReturnable.has(l.sku)) refused = 'not_returnable';
    else if (!override && !withinWindow(now, delivered, policy.window_days)) refused = 'return_window_closed';
    return {
      line_id: l.id, sku: l.sku, name: l.name, quantity: l.quantity, shipped: l.shipped, delivered: l.delivered, in_returns: l.held,
      returnable: refused ? 0 : Math.max(0, l.delivered - l.held),
      last_day: delivered ? lastReturnDay(delivered, policy.window_days) : null,
      window_ends_at: delivered ? windowEndsAt(delivered, policy.window_days) : null,
      refused,
    };
  });
}

export interface RequestedItem { line_id?: string | undefined; sku?: string | undefined; quantity: number; reason: string }
export interface ResolvedItem { lineId: string; quantity: number; reason: string }

export type CheckResult =
  | { ok: true; items: ResolvedItem[]; overridden: Refusal[] }
  | { ok: false; code: 'validation_failed' | Refusal | 'exceeds_returnable_quantity'; errors: ProblemFieldError[] };

function resolveLine(item: RequestedItem, lines: readonly LineFacts[]): LineFacts | string {
  if ((item.line_id === undefined) === (item.sku === undefined)) return 'send either line_id or sku';
  if (item.line_id !== undefined) return lines.find((l) => l.id === item.line_id) ?? `line ${item.line_id} is not on this order`;
  const matches = lines.filter((l) => l.sku === item.sku);
  if (matches.length === 0) return `SKU ${item.sku} is not on this order`;
  if (matches.length > 1) return `SKU ${item.sku} is on several lines of this order; send line_id`;
  return matches[0] as LineFacts;
}

/** Checks a request against the lines and the policy; names every offending item by path. */
export function checkReturnRequest(items: readonly RequestedItem[], lines: readonly LineFacts[], policy: ReturnPolicy, now: Date, override: boolean): CheckResult {
  const invalid: ProblemFieldError[] = [];
  const resolved: ResolvedItem[] = [];
  const seen = new Set<string>();
  const reasons = new Set(policy.reasons);
  items.forEach((item, i) => {
    const line = resolveLine(item, lines);
    if (typeof line === 'string') invalid.push({ path: `items[${i}].${item.sku !== undefined && item.line_id === undefined ? 'sku' : 'line_id'}`, message: line });
    else if (seen.has(line.id)) invalid.push({ path: `items[${i}]`, message: `line ${line.id} (${line.sku}) appears more than once` });
    else { seen.add(line.id); resolved.push({ lineId: line.id, quantity: item.quantity, reason: item.reason }); }
    if (!reasons.has(item.reason)) invalid.push({ path: `items[${i}].reason`, message: `must be one of ${[...reasons].join(', ')}` });
  });
  if (invalid.length > 0) return { ok: false, code: 'validation_failed', errors: invalid };

  const strict = new Map(lineEligibility(lines, policy, now, false).map((e) => [e.line_id, e]));
  const lenient = new Map(lineEligibility(lines, policy, now, override).map((e) => [e.line_id, e]));
  const refused: (ProblemFieldError & { code: string })[] = [];
  const overridden = new Set<Refusal>();
  resolved.forEach((item, i) => {
    const e = lenient.get(item.lineId) as LineEligibility;
    const strictRefusal = strict.get(item.lineId)?.refused ?? null;
    if (override && strictRefusal && !e.refused) overridden.add(strictRefusal);
    if (e.refused === 'not_delivered') {
      refused.push({ path: `items[${i}].quantity`, code: 'not_delivered', message: e.shipped > 0 ? `${e.sku} has shipped but is not delivered yet` : `${e.sku} has not shipped`, sku: e.sku });
    } else if (e.refused === 'not_returnable') {
      refused.push({ path: `items[${i}].${items[i]?.sku !== undefined ? 'sku' : 'line_id'}`, code: 'not_returnable', message: `${e.sku} cannot be returned`, sku: e.sku });
    } else if (e.refused === 'return_window_closed') {
      refused.push({ path: `items[${i}]`, code: 'return_window_closed', message: `the return window for ${e.sku} ended on ${e.last_day}`, sku: e.sku, last_day: e.last_day });
    } else if (item.quantity > e.returnable) {
      refused.push({ path: `items[${i}].quantity`, code: 'exceeds_returnable_quantity', message: `only ${e.returnable} of ${e.sku} may be returned`, sku: e.sku, requested: item.quantity, returnable: e.returnable });
    }
  });
  const first = refused[0];
  if (first) return { ok: false, code: first.code as Refusal | 'exceeds_returnable_quantity', errors: refused };
  return { ok: true, items: resolved, overridden: [...overridden] };
}
