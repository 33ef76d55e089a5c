export {
  planRouting, type Candidate, type Demand, type StockSnapshot, type PlannedAllocation, type RoutingPlan, type RoutingRequest,
  type RoutingDelivery, type RoutingExplanation, type Verdict,
} from './plan.ts';
export { distanceKm, type Point } from './distance.ts';
export { DEFAULT_ROUTING_RULES, MAX_SPLITS_LIMIT, rulesFromRow, postalCodeKeys, type RoutingRules, type RoutingSettingsRow } from './rules.ts';
export { loadRoutingContext, findRoutingSettings, upsertRoutingSettings, type RoutingContext } from './routing.repository.ts';
export { routingRoutes } from './routing.routes.ts';
export { shareOut, type LineDemand, type LineAllocation, type SharedOut } from './share-out.ts';
