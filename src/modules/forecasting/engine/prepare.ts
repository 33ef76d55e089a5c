// Turning a raw demand series (with gaps) into the clean numeric array the methods expect.
// Leading gaps are trimmed because a product that did not exist yet has no demand history;
// interior gaps are interpolated linearly because a missing month rarely means zero demand;
// trailing gaps are carried forward so that the forecast origin stays aligned with the calendar.
import type { RawSeries } from './types.ts';

/** Result of cleaning a raw series, with counts of what was done to it. */
export interface PreparedSeries {
  values: number[];
  trimmedLeading: number;
  interpolated: number;
  carriedForward: number;
}

function isPresent(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Cleans a raw series: trims leading gaps, interpolates interior gaps, carries the last value forward. */
export function prepareSeries(raw: RawSeries): PreparedSeries {
  let first = 0;
  while (first < raw.length && !isPresent(raw[first])) first++;
  if (first === raw.length) return { values: [], trimmedLeading: raw.length, interpolated: 0, carriedForward: 0 };

  const values: number[] = [];
  let interpolated = 0;
  let carriedForward = 0;
  let lastIndex = first;
  let lastValue = raw[first] as number;
  values.push(lastValue);
  for (let i = first + 1; i < raw.length; i++) {
    const v = raw[i];
    if (!isPresent(v)) continue;
    // Fill the gap between the previous observation and this one on a straight line.
    const gap = i - lastIndex;
    for (let k = 1; k < gap; k++) {
      values.push(lastValue + ((v - lastValue) * k) / gap);
      interpolated++;
    }
    values.push(v);
    lastIndex = i;
    lastValue = v;
  }
  for (let i = lastIndex + 1; i < raw.length; i++) {
    values.push(lastValue);
    carriedForward++;
  }
  return { values, trimmedLeading: first, interpolated, carriedForward };
}

/** What kind of degenerate series this is, or `null` when ordinary methods can run. */
export type Degeneracy = 'empty' | 'zero' | 'constant' | 'short';

/** Detects series that need a fallback instead of a fitted model. */
export function degeneracy(y: readonly number[], minLength: number): Degeneracy | null {
  if (y.length === 0) return 'empty';
  let allZero = true;
  let constant = true;
  const first = y[0] ?? 0;
  for (const v of y) {
    if (v !== 0) allZero = false;
    if (Math.abs(v - first) > 1e-9 * Math.max(1, Math.abs(first))) constant = false;
  }
  if (allZero) return 'zero';
  if (constant) return 'constant';
  if (y.length < minLength) return 'short';
  return null;
}
