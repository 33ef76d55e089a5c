export { inventoryRoutes } from './inventory.routes.ts';
export { adjustInventory, availability, listLevels, listMovements, ADJUSTMENT_REASONS, type AdjustmentReason, type LevelView } from './inventory.service.ts';
export { lockLevels, lockLevelsQuery, type LevelRow } from './inventory.repository.ts';
export { prepareReservation, reserveForOrder, releaseOrderReservations, stockChangedProblem, type AllocationInput, type AllocationRecord, type FulfillmentTarget, type PreparedReservation } from './reservations.ts';
export type { StatementParts } from './inventory.repository.ts';
export { verifyInventory, type Drift } from './verify.ts';
