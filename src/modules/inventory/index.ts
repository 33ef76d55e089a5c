export { inventoryRoutes } from './inventory.routes.ts';
export { adjustInventory, availability, listLevels, listMovements, ADJUSTMENT_REASONS, type AdjustmentReason, type LevelView } from './inventory.service.ts';
export { lockLevels, type LevelRow } from './inventory.repository.ts';
export { reserveForOrder, releaseOrderReservations, type AllocationInput, type AllocationRecord } from './reservations.ts';
export { verifyInventory, type Drift } from './verify.ts';
