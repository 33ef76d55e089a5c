export {
  FULFILLMENT_ORDER_STATUSES, FULFILLMENT_ORDER_TRANSITIONS, UNSHIPPED_STATUSES, assertFulfillmentTransition, statusesLeadingTo,
  type FulfillmentOrderStatus,
} from './fulfillment-order.states.ts';
export { getFulfillmentOrder, transitionFulfillmentOrder, type TransitionResult } from './fulfillment-orders.service.ts';
export { toFulfillmentOrderView, type FulfillmentOrder, type FulfillmentLine, type FulfillmentOrderView } from './fulfillment-order.view.ts';
export { rerouteUnits, type RerouteItem, type RerouteOutcome } from './reroute-units.ts';
export { fulfillmentRoutes } from './fulfillment.routes.ts';
export { fulfillmentOrdersOf } from './fulfillment-orders.queries.ts';
export { allocateBackorders, type BackorderAllocation } from './backorders.ts';
export { cancelUnshippedFulfillment, type UnshippedCancellation } from './cancel-unshipped.ts';
