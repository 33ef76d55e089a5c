// What a mail needs to know about its order and shipment, read through the orders and
// shipping modules. Deliberately not the full order view: the relay renders mails inside
// its transaction, and the full view (payments, returns, holds …) costs several times more.
// For a batch of events, order-facts-batch.ts reads the same facts of many orders at once.
import type { Kdb } from '../../platform/db/index.ts';
import { Problem } from '../../platform/http/index.ts';
import type { Principal } from '../access/index.ts';
import { getOrderRecordFor, loadLines } from '../orders/index.ts';
import { getShipment } from '../shipping/index.ts';
import type { MailOrder } from './templates/index.ts';

/** What mails use of an order line. */
export interface FactsLine { id: string; sku: string; name: string; quantity: number; total: number }

export interface OrderFacts {
  id: string;
  number: string;
  email: string | null;
  createdAt: Date;
  /** The pickup location's code, for pickup orders. */
  pickupLocation: string | null;
  lines: FactsLine[];
  mail: MailOrder;
}

/** The order columns the facts are made of (as orders' record query names them). */
export interface FactsOrderRow {
  id: string; number: number; email: string | null; created_at: Date | string; delivery_type: string; pickup_location_code: string | null;
  customer_name: string | null; currency: string; subtotal: number; discount_total: number; shipping_total: number; tax_total: number; total: number;
}

/** The facts of an order row and its lines (in line order); one shape for both ways of reading them. */
export function toOrderFacts(order: FactsOrderRow, lines: FactsLine[]): OrderFacts {
  return {
    id: order.id, number: String(order.number), email: order.email, createdAt: new Date(order.created_at),
    pickupLocation: order.delivery_type === 'pickup' ? order.pickup_location_code : null,
    lines,
    mail: {
      number: String(order.number), customerName: order.customer_name, currency: order.currency,
      lines: lines.map((l) => ({ name: l.name, sku: l.sku, quantity: l.quantity, total: l.total })),
      subtotal: order.subtotal, discountTotal: order.discount_total, shippingTotal: order.shipping_total, taxTotal: order.tax_total, total: order.total,
    },
  };
}

/** The relay reads orders as the system, not as any key. */
function systemPrincipal(tenantId: string): Principal {
  return { tenantId, keyId: 'system', role: 'admin', channelId: null, actor: 'system:notifications' };
}

/** Null for a missing record: an event about something that does not exist is skipped, not retried. */
async function orNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof Problem && error.code === 'not_found') return null;
    throw error;
  }
}

/** The order's facts, or null if there is no such order. */
export async function findOrderFacts(trx: Kdb, tenantId: string, orderId: string): Promise<OrderFacts | null> {
  const order = await orNull(getOrderRecordFor(trx, systemPrincipal(tenantId), orderId));
  if (!order) return null;
  const lines = (await loadLines(trx, tenantId, [order.id])).get(order.id) ?? [];
  return toOrderFacts(order, lines.map((l) => ({ id: l.id, sku: l.sku, name: l.name, quantity: l.quantity, total: l.total })));
}

/** The shipment's service name and items (named from the order's lines), or null if it is not found. */
export async function findShipmentFacts(trx: Kdb, tenantId: string, shipmentId: string | null, order: OrderFacts): Promise<{ via: string | null; items: { name: string; quantity: number }[] } | null> {
  if (!shipmentId) return null;
  const shipment = await orNull(getShipment(trx, tenantId, shipmentId));
  if (!shipment) return null;
  const names = new Map(order.lines.map((l) => [l.id, l.name]));
  return {
    via: shipment.service_name ?? shipment.service,
    items: shipment.items.map((i) => ({ name: names.get(i.order_line_id) ?? i.sku, quantity: i.quantity })),
  };
}
