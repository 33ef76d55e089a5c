// Order intake: validate, price, total, de-duplicate, route and reserve, record — all in
// the caller's transaction, so an order either exists with its reservations, its first
// timeline event and its outbox row, or not at all.
import type { Kdb } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { Problem, type ProblemFieldError } from '../../platform/http/index.ts';
import { orderNumberSequence, type Principal } from '../access/index.ts';
import { holdAndChargeAtIntake } from '../payments/index.ts';
import { prepareReservation, stockChangedProblem, type AllocationInput, type AllocationRecord } from '../inventory/index.ts';
import { planRouting, shareOut, postalCodeKeys, rulesFromRow, type Candidate, type Demand, type RoutingDelivery, type RoutingPlan } from '../routing/index.ts';
import type { OrderInput } from './order.schemas.ts';
import { computeTotals } from './order.totals.ts';
import { listPrice } from './order.pricing.ts';
import { toOrderView, type OrderFulfillmentOrderView, type OrderLineView, type OrderView } from './order.view.ts';
import { insertOrderContents, insertOrderLockingLevels, loadIntakeSnapshot, type IntakeLocation, type IntakeProduct, type IntakeSnapshot } from './intake.repository.ts';

type ProductRow = IntakeProduct;

function refuse(errors: ProblemFieldError[]): never {
  throw new Problem('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), { errors });
}

function resolveChannel(snapshot: IntakeSnapshot, principal: Principal, code: string) {
  const channel = snapshot.channel;
  if (!channel) refuse([{ path: 'channel', message: `unknown channel ${code}` }]);
  if (principal.channelId !== null && channel.id !== principal.channelId) {
    throw new Problem('forbidden', `This key may only create orders for its own channel.`);
  }
  return channel;
}

function resolveProducts(snapshot: IntakeSnapshot, input: OrderInput): Map<string, ProductRow> {
  const products = new Map(snapshot.products.map((p) => [p.sku, p]));
  const errors: ProblemFieldError[] = [];
  input.lines.forEach((line, i) => {
    const product = products.get(line.sku);
    if (!product) errors.push({ path: `lines[${i}].sku`, message: `unknown SKU ${line.sku}` });
    else if (!product.active) errors.push({ path: `lines[${i}].sku`, message: `SKU ${line.sku} is not for sale` });
  });
  if (errors.length > 0) refuse(errors);
  return products;
}

/** Line prices: the sent unit_price, else the channel's price, else the catalog price. */
function priceLines(snapshot: IntakeSnapshot, input: OrderInput, products: Map<string, ProductRow>): number[] {
  const errors: ProblemFieldError[] = [];
  const prices = input.lines.map((line, i) => {
    if (line.unit_price !== undefined) return line.unit_price;
    const product = products.get(line.sku) as ProductRow;
    const price = listPrice(snapshot.channelPrices, product, input.currency);
    if (price === undefined) errors.push({ path: `lines[${i}].unit_price`, message: `no ${input.currency} price for ${line.sku}; send unit_price` });
    return price ?? 0;
  });
  if (errors.length > 0) refuse(errors);
  return prices;
}

/** Every active location is a candidate; routing's capability rule decides which can serve the delivery. */
function candidateLocations(snapshot: IntakeSnapshot, input: OrderInput): { candidates: Candidate[]; pickupId: string | null; pickupCode: string | null } {
  const delivery = input.delivery ?? { type: 'ship' as const };
  const candidates = snapshot.locations.filter((l) => l.active).map(toCandidate);
  if (delivery.type === 'pickup') {
    const location = snapshot.locations.find((l) => l.code === delivery.location);
    if (!location || !location.active) refuse([{ path: 'delivery.location', message: `unknown location ${delivery.location}` }]);
    if (!location.pickup) refuse([{ path: 'delivery.location', message: `location ${delivery.location} does not offer pickup` }]);
    return { candidates, pickupId: location.id, pickupCode: location.code };
  }
  if (!input.shipping_address) refuse([{ path: 'shipping_address', message: 'is required for delivery type ship' }]);
  return { candidates, pickupId: null, pickupCode: null };
}

function toCandidate(row: IntakeLocation): Candidate {
  return { locationId: row.id, code: row.code, priority: row.priority, latitude: row.latitude, longitude: row.longitude, ships: row.ships, pickup: row.pickup };
}

/** Where routing measures distance to: the address's coordinates, else its postal code's centroid. */
function routingDelivery(snapshot: IntakeSnapshot, input: OrderInput, pickupId: string | null): RoutingDelivery {
  if (pickupId) return { type: 'pickup', locationId: pickupId };
  const address = input.shipping_address;
  if (address?.latitude !== undefined && address.longitude !== undefined) {
    return { type: 'ship', destination: { latitude: address.latitude, longitude: address.longitude, source: 'address' } };
  }
  return { type: 'ship', destination: snapshot.centroid ? { ...snapshot.centroid, source: 'postal_code' } : null };
}

/** The postal-code keys to look the centroid up by, when the address has no coordinates. */
function postalLookup(input: OrderInput): { country: string; keys: string[] } | null {
  const address = input.shipping_address;
  if (input.delivery?.type === 'pickup' || !address || (address.latitude !== undefined && address.longitude !== undefined)) return null;
  return { country: address.country, keys: postalCodeKeys(address.postal_code) };
}

function demandsOf(input: OrderInput, products: Map<string, ProductRow>): Demand[] {
  const sums = new Map<string, Demand>();
  for (const line of input.lines) {
    const product = products.get(line.sku) as ProductRow;
    const demand = sums.get(product.id);
    if (demand) demand.quantity += line.quantity;
    else sums.set(product.id, { productId: product.id, sku: product.sku, quantity: line.quantity, policy: product.inventory_policy });
  }
  return [...sums.values()];
}

function shortageProblem(plan: RoutingPlan, input: OrderInput, products: Map<string, ProductRow>): Problem {
  const errors: ProblemFieldError[] = [];
  for (const shortage of plan.shortages) {
    input.lines.forEach((line, i) => {
      if (products.get(line.sku)?.id !== shortage.productId) return;
      errors.push({ path: `lines[${i}].quantity`, message: `only ${shortage.available} available`, sku: line.sku, requested: shortage.requested, available: shortage.available });
    });
  }
  return new Problem('insufficient_inventory', `Not enough stock for ${errors.map((e) => e.sku).join(', ')}.`, { errors });
}

/** Hands each line its share of the plan's units, in line order; the rest is backordered. */
function allocateLines(plan: RoutingPlan, lineIds: string[], input: OrderInput, products: Map<string, ProductRow>) {
  const { allocations, unplaced } = shareOut(plan.allocations, input.lines.map((line, i) => ({
    orderLineId: lineIds[i] as string, productId: (products.get(line.sku) as ProductRow).id, quantity: line.quantity,
  })));
  return { allocations: allocations as AllocationInput[], backordered: unplaced };
}

/** The fulfillment orders the reservation opens, as the order view shows them (built in memory, like the rest). */
function openedFulfillmentOrders(
  records: readonly AllocationRecord[], codeOf: ReadonlyMap<string, string>, lines: readonly { id: string; sku: string }[], deliveryType: 'ship' | 'pickup',
): OrderFulfillmentOrderView[] {
  const skuOf = new Map(lines.map((l) => [l.id, l.sku]));
  const byId = new Map<string, OrderFulfillmentOrderView>();
  for (const r of records) {
    const fo = byId.get(r.fulfillmentOrderId) ?? { id: r.fulfillmentOrderId, location: codeOf.get(r.locationId) ?? '', status: 'open', delivery_type: deliveryType, lines: [] };
    fo.lines.push({ order_line_id: r.orderLineId, allocation_id: r.id, sku: skuOf.get(r.orderLineId) ?? '', quantity: r.quantity, picked: 0, status: 'reserved' });
    byId.set(r.fulfillmentOrderId, fo);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

export interface IntakeOptions {
  /** When the order was placed; only the demo seeder back-dates history with it. */
  placedAt?: Date | undefined;
}

/** Takes an order in. Throws Problem for every refusal; writes nothing in that case. */
export async function createOrder(trx: Kdb, principal: Principal, input: OrderInput, options: IntakeOptions = {}): Promise<OrderView> {
  const tenantId = principal.tenantId;
  // Everything the checks below need, read in one round trip; the checks then run in
  // the same order as ever, so the same input meets the same refusal.
  const snapshot = await loadIntakeSnapshot(trx, tenantId, {
    channel: input.channel, skus: [...new Set(input.lines.map((l) => l.sku))], currency: input.currency,
    pickupLocation: input.delivery?.type === 'pickup' ? input.delivery.location : null, postal: postalLookup(input),
  });
  const channel = resolveChannel(snapshot, principal, input.channel);
  const products = resolveProducts(snapshot, input);
  const { candidates, pickupId, pickupCode } = candidateLocations(snapshot, input);
  const unitPrices = priceLines(snapshot, input, products);
  const totals = computeTotals(
    input.lines.map((l, i) => ({ quantity: l.quantity, unitPrice: unitPrices[i] as number })),
    { discount: input.discount_total ?? 0, shipping: input.shipping?.amount ?? 0, tax: input.tax_total ?? 0 },
  );
  if (input.total !== undefined && input.total !== totals.total) {
    throw new Problem('total_mismatch', `The sent total ${input.total} does not match the computed total ${totals.total}.`, {
      errors: [{ path: 'total', message: `expected ${totals.total}`, expected: totals.total, received: input.total }],
    });
  }

  // Lock order matters: customer row, then the new order row (which also settles a
  // duplicate external_id before any stock is touched), then stock rows by key. One
  // statement takes all three, in that order (see insertOrderLockingLevels).
  const placedAt = options.placedAt;
  const orderId = newId('ord', placedAt?.getTime());
  const demands = demandsOf(input, products);
  const inserted = await insertOrderLockingLevels(trx, tenantId, orderNumberSequence(tenantId), input.customer ?? null, {
    id: orderId, channel_id: channel.id, external_id: input.external_id ?? null, currency: input.currency,
    shipping_address: input.shipping_address ?? null, billing_address: input.billing_address ?? null,
    delivery_type: pickupId ? 'pickup' : 'ship', pickup_location_id: pickupId, shipping_method: input.shipping?.method ?? null,
    subtotal: totals.subtotal, discount_total: totals.discountTotal, shipping_total: totals.shippingTotal,
    tax_total: totals.taxTotal, total: totals.total, note: input.note ?? null, placed_at: placedAt ?? null,
  }, demands.map((d) => d.productId).sort());
  if (!inserted) throw await duplicateProblem(trx, tenantId, channel.id, input.external_id ?? '');
  const customer = inserted.customer;

  const stock = new Map<string, Map<string, number>>();
  for (const level of inserted.levels) {
    const byLocation = stock.get(level.product_id) ?? new Map<string, number>();
    byLocation.set(level.location_id, level.on_hand - level.reserved);
    stock.set(level.product_id, byLocation);
  }
  const plan = planRouting({
    demands, candidates, stock, delivery: routingDelivery(snapshot, input, pickupId), orderTotal: totals.total, rules: rulesFromRow(snapshot.routingSettings),
  });
  if (plan.shortages.length > 0) throw shortageProblem(plan, input, products);

  const lineIds = input.lines.map(() => newId('oln'));
  const { allocations, backordered } = allocateLines(plan, lineIds, input, products);
  const lineRows = input.lines.map((line, i) => {
    const product = products.get(line.sku) as ProductRow;
    return {
      id: lineIds[i] as string, position: i, product_id: product.id,
      sku: product.sku, name: product.name, quantity: line.quantity, unit_price: unitPrices[i] as number,
      discount_allocated: totals.lineDiscounts[i] as number, total: totals.lineTotals[i] as number, backordered: backordered[i] as number,
    };
  });
  const reservation = prepareReservation(tenantId, principal.actor, orderId, allocations, { deliveryType: pickupId ? 'pickup' : 'ship' });

  const codeOf = new Map(candidates.map((c) => [c.locationId, c.code]));
  const lineViews: OrderLineView[] = input.lines.map((line, i) => {
    const product = products.get(line.sku) as ProductRow;
    return {
      id: lineIds[i] as string, sku: product.sku, name: product.name, quantity: line.quantity, unit_price: unitPrices[i] as number,
      discount_allocated: totals.lineDiscounts[i] as number, total: totals.lineTotals[i] as number, backordered: backordered[i] as number, canceled: 0,
      allocations: allocations.filter((a) => a.orderLineId === lineIds[i]).map((a) => ({ location: codeOf.get(a.locationId) ?? '', quantity: a.quantity, status: 'reserved' as const })),
    };
  });
  const view = toOrderView({
    id: orderId, number: inserted.number, channel_code: channel.code, external_id: input.external_id ?? null, status: 'open',
    hold_reason: null, cancel_reason: null, currency: input.currency,
    subtotal: totals.subtotal, discount_total: totals.discountTotal, shipping_total: totals.shippingTotal, tax_total: totals.taxTotal, total: totals.total,
    customer_id: customer?.id ?? null, email: customer?.email ?? null, customer_name: customer?.name ?? null,
    shipping_address: input.shipping_address ?? null, billing_address: input.billing_address ?? null,
    delivery_type: pickupId ? 'pickup' : 'ship', pickup_location_code: pickupCode, shipping_method: input.shipping?.method ?? null,
    note: input.note ?? null, created_at: inserted.created_at, updated_at: inserted.updated_at,
  }, lineViews, { fulfillmentOrders: openedFulfillmentOrders(reservation.records, codeOf, lineRows, pickupId ? 'pickup' : 'ship') });

  const routing = plan.explanation;
  // Lines, reservations (guarded update, allocations, ledger), timeline and outbox go in
  // one statement; a level that lost its stock makes the whole transaction roll back.
  const reserved = await insertOrderContents(trx, tenantId, orderId, principal.actor, {
    lines: lineRows,
    parts: reservation.parts,
    events: [{ type: 'order.created', data: { channel: channel.code, total: totals.total, currency: input.currency, routing } }],
    outbox: [{ topic: 'order.created', aggregateId: orderId, payload: { order_id: orderId, id: orderId, number: view.number, channel: channel.code, total: totals.total, currency: input.currency } }],
    at: placedAt,
  });
  if (reserved !== reservation.levelCount) throw stockChangedProblem();
  // Payment and hold rules: nothing at all for an order without a payment in a tenant without rules.
  if (input.payment || snapshot.hasHoldRules) await holdAndChargeAtIntake(trx, tenantId, principal.actor, view, input.payment, snapshot.hasHoldRules);
  return view;
}

async function duplicateProblem(trx: Kdb, tenantId: string, channelId: string, externalId: string): Promise<Problem> {
  const existing = await trx.selectFrom('orders').select(['id', 'number'])
    .where('tenant_id', '=', tenantId).where('channel_id', '=', channelId).where('external_id', '=', externalId).executeTakeFirst();
  return new Problem('duplicate_order', `An order with external_id ${JSON.stringify(externalId)} already exists on this channel.`, {
    extra: { id: existing?.id ?? null, number: existing ? String(existing.number) : null },
  });
}
