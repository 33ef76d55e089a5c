// Bins: where units sit inside a location, written aisle-rack-shelf (`A-03-2`). The format
// is checked loosely (warehouses name bins their own way); pick lists sort bins in the
// order a picker walks them, with numbers compared as numbers (A-2 before A-10).
import { BIN_PATTERN } from '../inventory/index.ts';

const BIN_REGEX = new RegExp(BIN_PATTERN);

export function isValidBin(bin: string): boolean {
  return BIN_REGEX.test(bin);
}

/** Splits `A-10-2` into ['a', '-', 10, '-', 2]: runs of digits become numbers. */
function chunks(bin: string): (string | number)[] {
  return (bin.toLowerCase().match(/\d+|\D+/g) ?? []).map((part) => (/^\d/.test(part) ? Number(part) : part));
}

/**
 * Natural order of bins: chunk by chunk, numbers numerically, text alphabetically
 * (case-insensitive), a number before text; no bin sorts last.
 */
export function compareBins(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const left = chunks(a);
  const right = chunks(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] as string | number;
    const y = right[i] as string | number;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  if (left.length !== right.length) return left.length - right.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
