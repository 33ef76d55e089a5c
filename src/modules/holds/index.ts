// The holds module's public surface: typed holds on orders and the per-tenant rules that place them.
export { holdRoutes } from './holds.routes.ts';
export { placeHolds, releaseHolds, endHoldsOnCancel, HOLD_TYPES, type HoldInput, type ReleaseSelector } from './holds.service.ts';
export { applyHoldRules, createHoldRule, type NewOrderFacts, type RuleInput } from './hold-rules.service.ts';
export { expireHolds } from './hold-expiry.ts';
export { holdsOf, type HoldRow } from './holds.repository.ts';
export { toHoldView, type HoldView } from './hold.view.ts';
