// The steps of order intake that do not touch the database, shared by both ways an order
// is written (intake.service.ts: in a transaction from locked stock levels; intake.fast.ts:
// in one statement from a plain read, when nothing raced it). Keeping them here means both
// ways validate, price, route and build the same order, the same refusals included.
import { newId } from '../../platform/ids.ts';
import { Problem, type ProblemFieldError } from '../../platform/http/index.ts';
import type { Principal } from '../access/index.ts';
import { prepareReservation, type AllocationInput, type AllocationRecord, type PreparedReservation } from '../inventory/index.ts';
import { planRouting, shareOut, postalCodeKeys, rulesFromRow, type Candidate, type Demand, type RoutingDelivery, type RoutingPlan } from '../routing/index.ts';
import type { OrderInput } from './order.schemas.ts';
import { computeTotals, type Totals } from './order.totals.ts';
import { listPrice } from './order.pricing.ts';
import { toOrderView, type OrderFulfillmentOrderView, type OrderLineView, type OrderView } from './order.view.ts';
import type { IntakeLocation, IntakeProduct, IntakeSnapshot, NewOrderRow, OrderLineRow } from './intake.repository.ts';
import type { TimelineEvent } from './orders.repository.ts';
import type { OutboxEvent } from '../../platform/outbox.ts';

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


/** An order checked and priced against a snapshot, not yet routed. */
export interface PreparedIntake {
  input: OrderInput;
  channel: { id: string; code: string };
  products: Map<string, ProductRow>;
  candidates: Candidate[];
  pickupId: string | null;
  pickupCode: string | null;
  unitPrices: number[];
  totals: Totals;
  demands: Demand[];
  deliveryType: 'ship' | 'pickup';
}

/** The snapshot's query for an order: its SKUs, pickup location and postal-code keys. */
export function snapshotQuery(input: OrderInput) {
  return {
    channel: input.channel, skus: [...new Set(input.lines.map((l) => l.sku))], currency: input.currency,
    pickupLocation: input.delivery?.type === 'pickup' ? input.delivery.location : null, postal: postalLookup(input),
  };
}

/** Checks the order against the snapshot and prices it; throws Problem for every refusal. */
export function prepareIntake(snapshot: IntakeSnapshot, principal: Principal, input: OrderInput): PreparedIntake {
  // The checks run in the same order as ever, so the same input meets the same refusal.
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
  return { input, channel, products, candidates, pickupId, pickupCode, unitPrices, totals, demands: demandsOf(input, products), deliveryType: pickupId ? 'pickup' : 'ship' };
}

/** The order row to insert (its number comes from the tenant's sequence in the insert). */
export function newOrderRow(prepared: PreparedIntake, orderId: string, placedAt: Date | null): NewOrderRow {
  const { input, totals } = prepared;
  return {
    id: orderId, channel_id: prepared.channel.id, external_id: input.external_id ?? null, currency: input.currency,
    shipping_address: input.shipping_address ?? null, billing_address: input.billing_address ?? null,
    delivery_type: prepared.deliveryType, pickup_location_id: prepared.pickupId, shipping_method: input.shipping?.method ?? null,
    subtotal: totals.subtotal, discount_total: totals.discountTotal, shipping_total: totals.shippingTotal,
    tax_total: totals.taxTotal, total: totals.total, note: input.note ?? null, placed_at: placedAt,
  };
}

/** Plans where the units come from, given available units per product and location. */
export function planIntake(prepared: PreparedIntake, snapshot: IntakeSnapshot, stock: Map<string, Map<string, number>>): RoutingPlan {
  return planRouting({
    demands: prepared.demands, candidates: prepared.candidates, stock, delivery: routingDelivery(snapshot, prepared.input, prepared.pickupId),
    orderTotal: prepared.totals.total, rules: rulesFromRow(snapshot.routingSettings),
  });
}

/** Available units per product and location, from level rows. */
export function availableStock(levels: readonly { product_id: string; location_id: string; on_hand: number; reserved: number }[]): Map<string, Map<string, number>> {
  const stock = new Map<string, Map<string, number>>();
  for (const level of levels) {
    const byLocation = stock.get(level.product_id) ?? new Map<string, number>();
    byLocation.set(level.location_id, level.on_hand - level.reserved);
    stock.set(level.product_id, byLocation);
  }
  return stock;
}

/** What the order's contents statement writes, and the parts of the view that come from it. */
export interface OrderContents {
  lineRows: OrderLineRow[];
  lineViews: OrderLineView[];
  reservation: PreparedReservation;
  fulfillmentOrders: OrderFulfillmentOrderView[];
  events: TimelineEvent[];
  /** The order.created payload without the order number (known once the order row is in). */
  createdPayload: Record<string, unknown>;
  /** Units the plan could not place, per line (backordered). */
  backordered: number[];
}

/** Turns a plan into the order's lines, reservation, timeline event and outbox payload. */
export function orderContents(prepared: PreparedIntake, plan: RoutingPlan, orderId: string, actor: string, tenantId: string): OrderContents {
  const { input, products, unitPrices, totals, channel } = prepared;
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
  const reservation = prepareReservation(tenantId, actor, orderId, allocations, { deliveryType: prepared.deliveryType });
  const codeOf = new Map(prepared.candidates.map((c) => [c.locationId, c.code]));
  const lineViews: OrderLineView[] = lineRows.map((row) => ({
    id: row.id, sku: row.sku, name: row.name, quantity: row.quantity, unit_price: row.unit_price,
    discount_allocated: row.discount_allocated, total: row.total, backordered: row.backordered, canceled: 0,
    allocations: allocations.filter((a) => a.orderLineId === row.id).map((a) => ({ location: codeOf.get(a.locationId) ?? '', quantity: a.quantity, status: 'reserved' as const })),
  }));
  return {
    lineRows, lineViews, reservation, backordered,
    fulfillmentOrders: openedFulfillmentOrders(reservation.records, codeOf, lineRows, prepared.deliveryType),
    events: [{ type: 'order.created', data: { channel: channel.code, total: totals.total, currency: input.currency, routing: plan.explanation } }],
    createdPayload: { order_id: orderId, id: orderId, channel: channel.code, total: totals.total, currency: input.currency },
  };
}

/** The order.created outbox row, once the order number is known. */
export function createdOutboxEvent(contents: OrderContents, orderId: string, number: string): OutboxEvent {
  const { order_id, id, ...rest } = contents.createdPayload;
  return { topic: 'order.created', aggregateId: orderId, payload: { order_id, id, number, ...rest } };
}

/** What the order row's insert returned. */
export interface InsertedOrder {
  number: number; created_at: Date; updated_at: Date;
  customer: { id: string; email: string; name: string | null } | null;
}

/** The new order as the API answers it, built in memory from what was written. */
export function newOrderView(prepared: PreparedIntake, contents: OrderContents, orderId: string, inserted: InsertedOrder): OrderView {
  const { input, totals, channel } = prepared;
  const customer = inserted.customer;
  return toOrderView({
    id: orderId, number: inserted.number, channel_code: channel.code, external_id: input.external_id ?? null, status: 'open',
    hold_reason: null, cancel_reason: null, currency: input.currency,
    subtotal: totals.subtotal, discount_total: totals.discountTotal, shipping_total: totals.shippingTotal, tax_total: totals.taxTotal, total: totals.total,
    customer_id: customer?.id ?? null, email: customer?.email ?? null, customer_name: customer?.name ?? null,
    shipping_address: input.shipping_address ?? null, billing_address: input.billing_address ?? null,
    delivery_type: prepared.deliveryType, pickup_location_code: prepared.pickupCode, shipping_method: input.shipping?.method ?? null,
    note: input.note ?? null, created_at: inserted.created_at, updated_at: inserted.updated_at,
  }, contents.lineViews, { fulfillmentOrders: contents.fulfillmentOrders });
}

export { shortageProblem };
