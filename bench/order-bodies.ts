// Order bodies for the load: three distinct random SKUs, a customer from a large pool
// (so customer upserts rarely collide), a unique external id per order.
import { randomBytes } from 'node:crypto';
import { CHANNEL } from './seed.ts';

export const LINES_PER_ORDER = 3;
const CUSTOMER_POOL = 50_000;
const ADDRESS = { name: 'Ana Lima', line1: '1 Main St', city: 'Springfield', postal_code: '62701', country: 'US' };

/** Picks `count` distinct indexes below `bound`. */
export function distinctIndexes(count: number, bound: number): number[] {
  const picked = new Set<number>();
  while (picked.size < count) picked.add(Math.floor(Math.random() * bound));
  return [...picked];
}

/** Makes order bodies with external ids unique across the whole benchmark process. */
export function orderBodyFactory(skus: readonly string[], payment: 'prepaid' | 'test_card' | null = null) {
  const paymentBody = payment === 'test_card' ? { provider: 'test_card', token: 'tok_approve' } : payment ? { provider: payment } : undefined;
  const prefix = `B-${randomBytes(4).toString('hex')}`;
  let sequence = 0;
  return (): string => {
    const customer = Math.floor(Math.random() * CUSTOMER_POOL);
    const lines = distinctIndexes(LINES_PER_ORDER, skus.length).map((i) => ({ sku: skus[i] as string, quantity: 1 + (i % 2) }));
    return JSON.stringify({
      channel: CHANNEL, external_id: `${prefix}-${sequence++}`, currency: 'USD',
      customer: { email: `customer${customer}@example.com`, name: `Customer ${customer}` },
      shipping_address: ADDRESS, lines, shipping: { method: 'standard', amount: 500 },
      ...(paymentBody ? { payment: paymentBody } : {}),
    });
  };
}
