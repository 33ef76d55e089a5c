export { planRouting, type Candidate, type Demand, type StockSnapshot, type PlannedAllocation, type RoutingPlan } from './plan.ts';
export { distanceKm, type Point } from './distance.ts';
