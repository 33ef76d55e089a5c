// Purchasing: suppliers, purchase orders and their receipts into stock.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { purchaseOrderRoutes } from './purchase-orders.routes.ts';
import { supplierRoutes } from './suppliers.routes.ts';

/** Every purchasing route: suppliers and purchase orders. */
export const purchasingRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, options) => {
  await supplierRoutes(app, options);
  await purchaseOrderRoutes(app, options);
};

export { createPurchaseOrder, getPurchaseOrder, listPurchaseOrders, submitPurchaseOrder, cancelPurchaseOrder, LINE_TOTAL_MAX, type Actor, type NewPurchaseOrderInput } from './purchase-orders.service.ts';
export { receivePurchaseOrder, receiptNote } from './receiving.service.ts';
export { listIncoming, type IncomingRow } from './incoming.repository.ts';
export { createSupplier, findSupplierByCode, getSupplierByCode, listSuppliers, updateSupplier, toSupplierView, type SupplierRow, type SupplierView } from './suppliers.service.ts';
export { PURCHASE_ORDER_STATUSES, PURCHASE_ORDER_TRANSITIONS, OPEN_STATUSES } from './purchase-order.states.ts';
export { DateOnly, PurchaseQuantity, PURCHASE_ORDER_LINES_MAX, LEAD_TIME_DAYS_MAX } from './purchasing.schemas.ts';
export type { PurchaseOrderView, PurchaseOrderLineView } from './purchase-order.view.ts';
