// Small statistics for the report: percentiles of latencies and medians of runs.

/** The p-th percentile (0..100) of the values, nearest-rank; NaN when empty. */
export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Median of a few run results (the middle one; the mean of the two middles when even). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Collects latencies without reallocating on every sample. */
export class LatencyRecorder {
  #values = new Float64Array(1 << 16);
  #count = 0;

  add(ms: number): void {
    if (this.#count === this.#values.length) {
      const bigger = new Float64Array(this.#values.length * 2);
      bigger.set(this.#values);
      this.#values = bigger;
    }
    this.#values[this.#count++] = ms;
  }

  get count(): number { return this.#count; }

  /** p50 and p99 in milliseconds. */
  summary(): { p50: number; p99: number } {
    const sorted = this.#values.slice(0, this.#count).sort();
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  }
}
