// Facts the order detail derives from the order view, in one place so the actions, the
// sections and the forms agree. The server decides every action again; these only choose
// what to offer and explain it.
import type { Hold, Order, OrderLine } from '../../api/types.ts';

/** Units of the line that will still be delivered (quantity less canceled). */
export function activeUnits(line: OrderLine): number {
  return line.quantity - (line.canceled ?? 0);
}

/** Units of the line that have shipped. */
export function shippedUnits(line: OrderLine): number {
  return line.allocations.filter((a) => a.status === 'fulfilled').reduce((n, a) => n + a.quantity, 0);
}

/** Per line: what a cancel now would cancel (the units not shipped), when anything is left. */
export function unshippedUnits(order: Order): { line: OrderLine; units: number }[] {
  return order.lines.map((line) => ({ line, units: activeUnits(line) - shippedUnits(line) })).filter((x) => x.units > 0);
}

export function anyShipped(order: Order): boolean {
  return order.lines.some((line) => shippedUnits(line) > 0);
}

export function activeHolds(order: Order): Hold[] {
  return (order.holds ?? []).filter((h) => h.active);
}

/** Captured and not yet refunded, over all payments: the most a refund may be. */
export function refundableAmount(order: Order): number {
  return (order.payments ?? []).reduce((n, p) => n + Math.max(0, p.captured - p.refunded), 0);
}

/** Delivered units per line (delivered shipments and counter pickups). */
export function deliveredByLine(order: Order): Map<string, number> {
  const delivered = new Map<string, number>();
  for (const shipment of order.shipments ?? []) {
    if (shipment.status !== 'delivered' && shipment.status !== 'picked_up') continue;
    for (const item of shipment.items) delivered.set(item.order_line_id, (delivered.get(item.order_line_id) ?? 0) + item.quantity);
  }
  return delivered;
}

/**
 * Per line: delivered units less those other returns still claim (all asked-for units
 * while open, the units that came back once received or closed, none once rejected).
 */
export function returnableByLine(order: Order): Map<string, number> {
  const returnable = deliveredByLine(order);
  for (const ret of order.returns ?? []) {
    if (ret.status === 'rejected') continue;
    for (const item of ret.items) {
      const held = ret.status === 'received' || ret.status === 'closed' ? item.received_quantity : item.quantity;
      returnable.set(item.line_id, (returnable.get(item.line_id) ?? 0) - held);
    }
  }
  return returnable;
}

export function canEdit(order: Order): boolean {
  return (order.status === 'open' || order.status === 'on_hold') && order.lines.some((l) => activeUnits(l) > shippedUnits(l));
}

export function canReturn(order: Order): boolean {
  return [...returnableByLine(order).values()].some((n) => n > 0);
}
