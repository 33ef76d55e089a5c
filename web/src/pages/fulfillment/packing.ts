// The pack station's arithmetic, kept apart from the components: what of each line is
// ready to pack, what a scan adds to, and what the package would weigh.
import type { Box, FulfillmentOrder, Package, Product } from '../../api/types.ts';

export interface PackLine {
  allocation_id: string; sku: string; name: string; bin: string | null;
  quantity: number; ready: number; packed: number; left: number;
}

/** Units per allocation already in packages. */
export function packedUnits(packages: readonly Package[]): Map<string, number> {
  const packed = new Map<string, number>();
  for (const p of packages) for (const item of p.items) packed.set(item.allocation_id, (packed.get(item.allocation_id) ?? 0) + item.quantity);
  return packed;
}

/**
 * The reserved lines with what may still be packed: after a wave the picked units, for
 * an order packed without a wave (open) its reserved units, as the server counts them.
 */
export function packLines(fo: FulfillmentOrder, packages: readonly Package[]): PackLine[] {
  const packed = packedUnits(packages);
  return fo.lines.filter((l) => l.status === 'reserved').map((l) => {
    const ready = fo.status === 'open' ? l.quantity : l.picked;
    const done = packed.get(l.allocation_id) ?? 0;
    return { allocation_id: l.allocation_id, sku: l.sku, name: l.name, bin: l.bin, quantity: l.quantity, ready, packed: done, left: Math.max(0, ready - done) };
  });
}

export type ScanOutcome = { ok: true; allocationId: string; sku: string } | { ok: false; message: string };

/** Which line a scanned code (SKU or barcode) adds one unit to, given the current draft. */
export function lineForScan(code: string, lines: readonly PackLine[], draft: Readonly<Record<string, number>>, products: ReadonlyMap<string, Product>): ScanOutcome {
  const wanted = code.trim().toUpperCase();
  const matches = lines.filter((l) => l.sku.toUpperCase() === wanted || products.get(l.sku)?.barcode?.toUpperCase() === wanted);
  if (matches.length === 0) return { ok: false, message: `${code} is not on this order. Put it aside.` };
  const line = matches.find((l) => (draft[l.allocation_id] ?? 0) < l.left);
  const sku = matches[0]?.sku ?? code;
  if (!line) return { ok: false, message: `Every ready unit of ${sku} is already packed or in this package.` };
  return { ok: true, allocationId: line.allocation_id, sku: line.sku };
}

/** Products × quantities + the box's tare; null while a product has no catalog weight. */
export function computedWeight(lines: readonly PackLine[], draft: Readonly<Record<string, number>>, products: ReadonlyMap<string, Product>, box: Box | undefined): number | null {
  let total = box?.tare_weight_g ?? 0;
  for (const line of lines) {
    const units = draft[line.allocation_id] ?? 0;
    if (units === 0) continue;
    const weight = products.get(line.sku)?.weight_g;
    if (weight === null || weight === undefined) return null;
    total += weight * units;
  }
  return total;
}

/** The draft as the API's package items. */
export function draftItems(draft: Readonly<Record<string, number>>): { allocation_id: string; quantity: number }[] {
  return Object.entries(draft).filter(([, q]) => q > 0).map(([allocation_id, quantity]) => ({ allocation_id, quantity }));
}
