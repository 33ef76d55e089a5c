// The order pages' addresses, in one place so links and routes agree.
import type { Order } from '../../api/types.ts';

export const ORDER_PATHS = {
  detail: '/orders/:order',
  edit: '/orders/:order/edit',
  newReturn: '/orders/:order/returns/new',
} as const;

export const orderHref = (order: Pick<Order, 'number'> | string) => `/orders/${encodeURIComponent(typeof order === 'string' ? order : order.number)}`;
export const editHref = (order: Pick<Order, 'number'>) => `${orderHref(order)}/edit`;
export const newReturnHref = (order: Pick<Order, 'number'>) => `${orderHref(order)}/returns/new`;
