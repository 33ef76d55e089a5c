// Demand pattern classification of Syntetos, Boylan & Croston (2005): the average inter-demand
// interval (ADI) and the squared coefficient of variation of the non-zero sizes (CV²) split
// series into smooth, erratic, intermittent and lumpy, with cut-offs 1.32 and 0.49.
import { mean, variance } from './stats.ts';

/** The four demand patterns of the ADI/CV² scheme. */
export type DemandPattern = 'smooth' | 'erratic' | 'intermittent' | 'lumpy';

/** ADI, CV² and the resulting pattern of a series. */
export interface DemandProfile {
  adi: number;
  cv2: number;
  pattern: DemandPattern;
  nonZero: number;
}

/** Cut-off on the average inter-demand interval. */
export const ADI_CUTOFF = 1.32;
/** Cut-off on the squared coefficient of variation of demand sizes. */
export const CV2_CUTOFF = 0.49;

/** Classifies a demand series by ADI and CV² (a series without demand counts as lumpy). */
export function classifyDemand(y: readonly number[]): DemandProfile {
  const sizes = y.filter((v) => v > 0);
  if (sizes.length === 0) return { adi: Infinity, cv2: 0, pattern: 'lumpy', nonZero: 0 };
  const adi = y.length / sizes.length;
  const m = mean(sizes);
  const cv2 = sizes.length > 1 && m > 0 ? variance(sizes) / (m * m) : 0;
  const intermittent = adi >= ADI_CUTOFF;
  const erratic = cv2 >= CV2_CUTOFF;
  const pattern: DemandPattern = intermittent ? (erratic ? 'lumpy' : 'intermittent') : erratic ? 'erratic' : 'smooth';
  return { adi, cv2, pattern, nonZero: sizes.length };
}
