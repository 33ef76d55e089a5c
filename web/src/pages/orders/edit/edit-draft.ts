// The order editor's draft (what the inputs hold, as typed) and the edit changes it
// stands for. Kept apart from the components so the rules are in one small place: a
// quantity is a whole number of at least 1 (remove the line to drop it), money is typed
// as decimals and read exactly, unchanged things send no change.
import type { Address, EditChange, Order } from '../../../api/types.ts';
import { minorToInput, parseMoneyInput } from '../../../ui/money-input.ts';
import { activeUnits } from '../order-facts.ts';

export interface AddedLine { key: string; sku: string; quantity: string }
export interface AddressDraft { name: string; line1: string; line2: string; city: string; region: string; postal_code: string; country: string }

export interface Draft {
  /** Per existing line id, the quantity as typed. */
  quantities: Record<string, string>;
  removed: string[];
  added: AddedLine[];
  /** null: the address stays as it is. */
  address: AddressDraft | null;
  /** null: the shipping method and price stay. */
  shipping: { method: string; amount: string } | null;
}

export interface FieldProblem { field: string; message: string }

/** Lines an edit may still touch: not removed before, with units left. */
export function editableLines(order: Order) {
  return order.lines.filter((line) => activeUnits(line) > 0);
}

export function initialDraft(order: Order): Draft {
  return {
    quantities: Object.fromEntries(editableLines(order).map((line) => [line.id, String(activeUnits(line))])),
    removed: [], added: [], address: null, shipping: null,
  };
}

export function addressDraft(address: Address | null): AddressDraft {
  return {
    name: address?.name ?? '', line1: address?.line1 ?? '', line2: address?.line2 ?? '', city: address?.city ?? '',
    region: address?.region ?? '', postal_code: address?.postal_code ?? '', country: address?.country ?? '',
  };
}

export function shippingDraft(order: Order): { method: string; amount: string } {
  return { method: order.shipping?.method ?? '', amount: minorToInput(order.shipping_total, order.currency) };
}

function wholeQuantity(text: string): number | null {
  return /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 1_000_000 ? Number(text) : null;
}

function toAddress(draft: AddressDraft): Address {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const address: Address = { line1: draft.line1.trim(), city: draft.city.trim(), postal_code: draft.postal_code.trim(), country: draft.country.trim().toUpperCase() };
  const extra = { name: optional(draft.name), line2: optional(draft.line2), region: optional(draft.region) };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) (address as unknown as Record<string, string>)[key] = value;
  return address;
}

/** The changes the draft stands for, or the fields to fix first. */
export function draftChanges(order: Order, draft: Draft): { changes: EditChange[]; problems: FieldProblem[] } {
  const changes: EditChange[] = [];
  const problems: FieldProblem[] = [];
  for (const line of editableLines(order)) {
    if (draft.removed.includes(line.id)) { changes.push({ op: 'remove_line', line_id: line.id }); continue; }
    const quantity = wholeQuantity(draft.quantities[line.id] ?? '');
    if (quantity === null) problems.push({ field: `qty-${line.id}`, message: `Quantity of ${line.sku}: a whole number of at least 1 (remove the line to drop it).` });
    else if (quantity !== activeUnits(line)) changes.push({ op: 'set_quantity', line_id: line.id, quantity });
  }
  for (const added of draft.added) {
    const quantity = wholeQuantity(added.quantity);
    if (!added.sku.trim()) problems.push({ field: `add-sku-${added.key}`, message: 'A new line needs a SKU.' });
    else if (quantity === null) problems.push({ field: `add-qty-${added.key}`, message: `Quantity of ${added.sku}: a whole number of at least 1.` });
    else changes.push({ op: 'add_line', sku: added.sku.trim(), quantity });
  }
  if (draft.address) {
    const address = toAddress(draft.address);
    const missing = (['line1', 'city', 'postal_code', 'country'] as const).filter((key) => !address[key]);
    if (missing.length > 0) problems.push({ field: `address-${missing[0]}`, message: 'The new address needs street, city, postal code and country.' });
    else changes.push({ op: 'set_shipping_address', address });
  }
  if (draft.shipping) {
    const amount = parseMoneyInput(draft.shipping.amount, order.currency);
    if (!draft.shipping.method.trim()) problems.push({ field: 'shipping-method', message: 'Name the shipping method.' });
    else if (!amount.ok) problems.push({ field: 'shipping-amount', message: `Shipping price: ${amount.message}` });
    else changes.push({ op: 'set_shipping', method: draft.shipping.method.trim(), amount: amount.minor });
  }
  return { changes, problems };
}
