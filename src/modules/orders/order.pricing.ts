// The price of a product on an order when the caller sends none. Intake and order edits
// share it, so an added line costs what it would have cost on a new order.

/** The channel's price in the order currency, else the catalog price if it is in that currency. */
export function listPrice(
  channelPrices: ReadonlyMap<string, number>, product: { id: string; price: number; currency: string }, currency: string,
): number | undefined {
  return channelPrices.get(product.id) ?? (product.currency === currency ? product.price : undefined);
}
