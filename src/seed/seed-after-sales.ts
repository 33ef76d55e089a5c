// Returns in every state, on orders delivered within the return window: asked for by
// customers (requested), approved and waiting for the parcel, rejected, received back
// into stock (one damaged item written off), closed with their refund — and one
// exchange of a tee for another size, with its replacement order.
import { transaction } from '../platform/http/index.ts';
import {
  closeReturn, receiveReturn, rejectReturn, requestReturn, returnOrderOr404, type ReturnView,
} from '../modules/returns/index.ts';
import { DEMO_RETURN_POLICY } from './demo-settings.ts';
import { pick } from './prng.ts';
import { ageDays, type SeedContext, type SeededOrder } from './seed-context.ts';

type Plan = 'requested' | 'approved' | 'rejected' | 'received' | 'closed' | 'exchange';
const PLANS: Plan[] = ['closed', 'requested', 'approved', 'received', 'closed', 'rejected', 'exchange', 'closed', 'requested', 'received', 'approved', 'closed'];
const REASONS = ['too_small', 'too_large', 'changed_mind', 'not_as_described', 'damaged'] as const;

/** The other size of an apparel SKU (TEE-BLA-M → TEE-BLA-L), for exchanges. */
export function otherSize(sku: string): string | null {
  const match = /^(TEE|HOOD)-([A-Z]{3})-(S|M|L|XL)$/.exec(sku);
  if (!match) return null;
  const next: Record<string, string> = { S: 'M', M: 'L', L: 'XL', XL: 'L' };
  return `${match[1]}-${match[2]}-${next[match[3] as string]}`;
}

function returnableLine(order: SeededOrder) {
  return order.lines.find((l) => !DEMO_RETURN_POLICY.non_returnable_skus.includes(l.sku));
}

async function open(ctx: SeedContext, order: SeededOrder, plan: Plan, damaged: boolean): Promise<ReturnView> {
  const line = returnableLine(order) as { sku: string; quantity: number };
  const exchangeSku = plan === 'exchange' ? otherSize(line.sku) : null;
  // An exchange goes one size up, except from XL (one size down).
  const reason = exchangeSku ? (line.sku.endsWith('-XL') ? 'too_large' : 'too_small') : damaged ? 'damaged' : pick(ctx.random, REASONS);
  const input = {
    items: [{ sku: line.sku, quantity: plan === 'closed' ? line.quantity : 1, reason }],
    ...(exchangeSku ? { exchange: { lines: [{ sku: exchangeSku, quantity: 1 }] } } : {}),
  };
  // Customers ask on the public page; staff open the rest from a phone call and approve at once.
  const customer = plan === 'requested';
  return transaction(ctx.db, async (trx) => {
    const target = await returnOrderOr404(trx, ctx.tenantId, order.id);
    return requestReturn(trx, customer ? { tenantId: ctx.tenantId, actor: 'customer' } : ctx.principal, target, input,
      customer ? 'customer' : 'staff', customer || plan === 'rejected' ? undefined : ctx.principal);
  });
}

async function advance(ctx: SeedContext, order: SeededOrder, plan: Plan, ret: ReturnView, damaged: boolean): Promise<void> {
  if (plan === 'rejected') {
    await transaction(ctx.db, (trx) => rejectReturn(trx, ctx.principal, ret.id, 'The item shows signs of wear; not accepted under the return policy.'));
    return;
  }
  if (plan === 'requested' || plan === 'approved') return;
  const location = order.delivery === 'pickup' ? 'STORE-NYC' : 'WH-EAST';
  await transaction(ctx.db, (trx) => receiveReturn(trx, ctx.principal, ret.id, {
    location, items: ret.items.map((i) => ({ line_id: i.line_id, quantity: i.quantity, condition: damaged ? 'damaged' : 'sellable' })),
  }));
  if (plan === 'closed' || plan === 'exchange') await transaction(ctx.db, (trx) => closeReturn(trx, ctx.principal, ret.id));
}

/** Opens the planned returns on delivered orders in the window, newest deliveries first; answers how many. */
export async function seedReturns(ctx: SeedContext, orders: readonly SeededOrder[], delivered: ReadonlySet<string>): Promise<number> {
  const candidates = orders
    .filter((o) => o.role === 'history' && delivered.has(o.id) && o.provider !== 'manual' && returnableLine(o) !== undefined)
    .filter((o) => ageDays(ctx, o) >= 3 && ageDays(ctx, o) <= DEMO_RETURN_POLICY.window_days - 6)
    .sort((a, b) => b.placedAt.getTime() - a.placedAt.getTime());
  const used = new Set<string>();
  let made = 0;
  // The first received parcel came back damaged: written off instead of restocked.
  let damagedDone = false;
  for (const plan of PLANS) {
    const order = candidates.find((o) => !used.has(o.id) && (plan !== 'exchange' || otherSize((returnableLine(o) as { sku: string }).sku) !== null));
    if (!order) continue;
    used.add(order.id);
    const damaged: boolean = plan === 'received' && !damagedDone;
    damagedDone ||= damaged;
    const ret = await open(ctx, order, plan, damaged);
    await advance(ctx, order, plan, ret, damaged);
    made++;
  }
  return made;
}
