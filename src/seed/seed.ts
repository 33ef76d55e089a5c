// Demo data for a first start: a living shop to click through, deterministic so
// screenshots and docs stay the same. Everything goes through the modules' own use cases
// (intake, waves, packing, shipping, tracking, pickups, payments, returns, surveys), so
// every reservation, ledger row, payment and timeline event is as production writes it
// and `ordo inventory verify` is clean afterwards. The steps, in order:
//   catalog and settings → ~90 days of orders (with payments, holds, cancels) → provider
//   calls → the history shipped and delivered by age, the last two days spread over the
//   warehouse's stages → a pre-order delivery → invoices paid → returns and surveys →
//   the seed's events relayed to nobody (history must not mail customers).
import type { Kdb } from '../platform/db/index.ts';
import { DEFAULT_TENANT_ID } from '../modules/access/index.ts';
import { prng } from './prng.ts';
import type { SeedContext } from './seed-context.ts';
import { seedCatalog } from './seed-catalog.ts';
import { seedSettings } from './seed-settings.ts';
import { seedOrders } from './seed-orders.ts';
import { payInvoices, runPendingPayments } from './seed-payments.ts';
import { seedFulfillment } from './seed-fulfillment.ts';
import { seedPreorderArrival } from './seed-arrival.ts';
import { seedReturns } from './seed-after-sales.ts';
import { seedSurveys } from './seed-surveys.ts';
import { outboxMark, relayHistoryQuietly } from './seed-quiet-history.ts';
import { refreshPlannerStatistics } from './seed-statistics.ts';

export interface SeedOptions {
  tenantId?: string; days?: number; ordersPerDay?: number; customers?: number; onlyIfEmpty?: boolean; seed?: number;
  /** Told each step's name and duration (for measuring the seed). */
  onStep?: (step: string, ms: number) => void;
}

export interface SeedResult {
  products: number; customers: number; orders: number;
  shipments: number; delivered: number; returns: number; surveys: number;
  /** Outbox rows of the seed relayed to nobody (no mails, no webhooks). */
  quiet_events: number;
}

/** Seeds the demo shop; with onlyIfEmpty, does nothing (returns null) if the tenant has products. */
export async function seedDemo(db: Kdb, options: SeedOptions = {}): Promise<SeedResult | null> {
  const tenantId = options.tenantId ?? DEFAULT_TENANT_ID;
  if (options.onlyIfEmpty) {
    const any = await db.selectFrom('products').select('id').where('tenant_id', '=', tenantId).limit(1).executeTakeFirst();
    if (any) return null;
  }
  const actor = 'system:seed';
  const ctx: SeedContext = {
    db, tenantId, random: prng(options.seed ?? 20261127), now: Date.now(),
    principal: { tenantId, keyId: 'system', role: 'admin', channelId: null, actor },
    who: { tenantId, actor },
  };
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await run();
    options.onStep?.(name, Date.now() - started);
    return result;
  };

  const mark = await outboxMark(db);
  const products = await step('catalog', () => seedCatalog(ctx));
  await step('settings', () => seedSettings(ctx));
  const customers = options.customers ?? 200;
  const orders = await step('orders', () => seedOrders(ctx, products, { days: options.days ?? 90, ordersPerDay: options.ordersPerDay ?? 6, customers }));
  await step('statistics', () => refreshPlannerStatistics(db));
  await step('authorizations', () => runPendingPayments(ctx));
  const { shipments, delivered } = await step('fulfillment', () => seedFulfillment(ctx, orders));
  await step('pre-order arrival', () => seedPreorderArrival(ctx));
  await step('captures', () => runPendingPayments(ctx));
  await step('invoices', () => payInvoices(ctx, orders));
  const returns = await step('returns', () => seedReturns(ctx, orders, delivered));
  const surveys = await step('surveys', () => seedSurveys(ctx, orders, delivered));
  await step('refunds', () => runPendingPayments(ctx));
  const quiet = await step('quiet history', () => relayHistoryQuietly(db, tenantId, mark));
  await step('statistics again', () => refreshPlannerStatistics(db));
  return {
    products: products.length, customers, orders: orders.length,
    shipments, delivered: delivered.size, returns, surveys, quiet_events: quiet,
  };
}
