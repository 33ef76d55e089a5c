// Returns (RMA): the return policy, returns with their receipt into stock and their
// refund, exchanges, and the customer's public return routes.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { returnRoutes as staffRoutes } from './returns.routes.ts';
import { publicReturnRoutes } from './public-returns.routes.ts';

/** Every returns route: staff and public. */
export const returnRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, options) => {
  await staffRoutes(app, options);
  await publicReturnRoutes(app, options);
};

export { getReturnPolicy, putReturnPolicy, DEFAULT_RETURN_POLICY, type ReturnPolicy } from './return-policy.ts';
export { getReturn, listReturns, returnsOfOrder, requestReturn, approveReturn, rejectReturn, returnOrderOr404, type NewReturnInput } from './returns.service.ts';
export { receiveReturn } from './return-receipt.service.ts';
export { closeReturn } from './return-close.service.ts';
export { RETURN_STATUSES, RETURN_TRANSITIONS, type ReturnStatus } from './return.states.ts';
export { computeRefund, type RefundBreakdown } from './return-refund.ts';
export type { ReturnView, OrderReturnView, RefundView as ReturnRefundView } from './return.view.ts';
