// Exchanges: on approval, a return that asks for replacement lines gets a linked order
// (same channel, customer and address, or the same pickup counter) made through the
// orders module's createOrder. The returned items' value is the exchange credit: the
// replacement carries as much of it as its subtotal as its discount, so
//   - a dearer replacement is left with total = subtotal - credit: the customer pays that
//     difference on the replacement order through the ordinary payments API;
//   - a cheaper one has total 0, and what the credit did not use is refunded on close.
// Replacement lines are priced like intake prices them (channel price, else catalog
// price in the order's currency) and sent with explicit unit prices, so the subtotal the
// credit was measured against is exactly the order's.
import type { Kdb } from '../../platform/db/index.ts';
import type { ExchangeLine } from '../../platform/db/schema-after-sales.ts';
import { Problem, type ProblemFieldError } from '../../platform/http/index.ts';
import type { Principal } from '../access/index.ts';
import { findChannelPrices, findProductsBySkus } from '../catalog/index.ts';
import { createOrder, type OrderInput } from '../orders/index.ts';
import type { ReturnOrder } from './returns.repository.ts';

function refuse(errors: ProblemFieldError[]): never {
  throw new Problem('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), { errors });
}

/** Unit prices of the replacement lines; unknown or inactive SKUs and missing prices are named by path. */
export async function priceExchangeLines(db: Kdb, tenantId: string, order: ReturnOrder, lines: readonly ExchangeLine[]): Promise<number[]> {
  const products = await findProductsBySkus(db, tenantId, [...new Set(lines.map((l) => l.sku))]);
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const channelPrices = await findChannelPrices(db, tenantId, order.channel_id, order.currency, products.map((p) => p.id));
  const errors: ProblemFieldError[] = [];
  const prices = lines.map((line, i) => {
    const product = bySku.get(line.sku);
    if (!product || !product.active) {
      errors.push({ path: `exchange.lines[${i}].sku`, message: product ? `SKU ${line.sku} is not for sale` : `unknown SKU ${line.sku}` });
      return 0;
    }
    const price = channelPrices.get(product.id) ?? (product.currency === order.currency ? product.price : undefined);
    if (price === undefined) errors.push({ path: `exchange.lines[${i}].sku`, message: `no ${order.currency} price for ${line.sku}` });
    return price ?? 0;
  });
  if (errors.length > 0) refuse(errors);
  return prices;
}

export interface Replacement { orderId: string; number: string; subtotal: number; credit: number; total: number }

/** Creates the replacement order of an approved exchange; `value` is what the returned items are worth. */
export async function createReplacementOrder(
  trx: Kdb, principal: Principal, order: ReturnOrder, ret: { id: string; number: number }, lines: readonly ExchangeLine[], value: number,
): Promise<Replacement> {
  const prices = await priceExchangeLines(trx, principal.tenantId, order, lines);
  const subtotal = lines.reduce((sum, l, i) => sum + l.quantity * (prices[i] ?? 0), 0);
  const credit = Math.min(value, subtotal);
  const input: OrderInput = {
    channel: order.channel_code,
    // One replacement per return, whatever retries happen: the channel's external id is unique.
    external_id: `return-${ret.id}`,
    currency: order.currency,
    ...(order.email ? { customer: { email: order.email, ...(order.customer_name ? { name: order.customer_name } : {}) } } : {}),
    ...(order.shipping_address ? { shipping_address: order.shipping_address } : {}),
    delivery: order.delivery_type === 'pickup' && order.pickup_location_code ? { type: 'pickup', location: order.pickup_location_code } : { type: 'ship' },
    lines: lines.map((l, i) => ({ sku: l.sku, quantity: l.quantity, unit_price: prices[i] ?? 0 })),
    discount_total: credit,
    note: `Exchange for return ${ret.number} of order ${order.number}`,
  };
  const created = await createOrder(trx, principal, input);
  return { orderId: created.id, number: created.number, subtotal, credit, total: created.total };
}
