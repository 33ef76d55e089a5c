// Seeded randomness for the demo shop: the same seed always gives the same shop, so
// screenshots, docs and tests see the same data.

export type Random = () => number;

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of the items, uniformly. */
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** One of the keys, with probability proportional to its weight. */
export function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r <= 0) return value;
  }
  return (choices[choices.length - 1] as readonly [T, number])[0];
}

/** A whole number from min to max, both included. */
export const between = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
