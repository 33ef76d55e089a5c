// What-if routing: the plan and its explanation for an order-like body, from current
// stock read without locks. Reserves nothing and writes nothing.
import type { Address, Kdb } from '../../platform/db/index.ts';
import { Problem, type ProblemFieldError } from '../../platform/http/index.ts';
import { findProductsBySkus } from '../catalog/index.ts';
import { findChannelByCode } from '../channels/index.ts';
import { readAvailableStock } from '../inventory/index.ts';
import { planRouting, type Demand, type RoutingExplanation } from './plan.ts';
import { loadRoutingContext } from './routing.repository.ts';

export interface SimulationInput {
  channel?: string | undefined;
  lines: { sku: string; quantity: number }[];
  shipping_address?: Address | undefined;
  delivery?: { type: 'ship' } | { type: 'pickup'; location: string } | undefined;
  total?: number | undefined;
}

export interface SimulationAnswer {
  plan: {
    strategy: RoutingExplanation['strategy'];
    /** False when intake would refuse the order (a deny SKU short): 422 insufficient_inventory. */
    accepted: boolean;
    order_total: number;
    allocations: RoutingExplanation['allocations'];
    backorders: RoutingExplanation['backorders'];
    shortages: RoutingExplanation['shortages'];
  };
  explanation: RoutingExplanation;
}

function refuse(errors: ProblemFieldError[]): never {
  throw new Problem('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), { errors });
}

async function resolveTarget(db: Kdb, tenantId: string, input: SimulationInput): Promise<{ address: Address | null } | { pickupLocationId: string }> {
  const delivery = input.delivery ?? { type: 'ship' as const };
  if (delivery.type === 'ship') {
    if (!input.shipping_address) refuse([{ path: 'shipping_address', message: 'is required for delivery type ship' }]);
    return { address: input.shipping_address };
  }
  const location = await db.selectFrom('locations').select(['id', 'active', 'pickup']).where('tenant_id', '=', tenantId).where('code', '=', delivery.location).executeTakeFirst();
  if (!location || !location.active) refuse([{ path: 'delivery.location', message: `unknown location ${delivery.location}` }]);
  if (!location.pickup) refuse([{ path: 'delivery.location', message: `location ${delivery.location} does not offer pickup` }]);
  return { pickupLocationId: location.id };
}

/** Plans the body as intake would (same rules, current stock) and explains it. */
export async function simulateRouting(db: Kdb, tenantId: string, input: SimulationInput): Promise<SimulationAnswer> {
  if (input.channel !== undefined && !(await findChannelByCode(db, tenantId, input.channel))) refuse([{ path: 'channel', message: `unknown channel ${input.channel}` }]);
  const products = new Map((await findProductsBySkus(db, tenantId, [...new Set(input.lines.map((l) => l.sku))])).map((p) => [p.sku, p]));
  const unknown = input.lines.flatMap((l, i) => (products.has(l.sku) ? [] : [{ path: `lines[${i}].sku`, message: `unknown SKU ${l.sku}` }]));
  if (unknown.length > 0) refuse(unknown);
  const target = await resolveTarget(db, tenantId, input);

  const demands = new Map<string, Demand>();
  let estimatedTotal = 0;
  for (const line of input.lines) {
    const product = products.get(line.sku) as NonNullable<ReturnType<typeof products.get>>;
    estimatedTotal += line.quantity * product.price;
    const d = demands.get(product.id) ?? { productId: product.id, sku: product.sku, quantity: 0, policy: product.inventory_policy };
    d.quantity += line.quantity;
    demands.set(product.id, d);
  }
  const context = await loadRoutingContext(db, tenantId, target);
  const stock = await readAvailableStock(db, tenantId, [...demands.keys()]);
  const orderTotal = input.total ?? estimatedTotal;
  const plan = planRouting({ demands: [...demands.values()], candidates: context.candidates, stock, delivery: context.delivery, orderTotal, rules: context.rules });
  const e = plan.explanation;
  return {
    plan: { strategy: e.strategy, accepted: e.shortages.length === 0, order_total: orderTotal, allocations: e.allocations, backorders: e.backorders, shortages: e.shortages },
    explanation: e,
  };
}
