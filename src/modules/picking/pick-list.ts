// The pick list as pure functions: which lines a wave gets, in which order they are
// walked, and how picked and missing units are shared among the orders a line serves.
import { compareBins } from './bins.ts';

/** A reserved allocation taken into a wave, with what the list needs to know about it. */
export interface WaveAllocation {
  id: string; productId: string; sku: string; bin: string | null; quantity: number;
  /** When the order was placed: older orders get picked units first and lose them last. */
  orderCreatedAt: Date; orderNumber: number;
}

export interface PlannedLine { position: number; productId: string; sku: string; bin: string | null; quantity: number }

/**
 * One line per (SKU, bin) with the quantities summed, sorted in walking order: by bin
 * (natural order, no bin last), then SKU.
 */
export function planPickList(allocations: readonly WaveAllocation[]): PlannedLine[] {
  const byKey = new Map<string, Omit<PlannedLine, 'position'>>();
  for (const a of allocations) {
    const key = `${a.productId}\u0000${a.bin ?? ''}`;
    const line = byKey.get(key);
    if (line) line.quantity += a.quantity;
    else byKey.set(key, { productId: a.productId, sku: a.sku, bin: a.bin, quantity: a.quantity });
  }
  return [...byKey.values()]
    .sort((x, y) => compareBins(x.bin, y.bin) || (x.sku < y.sku ? -1 : x.sku > y.sku ? 1 : 0))
    .map((line, position) => ({ position, ...line }));
}

export interface Holding { id: string; quantity: number; orderCreatedAt: Date; orderNumber: number }

/** Oldest order first (ties by number, then allocation id), the order picked units are handed out in. */
export function oldestFirst<T extends Omit<Holding, 'quantity'>>(holdings: readonly T[]): T[] {
  return [...holdings].sort((a, b) => a.orderCreatedAt.getTime() - b.orderCreatedAt.getTime()
    || a.orderNumber - b.orderNumber || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface Share { id: string; picked: number; missing: number }

/**
 * Shares `picked` units among the allocations a line serves: oldest orders are filled
 * first, so a shortfall falls on the newest orders. Units picked beyond what the
 * allocations need (an order canceled mid-wave) go back to the shelf and are not counted.
 */
export function sharePicked(holdings: readonly Holding[], picked: number): Share[] {
  let left = Math.max(0, picked);
  return oldestFirst(holdings).map((h) => {
    const take = Math.min(left, h.quantity);
    left -= take;
    return { id: h.id, picked: take, missing: h.quantity - take };
  });
}
