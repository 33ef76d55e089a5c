// Orders placed on purpose among the random history, so every state the product knows
// shows up at least once: large orders held for fraud review, declined cards, an address
// outside the shipping area, a pre-order shipped in part, and orders left waiting past
// the promise (late).
import type { OrderInput } from '../modules/orders/index.ts';
import type { OrderRole } from './seed-context.ts';

export interface SpecialOrder {
  role: OrderRole;
  /** How many days before now it was placed (capped by the history's length). */
  daysAgo: number;
  channel: string;
  lines: { sku: string; quantity: number }[];
  payment: OrderInput['payment'];
  method?: 'standard' | 'express';
  /** Ships outside the customer's usual address. */
  address?: NonNullable<OrderInput['shipping_address']>;
}

export const SPECIAL_ORDERS: SpecialOrder[] = [
  { role: 'partial', daysAgo: 9, channel: 'web', lines: [{ sku: 'TEE-BLA-M', quantity: 2 }, { sku: 'BOOTS-CARE', quantity: 20 }], payment: { provider: 'test_card', token: 'tok_approve', method: 'card' } },
  { role: 'late', daysAgo: 4, channel: 'web', lines: [{ sku: 'MUG-STONE', quantity: 2 }, { sku: 'TEA-TIN', quantity: 1 }], payment: { provider: 'test_card', token: 'tok_approve', method: 'card' } },
  { role: 'late', daysAgo: 3, channel: 'app', lines: [{ sku: 'HOOD-GRE-M', quantity: 1 }], payment: { provider: 'test_card', token: 'tok_approve', method: 'card' }, method: 'express' },
  { role: 'fraud_review', daysAgo: 1, channel: 'web', lines: [{ sku: 'BLANKET-WOOL', quantity: 11 }], payment: { provider: 'test_card', token: 'tok_approve', method: 'card' } },
  { role: 'fraud_review', daysAgo: 0, channel: 'phone', lines: [{ sku: 'HOOD-BLA-L', quantity: 12 }, { sku: 'HOOD-GRE-L', quantity: 12 }], payment: { provider: 'manual', method: 'invoice' } },
  { role: 'payment_declined', daysAgo: 1, channel: 'web', lines: [{ sku: 'BAG-DAY', quantity: 1 }], payment: { provider: 'test_card', token: 'tok_decline', method: 'card' } },
  { role: 'payment_declined', daysAgo: 0, channel: 'app', lines: [{ sku: 'SCARF-MERINO', quantity: 1 }, { sku: 'GLOVES-WOOL', quantity: 1 }], payment: { provider: 'test_card', token: 'tok_insufficient_funds', method: 'card' } },
  {
    role: 'address_invalid', daysAgo: 0, channel: 'web', lines: [{ sku: 'POSTER-MAP', quantity: 2 }], payment: { provider: 'test_card', token: 'tok_approve', method: 'card' },
    address: { name: 'Lena Vogel', line1: 'Torstraße 12', city: 'Berlin', postal_code: '10119', country: 'DE' },
  },
];
