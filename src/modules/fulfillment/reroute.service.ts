// Re-routing a fulfillment order that has not been picked: its reserved units are
// released at its location and reserved at another (the one asked for, or routing's
// choice among the others), in one transaction with the levels locked in key order. The
// units join the order's open fulfillment order there or open one; the old one is
// canceled. Not enough stock at the target refuses the whole move.
import type { Kdb } from '../../platform/db/index.ts';
import { invalid, Problem, type ProblemFieldError } from '../../platform/http/index.ts';
import { availableFromLevels, lockLevels, releaseAllocations } from '../inventory/index.ts';
import { findLocationByCode } from '../locations/index.ts';
import { toFulfillmentOrderView, type FulfillmentOrderView } from './fulfillment-order.view.ts';
import * as repo from './fulfillment-orders.repository.ts';
import { getFulfillmentOrder, transitionFulfillmentOrder } from './fulfillment-orders.service.ts';
import { recordOrderEvent } from './order-timeline.ts';
import { placeUnits } from './placement.ts';

export interface RerouteInput { location?: string | undefined; reason: string }
export interface RerouteAnswer { fulfillment_order: FulfillmentOrderView; rerouted_to: FulfillmentOrderView[] }

async function targetFilter(trx: Kdb, tenantId: string, currentLocationId: string, code: string | undefined): Promise<(id: string) => boolean> {
  if (code === undefined) return (id) => id !== currentLocationId;
  const location = await findLocationByCode(trx, tenantId, code);
  if (!location || !location.active) throw invalid('location', `unknown location ${code}`);
  if (location.id === currentLocationId) throw invalid('location', 'is the fulfillment order\'s current location');
  if (!location.ships) throw invalid('location', `location ${code} does not ship`);
  return (id) => id === location.id;
}

/** Moves an open fulfillment order's units to another location; answers the canceled one and where its units went. */
export async function rerouteFulfillmentOrder(trx: Kdb, who: { tenantId: string; actor: string }, id: string, input: RerouteInput): Promise<RerouteAnswer> {
  const { tenantId, actor } = who;
  const fo = await getFulfillmentOrder(trx, tenantId, id);
  if (fo.delivery_type === 'pickup') throw invalid('fulfillment_order', 'a pickup order is handed over at its pickup location and cannot be re-routed');
  const allowed = await targetFilter(trx, tenantId, fo.location_id, input.location);
  // Lock order: the products' levels (key order), the order's fulfillment lock (so no
  // backorder allocation joins this fulfillment order meanwhile), then the row itself,
  // whose conditional move proves it is still open (not picked, not in a wave).
  await lockLevels(trx, tenantId, productsOf(fo.lines));
  await repo.lockOrderFulfillment(trx, tenantId, [fo.order_id]);
  await transitionFulfillmentOrder(trx, tenantId, fo.id, 'canceled', { from: ['open'] });
  const reserved = (await getFulfillmentOrder(trx, tenantId, fo.id)).lines.filter((l) => l.status === 'reserved');
  const levels = await lockLevels(trx, tenantId, productsOf(reserved));
  const order = await repo.findOrderForRouting(trx, tenantId, fo.order_id);
  if (!order) throw new Error(`order ${fo.order_id} of fulfillment order ${fo.id} is missing`);

  const note = `re-routed from ${fo.location}: ${input.reason}`;
  await releaseAllocations(trx, tenantId, actor, fo.order_id, reserved.map((l) => l.id), note);
  const items = reserved.map((l) => ({ orderLineId: l.order_line_id, productId: l.product_id, sku: l.sku, quantity: l.quantity }));
  const placement = await placeUnits(trx, tenantId, actor, order, items, availableFromLevels(levels), { allowed, policy: 'deny' });
  if (placement.plan.shortages.length > 0) throw shortage(placement.plan.explanation.shortages, input.location);

  const targets = [...new Set(placement.records.map((r) => r.fulfillmentOrderId))];
  const moved = [];
  for (const target of targets) moved.push(await getFulfillmentOrder(trx, tenantId, target));
  await recordOrderEvent(trx, tenantId, fo.order_id, actor, {
    type: 'fulfillment.rerouted', aggregateId: fo.id,
    data: {
      fulfillment_order_id: fo.id, from: fo.location, to: moved.map((m) => m.location), reason: input.reason,
      fulfillment_order_ids: targets, units: items.reduce((n, i) => n + i.quantity, 0), routing: placement.plan.explanation,
    },
  });
  return { fulfillment_order: toFulfillmentOrderView(await getFulfillmentOrder(trx, tenantId, fo.id)), rerouted_to: moved.map(toFulfillmentOrderView) };
}

const productsOf = (lines: readonly { product_id: string }[]) => [...new Set(lines.map((l) => l.product_id))].sort();

function shortage(shortages: readonly { sku: string; requested: number; available: number }[], location: string | undefined): Problem {
  const where = location ?? 'any other location';
  const errors: ProblemFieldError[] = shortages.map((s) => ({
    path: 'location', message: `only ${s.available} of ${s.sku} can be placed at ${where}`, sku: s.sku, requested: s.requested, available: s.available,
  }));
  return new Problem('insufficient_inventory', `Not enough stock at ${where} for ${shortages.map((s) => s.sku).join(', ')}.`, { errors });
}
