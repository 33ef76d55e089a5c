// What a mail needs to know about its order, read through the orders module.
import type { Kdb } from '../../platform/db/index.ts';
import { Problem } from '../../platform/http/index.ts';
import type { Principal } from '../access/index.ts';
import { loadOrderView, type OrderView } from '../orders/index.ts';
import { getShipment } from '../shipping/index.ts';
import type { MailOrder } from './templates/index.ts';

/** The relay reads orders as the system, not as any key. */
function systemPrincipal(tenantId: string): Principal {
  return { tenantId, keyId: 'system', role: 'admin', channelId: null, actor: 'system:notifications' };
}

/** The order, or null if it does not exist (an event about a missing order is skipped, not retried). */
export async function findOrderView(trx: Kdb, tenantId: string, orderId: string): Promise<OrderView | null> {
  try {
    return await loadOrderView(trx, systemPrincipal(tenantId), orderId);
  } catch (error) {
    if (error instanceof Problem && error.code === 'not_found') return null;
    throw error;
  }
}

export function toMailOrder(view: OrderView): MailOrder {
  return {
    number: view.number, customerName: view.customer?.name ?? null, currency: view.currency,
    lines: view.lines.map((l) => ({ name: l.name, sku: l.sku, quantity: l.quantity, total: l.total })),
    subtotal: view.subtotal, discountTotal: view.discount_total, shippingTotal: view.shipping_total, taxTotal: view.tax_total, total: view.total,
  };
}

/** The shipment's service name and items (named from the order's lines), or null if it is not found. */
export async function findShipmentFacts(trx: Kdb, tenantId: string, shipmentId: string | null, order: OrderView): Promise<{ via: string | null; items: { name: string; quantity: number }[] } | null> {
  if (!shipmentId) return null;
  try {
    const shipment = await getShipment(trx, tenantId, shipmentId);
    const names = new Map(order.lines.map((l) => [l.id, l.name]));
    return {
      via: shipment.service_name ?? shipment.service,
      items: shipment.items.map((i) => ({ name: names.get(i.order_line_id) ?? i.sku, quantity: i.quantity })),
    };
  } catch (error) {
    if (error instanceof Problem && error.code === 'not_found') return null;
    throw error;
  }
}
