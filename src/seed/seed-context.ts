// What every step of the demo seed shares: the database, the tenant, who acts, the
// random source and the moment the seed takes as "now" (history is dated back from it).
import type { Kdb } from '../platform/db/index.ts';
import type { Principal } from '../modules/access/index.ts';
import type { Random } from './prng.ts';

export interface SeedContext {
  db: Kdb;
  tenantId: string;
  /** An admin principal for use cases that take one (orders, returns). */
  principal: Principal;
  /** The tenant and actor for use cases that take those (shipping, picking, packing). */
  who: { tenantId: string; actor: string };
  random: Random;
  now: number;
}

/** One order the seed placed, with what later steps need to know about it. */
export interface SeededOrder {
  id: string;
  number: string;
  channel: string;
  placedAt: Date;
  delivery: 'ship' | 'pickup';
  shippingMethod: string | null;
  city: string | null;
  lines: { sku: string; quantity: number }[];
  provider: 'test_card' | 'manual' | 'cash_on_delivery' | 'prepaid' | null;
  paymentId: string | null;
  /** What the order was meant to show; 'history' orders move along by their age. */
  role: OrderRole;
  /** Where intake left it: open, on_hold or canceled. */
  status: string;
}

export type OrderRole = 'history' | 'late' | 'fraud_review' | 'payment_declined' | 'address_invalid' | 'partial';

/** Days between the order and now. */
export const ageDays = (ctx: SeedContext, order: SeededOrder): number => (ctx.now - order.placedAt.getTime()) / 86_400_000;
