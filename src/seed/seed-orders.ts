// The order history: ~90 days of orders through the real intake use case (routing,
// reservations, ledger, hold rules, payments), each in its own transaction, dated back
// with intake's placedAt. Popularity follows a Zipf-like curve and demand a weekly
// rhythm, so the history has the shape forecasting expects of real shops. A few orders
// are canceled or held right after intake, as customers and staff do.
import { Problem, transaction } from '../platform/http/index.ts';
import { applyOrderAction, createOrder, type OrderInput, type OrderView } from '../modules/orders/index.ts';
import { CITIES, FIRST_NAMES, LAST_NAMES, type DemoProduct } from './demo-catalog.ts';
import { SPECIAL_ORDERS, type SpecialOrder } from './demo-special-orders.ts';
import { DAY_MS, HOUR_MS, between, pick, weighted, type Random } from './prng.ts';
import type { OrderRole, SeedContext, SeededOrder } from './seed-context.ts';

export interface HistoryOptions { days: number; ordersPerDay: number; customers: number }

type Customer = ReturnType<typeof makeCustomers>[number];

function makeCustomers(random: Random, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const first = pick(random, FIRST_NAMES);
    const last = pick(random, LAST_NAMES);
    const city = pick(random, CITIES);
    return {
      email: `${first}.${last}.${i + 1}@example.com`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
      name: `${first} ${last}`,
      address: { name: `${first} ${last}`, line1: `${10 + Math.floor(random() * 980)} ${pick(random, ['Oak', 'Maple', 'Pine', 'Cedar', 'Elm'])} St`, city: city.city, region: city.region, postal_code: city.postal_code, country: 'US', latitude: city.latitude, longitude: city.longitude },
    };
  });
}

const CHANNEL_WEIGHTS = [['web', 45], ['app', 20], ['pos', 15], ['market', 12], ['phone', 5], ['kiosk', 3]] as const;

/** How each channel pays: cards online and at the till, the marketplace collects, the call center invoices; some web customers pay the courier. */
function paymentFor(random: Random, channel: string, pickup: boolean): NonNullable<OrderInput['payment']> {
  if (channel === 'market') return { provider: 'prepaid', method: 'marketplace' };
  if (channel === 'phone') return { provider: 'manual', method: 'invoice' };
  if (channel === 'web' && !pickup && random() < 0.08) return { provider: 'cash_on_delivery', method: 'cash' };
  return { provider: 'test_card', token: 'tok_approve', method: 'card' };
}

function randomLines(random: Random, products: readonly DemoProduct[]): { sku: string; quantity: number }[] {
  const popularity = products.map((p, i) => [p, 1 / (i % 17 + 1)] as const);
  const lineCount = 1 + Math.floor(random() * random() * 4);
  const lines = new Map<string, number>();
  for (let l = 0; l < lineCount; l++) {
    const product = weighted(random, popularity);
    lines.set(product.sku, (lines.get(product.sku) ?? 0) + 1 + Math.floor(random() * random() * 3));
  }
  return [...lines].map(([sku, quantity]) => ({ sku, quantity }));
}

interface Draft { role: OrderRole; placedAt: Date; input: OrderInput }

function randomDraft(random: Random, products: readonly DemoProduct[], customer: Customer, placedAt: Date, n: number): Draft {
  const channel = weighted(random, CHANNEL_WEIGHTS);
  const lines = randomLines(random, products);
  const pickup = channel === 'pos' || channel === 'kiosk' || (channel === 'web' && random() < 0.08);
  const express = random() < 0.2;
  const input: OrderInput = {
    channel, currency: 'USD', external_id: `${channel.toUpperCase()}-${100000 + n}`,
    customer: { email: customer.email, name: customer.name },
    ...(pickup ? { delivery: { type: 'pickup' as const, location: 'STORE-NYC' } } : { shipping_address: customer.address, shipping: { method: express ? 'express' : 'standard', amount: express ? 1500 : 500 } }),
    lines, payment: paymentFor(random, channel, pickup),
  };
  return { role: 'history', placedAt, input };
}

function specialDraft(special: SpecialOrder, customer: Customer, placedAt: Date, n: number): Draft {
  const method = special.method ?? 'standard';
  const input: OrderInput = {
    channel: special.channel, currency: 'USD', external_id: `${special.channel.toUpperCase()}-${100000 + n}`,
    customer: { email: customer.email, name: customer.name },
    shipping_address: special.address ?? customer.address, shipping: { method, amount: method === 'express' ? 1500 : 500 },
    lines: special.lines, ...(special.payment ? { payment: special.payment } : {}),
  };
  return { role: special.role, placedAt, input };
}

function seeded(draft: Draft, view: OrderView): SeededOrder {
  const input = draft.input;
  return {
    id: view.id, number: view.number, channel: input.channel, placedAt: draft.placedAt,
    delivery: input.delivery?.type === 'pickup' ? 'pickup' : 'ship', shippingMethod: input.shipping?.method ?? null,
    city: input.shipping_address?.city ?? null, lines: input.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })), provider: input.payment?.provider ?? null, paymentId: view.payments?.[0]?.id ?? null,
    role: draft.role, status: view.status,
  };
}

/** Places the history day by day, oldest first; answers the orders that intake accepted. */
export async function seedOrders(ctx: SeedContext, products: readonly DemoProduct[], options: HistoryOptions): Promise<SeededOrder[]> {
  const { random, now } = ctx;
  const customers = makeCustomers(random, options.customers);
  const orders: SeededOrder[] = [];
  let n = 0;
  for (let day = options.days; day >= 0; day--) {
    const date = new Date(now - day * DAY_MS);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    const count = Math.max(1, Math.round(options.ordersPerDay * (weekend ? 1.4 : 1) * (0.6 + random() * 0.8)));
    const drafts: Draft[] = [];
    for (let i = 0; i < count; i++) {
      const placedAt = new Date(date.getTime() - Math.floor(random() * DAY_MS * 0.9));
      drafts.push(randomDraft(random, products, pick(random, customers), placedAt, n + i));
    }
    for (const special of SPECIAL_ORDERS.filter((s) => Math.min(s.daysAgo, options.days) === day)) {
      drafts.push(specialDraft(special, pick(random, customers), new Date(date.getTime() - between(random, 2, 10) * HOUR_MS), n + drafts.length));
    }
    drafts.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
    for (const draft of drafts) {
      n++;
      const order = await place(ctx, draft, day);
      if (order) orders.push(order);
    }
  }
  return orders;
}

/** Takes one order in; a refusal (out of stock) is what a real shop would answer too. */
async function place(ctx: SeedContext, draft: Draft, day: number): Promise<SeededOrder | null> {
  const { random, principal } = ctx;
  try {
    const view = await transaction(ctx.db, (trx) => createOrder(trx, principal, draft.input, { placedAt: draft.placedAt }));
    const order = seeded(draft, view);
    if (draft.role !== 'history' || order.status !== 'open') return order;
    const roll = random();
    if (roll < 0.05) {
      await transaction(ctx.db, (trx) => applyOrderAction(trx, principal, order.id, 'cancel', 'customer changed their mind'));
      order.status = 'canceled';
    } else if (roll < 0.08 && day < 3) {
      await transaction(ctx.db, (trx) => applyOrderAction(trx, principal, order.id, 'hold', 'customer asked to confirm the delivery address', { type: 'address_invalid' }));
      order.status = 'on_hold';
    }
    return order;
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    return null;
  }
}
