// Everything an edit is planned from, read in the caller's transaction: the order (row
// locked for a confirmation), its lines and reservations, the added products and their
// prices, the candidate locations, the routing rules and the stock. The preview and the
// confirmation read the same way, so they plan the same edit.
import type { Kdb } from '../../../platform/db/index.ts';
import { Problem, type ProblemFieldError } from '../../../platform/http/index.ts';
import { availableFromLevels, lockLevels, readAvailableStock, type AvailableStock } from '../../inventory/index.ts';
import { postalCodeKeys, rulesFromRow, type Candidate, type RoutingDelivery, type RoutingRules } from '../../routing/index.ts';
import type { Principal } from '../../access/index.ts';
import { loadIntakeSnapshot, type IntakeProduct, type IntakeSnapshot } from '../intake.repository.ts';
import { listPrice } from '../order.pricing.ts';
import { getOrderRecordFor } from '../orders.queries.ts';
import type { OrderRecordRow } from '../orders.repository.ts';
import type { EditChange } from './edit.schemas.ts';
import type { CurrentLine, ResolvedProduct } from './edit.plan.ts';
import * as repo from './edit.repository.ts';

/** Order statuses an edit may change; canceled and completed orders are settled. */
const EDITABLE_STATUSES: readonly string[] = ['open', 'on_hold'];

export interface EditContext {
  record: OrderRecordRow;
  order: repo.EditOrderRow;
  lines: repo.EditLineRow[];
  allocations: repo.EditAllocationRow[];
  snapshot: IntakeSnapshot;
  productsById: Map<string, IntakeProduct>;
  added: Map<number, ResolvedProduct>;
}

function refuse(errors: ProblemFieldError[]): never {
  throw new Problem('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), { errors });
}

/** The last address the changes set, else the order's: routing measures from it. */
export function addressAfter(order: repo.EditOrderRow, changes: readonly EditChange[]) {
  let address = order.shipping_address;
  for (const change of changes) if (change.op === 'set_shipping_address') address = change.address;
  return address;
}

/** Resolves each add_line change to an active product and its price. */
function resolveAdded(changes: readonly EditChange[], snapshot: IntakeSnapshot, currency: string): Map<number, ResolvedProduct> {
  const bySku = new Map(snapshot.products.map((p) => [p.sku, p]));
  const errors: ProblemFieldError[] = [];
  const added = new Map<number, ResolvedProduct>();
  changes.forEach((change, i) => {
    if (change.op !== 'add_line') return;
    const product = bySku.get(change.sku);
    if (!product) return void errors.push({ path: `changes[${i}].sku`, message: `unknown SKU ${change.sku}` });
    if (!product.active) return void errors.push({ path: `changes[${i}].sku`, message: `SKU ${change.sku} is not for sale` });
    const unitPrice = change.unit_price ?? listPrice(snapshot.channelPrices, product, currency);
    if (unitPrice === undefined) return void errors.push({ path: `changes[${i}].unit_price`, message: `no ${currency} price for ${change.sku}; send unit_price` });
    added.set(i, { productId: product.id, sku: product.sku, name: product.name, unitPrice });
  });
  if (errors.length > 0) refuse(errors);
  return added;
}

/**
 * Reads the order for an edit. With `expectedVersion` (a confirmation) the order row is
 * locked first, so concurrent edits of one order queue, and a stale version is refused
 * before anything else is read.
 */
export async function loadEditContext(
  trx: Kdb, principal: Principal, idOrNumber: string, changes: readonly EditChange[], expectedVersion: number | null,
): Promise<EditContext> {
  const tenantId = principal.tenantId;
  const record = await getOrderRecordFor(trx, principal, idOrNumber);
  const order = await repo.readOrderForEdit(trx, tenantId, record.id, expectedVersion !== null);
  if (!order) throw new Error(`order ${record.id} vanished while being edited`);
  if (expectedVersion !== null && order.version !== expectedVersion) {
    throw new Problem('version_conflict', `The order is at version ${order.version}, not ${expectedVersion}; preview the edit again.`, {
      errors: [{ path: 'expected_version', message: `the order is at version ${order.version}` }], extra: { current_version: order.version },
    });
  }
  if (!EDITABLE_STATUSES.includes(order.status)) {
    throw new Problem('order_not_editable', `A ${order.status} order cannot be edited.`, { extra: { order_status: order.status } });
  }
  const lines = await repo.readLines(trx, tenantId, order.id);
  const allocations = await repo.readAllocations(trx, tenantId, order.id);
  const address = addressAfter(order, changes);
  const skus = new Set([...lines.map((l) => l.sku), ...changes.flatMap((c) => (c.op === 'add_line' ? [c.sku] : []))]);
  const snapshot = await loadIntakeSnapshot(trx, tenantId, {
    channel: record.channel_code, skus: [...skus], currency: order.currency, pickupLocation: record.pickup_location_code,
    postal: address && address.latitude === undefined ? { country: address.country, keys: postalCodeKeys(address.postal_code) } : null,
  });
  const added = resolveAdded(changes, snapshot, order.currency);
  return { record, order, lines, allocations, snapshot, productsById: new Map(snapshot.products.map((p) => [p.id, p])), added };
}

/** The lines as the pure planner sees them, with the units it may not take away. */
export function currentLines(context: EditContext): CurrentLine[] {
  const locked = new Map<string, number>();
  for (const a of context.allocations) {
    const units = a.status === 'fulfilled' ? a.quantity : a.picked;
    locked.set(a.order_line_id, (locked.get(a.order_line_id) ?? 0) + units);
  }
  return context.lines.map((l) => ({
    id: l.id, position: l.position, productId: l.product_id, sku: l.sku, name: l.name,
    quantity: l.quantity, canceled: l.canceled, unitPrice: l.unit_price, backordered: l.backordered, lockedUnits: locked.get(l.id) ?? 0,
  }));
}

/** Stock of the given products: locked rows for a confirmation, a plain read for a preview. */
export async function readStock(trx: Kdb, tenantId: string, productIds: readonly string[], lock: boolean): Promise<AvailableStock> {
  const ids = [...new Set(productIds)].sort();
  return lock ? availableFromLevels(await lockLevels(trx, tenantId, ids)) : readAvailableStock(trx, tenantId, ids);
}

/** Where routing may place added units, how it measures, and by which rules. */
export function routingFor(context: EditContext, changes: readonly EditChange[]): { candidates: Candidate[]; delivery: RoutingDelivery; rules: RoutingRules } {
  const { order, snapshot } = context;
  const candidates = snapshot.locations
    .filter((l) => l.active || l.id === order.pickup_location_id)
    .map((l) => ({ locationId: l.id, code: l.code, priority: l.priority, latitude: l.latitude, longitude: l.longitude, ships: l.ships, pickup: l.pickup }));
  if (order.delivery_type === 'pickup') {
    return { candidates, delivery: { type: 'pickup', locationId: order.pickup_location_id ?? '' }, rules: rulesFromRow(snapshot.routingSettings) };
  }
  const address = addressAfter(order, changes);
  const destination = address && address.latitude !== undefined && address.longitude !== undefined
    ? { latitude: address.latitude, longitude: address.longitude, source: 'address' as const }
    : snapshot.centroid ? { ...snapshot.centroid, source: 'postal_code' as const } : null;
  return { candidates, delivery: { type: 'ship', destination }, rules: rulesFromRow(snapshot.routingSettings) };
}
