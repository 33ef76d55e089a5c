// A tenant's routing rules (routing_settings); a tenant without a row uses the defaults.
export interface RoutingRules {
  /** Rank locations by distance to the destination (when both positions are known). */
  useDistance: boolean;
  /** The most locations one order may be split across (1 = never split). */
  maxSplits: number;
  /** Orders whose total (minor units) is below this ship from one location only. */
  minSplitOrderValue: number;
}

export const DEFAULT_ROUTING_RULES: RoutingRules = { useDistance: true, maxSplits: 3, minSplitOrderValue: 0 };

export const MAX_SPLITS_LIMIT = 20;

export interface RoutingSettingsRow { use_distance: boolean; max_splits: number; min_split_order_value: number | string }

/** The rules from a settings row (bigint may arrive as text), or the defaults. */
export function rulesFromRow(row: RoutingSettingsRow | null | undefined): RoutingRules {
  if (!row) return DEFAULT_ROUTING_RULES;
  return { useDistance: row.use_distance, maxSplits: row.max_splits, minSplitOrderValue: Number(row.min_split_order_value) };
}

/** Keys to look a postal code up by, most precise first: the whole code, then its 5- and 3-character prefixes. */
export function postalCodeKeys(postalCode: string): string[] {
  const normalized = postalCode.toUpperCase().replace(/[\s-]/g, '');
  return [...new Set([normalized, normalized.slice(0, 5), normalized.slice(0, 3)])].filter((k) => k.length > 0);
}
