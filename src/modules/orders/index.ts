export { orderRoutes } from './orders.routes.ts';
export { createOrder, type IntakeOptions } from './intake.service.ts';
export { applyOrderAction } from './lifecycle.service.ts';
export { listOrders, loadOrderView, orderTimeline } from './orders.queries.ts';
export { ORDER_STATUSES, ORDER_TRANSITIONS, ORDER_ACTIONS, type OrderStatus, type OrderAction } from './order.states.ts';
export { OrderInput, LINES_PER_ORDER_MAX, LINE_QUANTITY_MAX } from './order.schemas.ts';
export { computeTotals, ORDER_AMOUNT_MAX } from './order.totals.ts';
export type { OrderView, OrderLineView } from './order.view.ts';
