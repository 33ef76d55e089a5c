// Demo data for a first start: believable enough to click through, deterministic so
// screenshots and docs stay the same. Orders go through the real intake use case, so
// every reservation and ledger row is as production would write it.
import type { Kdb } from '../platform/db/index.ts';
import { transaction, Problem } from '../platform/http/index.ts';
import { DEFAULT_TENANT_ID, type Principal } from '../modules/access/index.ts';
import { createChannel, type ChannelKind } from '../modules/channels/index.ts';
import { createLocation } from '../modules/locations/index.ts';
import { createProduct } from '../modules/catalog/index.ts';
import { adjustInventory } from '../modules/inventory/index.ts';
import { applyOrderAction, createOrder, type OrderInput } from '../modules/orders/index.ts';
import { CITIES, DEMO_CHANNELS, DEMO_LOCATIONS, FIRST_NAMES, LAST_NAMES, demoProducts, ean13 } from './demo-catalog.ts';

/** A small deterministic PRNG (mulberry32): same seed, same shop. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedOptions { tenantId?: string; days?: number; ordersPerDay?: number; customers?: number; onlyIfEmpty?: boolean; seed?: number }
export interface SeedResult { products: number; customers: number; orders: number }

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Seeds the demo shop; with onlyIfEmpty, does nothing (returns null) if products exist. */
export async function seedDemo(db: Kdb, options: SeedOptions = {}): Promise<SeedResult | null> {
  const tenantId = options.tenantId ?? DEFAULT_TENANT_ID;
  if (options.onlyIfEmpty) {
    const any = await db.selectFrom('products').select('id').where('tenant_id', '=', tenantId).limit(1).executeTakeFirst();
    if (any) return null;
  }
  const random = prng(options.seed ?? 20261127);
  const actor = 'system:seed';
  const principal: Principal = { tenantId, keyId: 'system', role: 'admin', channelId: null, actor };
  const products = demoProducts();

  await transaction(db, async (trx) => {
    for (const c of DEMO_CHANNELS) await createChannel(trx, tenantId, { code: c.code, name: c.name, kind: c.kind as ChannelKind });
    for (const l of DEMO_LOCATIONS) await createLocation(trx, tenantId, { ...l, address: { ...l.address } });
    for (const [i, p] of products.entries()) {
      await createProduct(trx, tenantId, { sku: p.sku, name: p.name, price: p.price, currency: 'USD', weight_g: p.weight_g, barcode: ean13(i + 1), inventory_policy: p.policy });
      for (const location of DEMO_LOCATIONS) {
        // Pre-order jackets have no stock yet; the rest is spread unevenly on purpose.
        const base = p.policy === 'continue' ? 0 : location.kind === 'store' ? 8 + Math.floor(random() * 12) : 60 + Math.floor(random() * 140);
        if (base > 0) await adjustInventory(trx, tenantId, actor, { sku: p.sku, location: location.code, delta: base, reason: 'receipt', note: 'opening stock' });
      }
    }
  });

  const customerCount = options.customers ?? 200;
  const customers = Array.from({ length: customerCount }, (_, i) => {
    const first = pick(random, FIRST_NAMES);
    const last = pick(random, LAST_NAMES);
    const city = pick(random, CITIES);
    return {
      email: `${first}.${last}.${i + 1}@example.com`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
      name: `${first} ${last}`,
      address: { name: `${first} ${last}`, line1: `${10 + Math.floor(random() * 980)} ${pick(random, ['Oak', 'Maple', 'Pine', 'Cedar', 'Elm'])} St`, city: city.city, region: city.region, postal_code: city.postal_code, country: 'US', latitude: city.latitude, longitude: city.longitude },
    };
  });

  // Popularity follows a Zipf-like curve and demand a weekly rhythm, so the history
  // has the shape forecasting expects of real shops.
  const weights = products.map((_, i) => 1 / (i % 17 + 1));
  const weightTotal = weights.reduce((a, b) => a + b, 0);
  const pickProduct = () => {
    let r = random() * weightTotal;
    for (const [i, w] of weights.entries()) { r -= w; if (r <= 0) return products[i] as (typeof products)[number]; }
    return products[0] as (typeof products)[number];
  };
  const days = options.days ?? 90;
  const perDay = options.ordersPerDay ?? 8;
  const channelWeights: [string, number][] = [['web', 45], ['app', 20], ['pos', 15], ['market', 12], ['phone', 5], ['kiosk', 3]];
  const pickChannel = () => {
    let r = random() * 100;
    for (const [code, w] of channelWeights) { r -= w; if (r <= 0) return code; }
    return 'web';
  };

  let orders = 0;
  const now = Date.now();
  for (let day = days; day >= 0; day--) {
    const date = new Date(now - day * 86_400_000);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    const count = Math.max(1, Math.round(perDay * (weekend ? 1.4 : 1) * (0.6 + random() * 0.8)));
    for (let n = 0; n < count; n++) {
      const placedAt = new Date(date.getTime() - Math.floor(random() * 86_400_000 * 0.9));
      if (placedAt.getTime() > now) continue;
      const customer = pick(random, customers);
      const channel = pickChannel();
      const lineCount = 1 + Math.floor(random() * random() * 4);
      const lines = new Map<string, number>();
      for (let l = 0; l < lineCount; l++) {
        const product = pickProduct();
        lines.set(product.sku, (lines.get(product.sku) ?? 0) + 1 + Math.floor(random() * random() * 3));
      }
      const pickup = channel === 'pos' || channel === 'kiosk' || (channel === 'web' && random() < 0.08);
      const input: OrderInput = {
        channel, currency: 'USD', external_id: `${channel.toUpperCase()}-${100000 + orders}`,
        customer: { email: customer.email, name: customer.name },
        ...(pickup ? { delivery: { type: 'pickup' as const, location: 'STORE-NYC' } } : { shipping_address: customer.address, shipping: { method: random() < 0.2 ? 'express' : 'standard', amount: random() < 0.2 ? 1500 : 500 } }),
        lines: [...lines].map(([sku, quantity]) => ({ sku, quantity })),
      };
      try {
        const order = await transaction(db, (trx) => createOrder(trx, principal, input, { placedAt }));
        orders++;
        const roll = random();
        if (roll < 0.05) await transaction(db, (trx) => applyOrderAction(trx, principal, order.id, 'cancel', 'customer changed their mind'));
        else if (roll < 0.07 && day < 3) await transaction(db, (trx) => applyOrderAction(trx, principal, order.id, 'hold', 'address check'));
      } catch (error) {
        if (!(error instanceof Problem)) throw error; // out of stock: a real shop refuses it too
      }
    }
  }
  return { products: products.length, customers: customerCount, orders };
}
