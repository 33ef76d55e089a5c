// Which box to pack in, as a pure function: the smallest active box (by inside volume)
// that holds the items' volume at a realistic fill, takes their longest edge, and carries
// their weight. Without product dimensions it can only judge by weight, and says so.

/** Items rarely fill a box: padding, odd shapes. Their volume may use this share of it. */
export const FILL_FACTOR = 0.8;

export interface SuggestItem {
  sku: string; quantity: number; weight_g: number | null;
  length_mm: number | null; width_mm: number | null; height_mm: number | null;
}

export interface SuggestBox {
  code: string; name: string; length_mm: number; width_mm: number; height_mm: number; max_weight_g: number; tare_weight_g: number;
}

export interface BoxSuggestion {
  box: SuggestBox | null;
  basis: 'dimensions_and_weight' | 'weight_only';
  missing_dimensions: string[];
  missing_weights: string[];
  items: { units: number; weight_g: number; volume_mm3: number | null; longest_edge_mm: number | null };
  reason: string;
}

type Edges = { length_mm: number | null; width_mm: number | null; height_mm: number | null };
const volumeOf = (b: SuggestBox) => b.length_mm * b.width_mm * b.height_mm;
const sortedEdges = (e: Edges) => [e.length_mm ?? 0, e.width_mm ?? 0, e.height_mm ?? 0].sort((x, y) => y - x);

/**
 * Each item must go through the box in some orientation: its edges, longest first, each
 * within the box's (so its longest edge is within the box's longest edge, and a 200 mm
 * wide shirt does not go into a 100 mm tube).
 */
export function edgesFit(item: Edges, box: SuggestBox): boolean {
  const inside = sortedEdges(box);
  return sortedEdges(item).every((edge, i) => edge <= (inside[i] ?? 0));
}

/** Picks the smallest box that fits; `box` is null (with the reason) when none does. */
export function suggestBox(items: readonly SuggestItem[], boxes: readonly SuggestBox[]): BoxSuggestion {
  const missingDimensions = [...new Set(items.filter((i) => i.length_mm === null || i.width_mm === null || i.height_mm === null).map((i) => i.sku))];
  const missingWeights = [...new Set(items.filter((i) => i.weight_g === null).map((i) => i.sku))];
  const weight = items.reduce((n, i) => n + (i.weight_g ?? 0) * i.quantity, 0);
  const byDimensions = missingDimensions.length === 0;
  const volume = byDimensions ? items.reduce((n, i) => n + (i.length_mm ?? 0) * (i.width_mm ?? 0) * (i.height_mm ?? 0) * i.quantity, 0) : null;
  const longest = byDimensions ? Math.max(0, ...items.map((i) => Math.max(i.length_mm ?? 0, i.width_mm ?? 0, i.height_mm ?? 0))) : null;
  const fits = (b: SuggestBox) => weight + b.tare_weight_g <= b.max_weight_g
    && (!byDimensions || ((volume ?? 0) <= volumeOf(b) * FILL_FACTOR && items.every((i) => edgesFit(i, b))));
  const ordered = [...boxes].sort((a, b) => volumeOf(a) - volumeOf(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const box = ordered.find(fits) ?? null;
  const units = items.reduce((n, i) => n + i.quantity, 0);
  const caveats = [
    ...(byDimensions ? [] : [`no dimensions for ${missingDimensions.join(', ')}: chosen by weight only`]),
    ...(missingWeights.length > 0 ? [`no weight for ${missingWeights.join(', ')}: counted as 0 g`] : []),
  ];
  const verdict = box
    ? `${box.code} is the smallest box that holds ${units} unit(s) of ${weight} g${byDimensions ? ` and ${volume} mm3 at ${FILL_FACTOR * 100}% fill` : ''}`
    : boxes.length === 0 ? 'no active boxes are set up' : 'no active box holds these items';
  return {
    box, basis: byDimensions ? 'dimensions_and_weight' : 'weight_only', missing_dimensions: missingDimensions, missing_weights: missingWeights,
    items: { units, weight_g: weight, volume_mm3: volume, longest_edge_mm: longest },
    reason: [verdict, ...caveats].join('; '),
  };
}
