// Applying an edit's changes to an order, on paper: the lines after the edit, the new
// totals and how many units each line gains or loses. Pure (no SQL, no clock), so the
// preview and the confirmation compute exactly the same thing, and tests can run it on
// thousands of random edits.
import { Problem, type ProblemFieldError } from '../../../platform/http/index.ts';
import type { Address } from '../../../platform/db/index.ts';
import { computeTotals } from '../order.totals.ts';
import type { EditChange } from './edit.schemas.ts';

/** A line as it is before the edit. */
export interface CurrentLine {
  id: string; position: number; productId: string; sku: string; name: string;
  quantity: number; canceled: number; unitPrice: number; backordered: number;
  /** Units picked or shipped: the line may not go below them. */
  lockedUnits: number;
}

/** What an add_line change resolved to (product and price), by change index. */
export interface ResolvedProduct { productId: string; sku: string; name: string; unitPrice: number }

export interface OrderMoney { subtotal: number; discountTotal: number; shippingTotal: number; taxTotal: number; total: number }

export interface EditableOrder extends OrderMoney {
  shippingMethod: string | null;
  shippingAddress: Address | null;
  /** True once any unit of the order has shipped: the address and method are settled then. */
  anyShipped: boolean;
}

/** A line after the edit. `delta` is the change of its active quantity (quantity - canceled). */
export interface PlannedLine {
  id: string; position: number; productId: string; sku: string; name: string;
  quantity: number; canceled: number; unitPrice: number; discountAllocated: number; total: number;
  isNew: boolean; delta: number;
  /** The last change that touched the line: refusals about the line name it. */
  changeIndex: number | null;
}

export interface TotalsView { subtotal: number; discount_total: number; shipping_total: number; tax_total: number; total: number }

export interface EditPlan {
  lines: PlannedLine[];
  current: TotalsView;
  proposed: TotalsView;
  shipping: { method: string | null; amount: number };
  shippingAddress: Address | null;
  /** proposed.total - current.total, in minor units. */
  paymentDifference: number;
}

const active = (line: { quantity: number; canceled: number }) => line.quantity - line.canceled;

function refuse(errors: ProblemFieldError[]): never {
  throw new Problem('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), { errors });
}

function notEditable(path: string, message: string): never {
  throw new Problem('order_not_editable', `${path} ${message}`, { errors: [{ path, message }] });
}

interface WorkingLine extends CurrentLine { isNew: boolean; changeIndex: number | null; originalActive: number }

function findLine(lines: readonly WorkingLine[], change: { line_id: string }, i: number): WorkingLine {
  const line = lines.find((l) => l.id === change.line_id && !l.isNew);
  if (!line) refuse([{ path: `changes[${i}].line_id`, message: `no line ${change.line_id} on this order` }]);
  if (active(line) === 0) refuse([{ path: `changes[${i}].line_id`, message: `line ${change.line_id} is removed` }]);
  return line;
}

/** Applies one change to the working copy. */
function applyChange(state: { lines: WorkingLine[]; order: EditableOrder; shipping: { method: string | null; amount: number }; address: Address | null },
  change: EditChange, i: number, added: ReadonlyMap<number, ResolvedProduct>, lineId: () => string): void {
  switch (change.op) {
    case 'set_quantity': {
      const line = findLine(state.lines, change, i);
      if (change.quantity < line.lockedUnits) {
        notEditable(`changes[${i}].quantity`, `line ${line.id} has ${line.lockedUnits} units picked or shipped; it cannot go below them`);
      }
      line.quantity = line.canceled + change.quantity;
      line.changeIndex = i;
      return;
    }
    case 'remove_line': {
      const line = findLine(state.lines, change, i);
      if (line.lockedUnits > 0) notEditable(`changes[${i}].line_id`, `line ${line.id} has ${line.lockedUnits} units picked or shipped; it cannot be removed`);
      line.canceled = line.quantity;
      line.changeIndex = i;
      return;
    }
    case 'add_line': {
      const product = added.get(i);
      if (!product) throw new Error(`add_line change ${i} was not resolved to a product`);
      const position = state.lines.reduce((max, l) => Math.max(max, l.position), -1) + 1;
      state.lines.push({
        id: lineId(), position, productId: product.productId, sku: product.sku, name: product.name,
        quantity: change.quantity, canceled: 0, unitPrice: product.unitPrice, backordered: 0, lockedUnits: 0,
        isNew: true, changeIndex: i, originalActive: 0,
      });
      return;
    }
    case 'set_shipping_address':
      if (state.order.anyShipped) notEditable(`changes[${i}]`, 'part of the order has shipped; its address can no longer change');
      state.address = change.address;
      return;
    case 'set_shipping':
      if (state.order.anyShipped) notEditable(`changes[${i}]`, 'part of the order has shipped; its shipping can no longer change');
      state.shipping = { method: change.method, amount: change.amount };
      return;
  }
}

/**
 * Applies the changes in order and prices the result: the order discount stays and is
 * shared out again over the new line totals (largest remainder), shipping follows a
 * set_shipping change, tax stays. Throws validation_failed, order_not_editable or
 * amount_out_of_range (from computeTotals) for an edit that cannot be made.
 */
export function planEdit(
  order: EditableOrder, current: readonly CurrentLine[], changes: readonly EditChange[],
  added: ReadonlyMap<number, ResolvedProduct>, lineId: () => string,
): EditPlan {
  const state = {
    lines: current.map((l): WorkingLine => ({ ...l, isNew: false, changeIndex: null, originalActive: active(l) })),
    order,
    shipping: { method: order.shippingMethod, amount: order.shippingTotal },
    address: order.shippingAddress,
  };
  changes.forEach((change, i) => applyChange(state, change, i, added, lineId));
  if (state.lines.every((l) => active(l) === 0)) {
    refuse([{ path: 'changes', message: 'an edit cannot remove every line; cancel the order instead' }]);
  }
  const totals = computeTotals(
    state.lines.map((l) => ({ quantity: active(l), unitPrice: l.unitPrice })),
    { discount: order.discountTotal, shipping: state.shipping.amount, tax: order.taxTotal },
  );
  const lines = state.lines.map((l, i): PlannedLine => ({
    id: l.id, position: l.position, productId: l.productId, sku: l.sku, name: l.name,
    quantity: l.quantity, canceled: l.canceled, unitPrice: l.unitPrice,
    discountAllocated: totals.lineDiscounts[i] as number, total: totals.lineTotals[i] as number,
    isNew: l.isNew, delta: active(l) - l.originalActive, changeIndex: l.changeIndex,
  }));
  const proposed = {
    subtotal: totals.subtotal, discount_total: totals.discountTotal, shipping_total: totals.shippingTotal,
    tax_total: totals.taxTotal, total: totals.total,
  };
  return {
    lines, proposed, shipping: state.shipping, shippingAddress: state.address,
    current: currentTotals(order),
    paymentDifference: proposed.total - order.total,
  };
}

/** The order's totals before the edit, as stored. */
function currentTotals(order: OrderMoney): TotalsView {
  return { subtotal: order.subtotal, discount_total: order.discountTotal, shipping_total: order.shippingTotal, tax_total: order.taxTotal, total: order.total };
}
