// Receiving a return: staff say what came back of each item and in what condition, at
// which location. Sellable units are restocked, damaged ones written off (return-restock.ts),
// the items remember both, and the return becomes received — all in one transaction.
import type { Kdb } from '../../platform/db/index.ts';
import { Problem, type ProblemFieldError } from '../../platform/http/index.ts';
import type { Principal } from '../access/index.ts';
import { findLocationByCode } from '../locations/index.ts';
import { assertReturnTransition } from './return.states.ts';
import { restockReturnedUnits } from './return-restock.ts';
import { recordReturnEvent } from './return-events.ts';
import type { ReceiveInput } from './returns.schemas.ts';
import { getReturn, lockedReturn } from './returns.service.ts';
import type { ReturnView } from './return.view.ts';
import * as repo from './returns.repository.ts';

function refuse(errors: ProblemFieldError[]): never {
  throw new Problem('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), { errors });
}

/** Receives an approved return into a location. Units not listed did not come back. */
export async function receiveReturn(trx: Kdb, principal: Principal, idOrNumber: string, input: ReceiveInput): Promise<ReturnView> {
  const { tenantId } = principal;
  const { ret } = await lockedReturn(trx, tenantId, idOrNumber);
  const to = assertReturnTransition(ret.status, 'receive');

  const location = await findLocationByCode(trx, tenantId, input.location);
  const items = (await repo.loadItems(trx, tenantId, [ret.id])).get(ret.id) ?? [];
  const byLine = new Map(items.map((i) => [i.order_line_id, i]));
  const errors: ProblemFieldError[] = [];
  if (!location || !location.active) errors.push({ path: 'location', message: `unknown location ${input.location}` });
  const counts = new Map<string, { sellable: number; damaged: number }>();
  input.items.forEach((item, i) => {
    const asked = byLine.get(item.line_id);
    if (!asked) return void errors.push({ path: `items[${i}].line_id`, message: `line ${item.line_id} is not on return ${ret.number}` });
    const count = counts.get(item.line_id) ?? { sellable: 0, damaged: 0 };
    count[item.condition] += item.quantity;
    counts.set(item.line_id, count);
    const total = count.sellable + count.damaged;
    if (total > asked.quantity) errors.push({ path: `items[${i}].quantity`, message: `only ${asked.quantity} of ${asked.sku} were to be returned`, requested: total, returnable: asked.quantity });
  });
  if (errors.length > 0 || !location) refuse(errors);

  const received = items.filter((i) => counts.has(i.order_line_id));
  for (const item of received) {
    const c = counts.get(item.order_line_id) as { sellable: number; damaged: number };
    await repo.setReceived(trx, tenantId, ret.id, item.order_line_id, c.sellable + c.damaged, c.damaged);
  }
  await restockReturnedUnits(trx, tenantId, principal.actor, ret.order_id, location.id,
    received.map((i) => ({ productId: i.product_id, ...(counts.get(i.order_line_id) as { sellable: number; damaged: number }) })),
    `return ${ret.number}`);
  if (!(await repo.transitionReturn(trx, tenantId, ret.id, ret.status, to, { restock_location_id: location.id, received_at: new Date() }))) {
    throw new Problem('invalid_transition', `The return changed while it was being received; it is no longer ${ret.status}.`, { extra: { from: ret.status, to } });
  }
  await recordReturnEvent(trx, tenantId, principal.actor, ret, 'return.received', {
    location: location.code,
    items: received.map((i) => ({ line_id: i.order_line_id, sku: i.sku, ...counts.get(i.order_line_id) })),
    ...(input.note ? { note: input.note } : {}),
  });
  return getReturn(trx, tenantId, ret.id);
}
