// SQL for pick waves: numbering, taking fulfillment orders into a wave, the pick list
// lines, and the allocations a line serves. Plain functions over the caller's transaction.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';

export interface WaveRecord {
  id: string; number: number; location_id: string; location_code: string; status: 'open' | 'completed' | 'canceled';
  criteria: Record<string, unknown>; created_by: string; created_at: Date | string; completed_at: Date | string | null;
}

export interface LineRecord {
  id: string; wave_id: string; position: number; product_id: string; sku: string; name: string; barcode: string | null;
  bin: string | null; quantity: number; picked: number | null; confirmed_at: Date | string | null; confirmed_by: string | null;
}

/** A reserved allocation of a fulfillment order in a wave, with its order's age. */
export interface WaveAllocationRow {
  id: string; fulfillment_order_id: string; order_id: string; order_line_id: string; order_number: number; order_created_at: Date;
  product_id: string; sku: string; bin: string | null; quantity: number; picked: number;
}

function waveQuery(db: Kdb, tenantId: string) {
  return db.selectFrom('pick_waves as w')
    .innerJoin('locations as l', (j) => j.onRef('l.tenant_id', '=', 'w.tenant_id').onRef('l.id', '=', 'w.location_id'))
    .select(['w.id', 'w.number', 'w.location_id', 'l.code as location_code', 'w.status', 'w.criteria', 'w.created_by', 'w.created_at', 'w.completed_at'])
    .where('w.tenant_id', '=', tenantId);
}

/** The next wave number of the tenant (1, 2, …). */
export async function nextWaveNumber(trx: Kdb, tenantId: string): Promise<number> {
  const row = await trx.insertInto('pick_wave_numbers').values({ tenant_id: tenantId, last_number: 1 })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ last_number: sql`pick_wave_numbers.last_number + 1` }))
    .returning('last_number').executeTakeFirstOrThrow();
  return Number(row.last_number);
}

/** A wave by id (`pkw_…`) or number. */
export async function findWave(db: Kdb, tenantId: string, idOrNumber: string): Promise<WaveRecord | undefined> {
  const query = waveQuery(db, tenantId);
  return /^\d{1,15}$/.test(idOrNumber) ? query.where('w.number', '=', Number(idOrNumber)).executeTakeFirst() : query.where('w.id', '=', idOrNumber).executeTakeFirst();
}

/** Locks the wave's row, so commands on one wave run one after the other. */
export async function lockWave(trx: Kdb, tenantId: string, id: string): Promise<void> {
  await trx.selectFrom('pick_waves').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().execute();
}

export interface WaveFilter { locationId?: string | undefined; status?: WaveRecord['status'] | undefined; beforeId: string | null; limit: number }

/** Waves newest first, one more than the limit. */
export async function listWaveRecords(db: Kdb, tenantId: string, filter: WaveFilter): Promise<WaveRecord[]> {
  let query = waveQuery(db, tenantId);
  if (filter.locationId) query = query.where('w.location_id', '=', filter.locationId);
  if (filter.status) query = query.where('w.status', '=', filter.status);
  if (filter.beforeId) query = query.where('w.id', '<', filter.beforeId);
  return query.orderBy('w.id', 'desc').limit(filter.limit + 1).execute();
}

export interface Selection {
  locationId: string; deliveryType?: 'ship' | 'pickup' | undefined; placedBefore?: Date | undefined;
  ids?: readonly string[] | undefined; limit: number;
}

/**
 * Locks the open fulfillment orders a wave may take, oldest order first. Orders on hold
 * or canceled are left out, and so are fulfillment orders already being packed without a
 * wave (they have packages). Without explicit ids, rows another wave is taking right now
 * are skipped (SKIP LOCKED), so two waves built at once split the queue instead of one
 * waiting for the other and then finding nothing.
 */
export async function lockSelectableFulfillmentOrders(trx: Kdb, tenantId: string, s: Selection): Promise<{ id: string; order_id: string }[]> {
  const { rows } = await sql<{ id: string; order_id: string }>`
    select f.id, f.order_id from fulfillment_orders f
    join orders o on o.tenant_id = f.tenant_id and o.id = f.order_id
    where f.tenant_id = ${tenantId} and f.location_id = ${s.locationId} and f.status = 'open' and o.status = 'open'
      ${s.deliveryType ? sql`and f.delivery_type = ${s.deliveryType}` : sql``}
      ${s.placedBefore ? sql`and o.created_at < ${s.placedBefore}` : sql``}
      ${s.ids ? sql`and f.id = any(${[...s.ids]}::text[])` : sql``}
      and exists (select 1 from order_allocations a where a.tenant_id = f.tenant_id and a.fulfillment_order_id = f.id and a.status = 'reserved')
      and not exists (select 1 from packages pk where pk.tenant_id = f.tenant_id and pk.fulfillment_order_id = f.id)
    order by o.created_at, o.number, f.id
    limit ${s.limit}
    for update of f ${s.ids ? sql`` : sql`skip locked`}`.execute(trx);
  return rows;
}

/** Moves these fulfillment orders from open to picking in the wave; returns the ids it moved. */
export async function claimFulfillmentOrders(trx: Kdb, tenantId: string, waveId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await trx.updateTable('fulfillment_orders').set({ status: 'picking', wave_id: waveId, updated_at: sql`now()` })
    .where('tenant_id', '=', tenantId).where('id', 'in', [...ids]).where('status', '=', 'open')
    .returning('id').execute();
  return rows.map((r) => r.id);
}

/** Puts a canceled wave's fulfillment orders back in the queue. */
export async function returnFulfillmentOrders(trx: Kdb, tenantId: string, waveId: string): Promise<{ id: string; order_id: string }[]> {
  return trx.updateTable('fulfillment_orders').set({ status: 'open', wave_id: null, updated_at: sql`now()` })
    .where('tenant_id', '=', tenantId).where('wave_id', '=', waveId).where('status', '=', 'picking')
    .returning(['id', 'order_id']).execute();
}

/** The fulfillment orders of a wave, oldest order first. */
export async function waveFulfillmentOrders(db: Kdb, tenantId: string, waveId: string) {
  return db.selectFrom('fulfillment_orders as f')
    .innerJoin('orders as o', (j) => j.onRef('o.tenant_id', '=', 'f.tenant_id').onRef('o.id', '=', 'f.order_id'))
    .select(['f.id', 'f.order_id', 'o.number as order_number', 'f.status', 'f.delivery_type'])
    .where('f.tenant_id', '=', tenantId).where('f.wave_id', '=', waveId)
    .orderBy('o.created_at').orderBy('o.number').execute();
}

/**
 * Allocations of the wave's fulfillment orders that are still being picked (reserved, the
 * fulfillment order in picking), optionally of one product, with the bin of their level.
 */
export async function waveAllocations(db: Kdb, tenantId: string, waveId: string, productId?: string): Promise<WaveAllocationRow[]> {
  let query = db.selectFrom('order_allocations as a')
    .innerJoin('fulfillment_orders as f', (j) => j.onRef('f.tenant_id', '=', 'a.tenant_id').onRef('f.id', '=', 'a.fulfillment_order_id'))
    .innerJoin('orders as o', (j) => j.onRef('o.tenant_id', '=', 'a.tenant_id').onRef('o.id', '=', 'a.order_id'))
    .innerJoin('products as p', (j) => j.onRef('p.tenant_id', '=', 'a.tenant_id').onRef('p.id', '=', 'a.product_id'))
    .leftJoin('inventory_levels as lv', (j) => j.onRef('lv.tenant_id', '=', 'a.tenant_id').onRef('lv.product_id', '=', 'a.product_id').onRef('lv.location_id', '=', 'a.location_id'))
    .select(['a.id', 'f.id as fulfillment_order_id', 'a.order_id', 'a.order_line_id', 'o.number as order_number', 'o.created_at as order_created_at',
      'a.product_id', 'p.sku', 'lv.bin', 'a.quantity', 'a.picked'])
    .where('a.tenant_id', '=', tenantId).where('f.wave_id', '=', waveId).where('f.status', '=', 'picking').where('a.status', '=', 'reserved');
  if (productId) query = query.where('a.product_id', '=', productId);
  const rows = await query.orderBy('a.id').execute();
  return rows.map((r) => ({ ...r, order_number: Number(r.order_number), order_created_at: new Date(r.order_created_at) }));
}

/** Every allocation a wave's lines serve (any status but released), for the wave's view. */
export async function servedAllocations(db: Kdb, tenantId: string, waveId: string) {
  return db.selectFrom('order_allocations as a')
    .innerJoin('fulfillment_orders as f', (j) => j.onRef('f.tenant_id', '=', 'a.tenant_id').onRef('f.id', '=', 'a.fulfillment_order_id'))
    .innerJoin('orders as o', (j) => j.onRef('o.tenant_id', '=', 'a.tenant_id').onRef('o.id', '=', 'a.order_id'))
    .select(['a.id', 'a.product_id', 'a.order_id', 'o.number as order_number', 'f.id as fulfillment_order_id', 'a.quantity', 'a.picked'])
    .where('a.tenant_id', '=', tenantId).where('f.wave_id', '=', waveId).where('a.status', '<>', 'released')
    .orderBy('o.created_at').orderBy('o.number').orderBy('a.id').execute();
}

export interface NewWave { id: string; number: number; locationId: string; criteria: Record<string, unknown>; createdBy: string }
export interface NewLine { id: string; position: number; productId: string; sku: string; bin: string | null; quantity: number }

export async function insertWave(trx: Kdb, tenantId: string, wave: NewWave, lines: readonly NewLine[]): Promise<void> {
  await trx.insertInto('pick_waves').values({
    tenant_id: tenantId, id: wave.id, number: wave.number, location_id: wave.locationId, status: 'open',
    criteria: JSON.stringify(wave.criteria), created_by: wave.createdBy,
  }).execute();
  if (lines.length === 0) return;
  await trx.insertInto('pick_list_lines').values(lines.map((l) => ({
    tenant_id: tenantId, id: l.id, wave_id: wave.id, position: l.position, product_id: l.productId, sku: l.sku, bin: l.bin, quantity: l.quantity,
  }))).execute();
}

/** The lines of a wave in walking order, with product name and barcode. */
export async function loadLines(db: Kdb, tenantId: string, waveId: string): Promise<LineRecord[]> {
  return db.selectFrom('pick_list_lines as pl')
    .innerJoin('products as p', (j) => j.onRef('p.tenant_id', '=', 'pl.tenant_id').onRef('p.id', '=', 'pl.product_id'))
    .select(['pl.id', 'pl.wave_id', 'pl.position', 'pl.product_id', 'pl.sku', 'p.name', 'p.barcode', 'pl.bin', 'pl.quantity', 'pl.picked', 'pl.confirmed_at', 'pl.confirmed_by'])
    .where('pl.tenant_id', '=', tenantId).where('pl.wave_id', '=', waveId)
    .orderBy('pl.position').execute();
}

/** Records units picked on a line, and confirms it when `confirmedBy` is given. */
export async function setLinePicked(trx: Kdb, tenantId: string, lineId: string, picked: number, confirmedBy: string | null): Promise<void> {
  await trx.updateTable('pick_list_lines')
    .set({ picked, ...(confirmedBy ? { confirmed_at: sql`now()`, confirmed_by: confirmedBy } : {}) })
    .where('tenant_id', '=', tenantId).where('id', '=', lineId).execute();
}

/** Sets allocations' picked units in one statement. */
export async function setAllocationsPicked(trx: Kdb, tenantId: string, shares: readonly { id: string; picked: number }[]): Promise<void> {
  if (shares.length === 0) return;
  const values = sql.join(shares.map((s) => sql`(${s.id}, ${s.picked}::int)`));
  await sql`
    update order_allocations a set picked = v.picked, updated_at = now()
    from (values ${values}) as v(id, picked)
    where a.tenant_id = ${tenantId} and a.id = v.id`.execute(trx);
}

/** Resets what was picked for a wave's allocations (a canceled wave puts everything back). */
export async function resetWavePicks(trx: Kdb, tenantId: string, waveId: string): Promise<void> {
  await sql`
    update order_allocations a set picked = 0, updated_at = now()
    from fulfillment_orders f
    where f.tenant_id = ${tenantId} and f.wave_id = ${waveId} and f.status = 'picking'
      and a.tenant_id = f.tenant_id and a.fulfillment_order_id = f.id and a.status = 'reserved' and a.picked > 0`.execute(trx);
}

/**
 * Takes `missing` units off a reserved allocation that were not found on the shelf: the
 * whole allocation is released when nothing of it was picked; otherwise it keeps the
 * picked units and a released twin records the rest, so the line's history adds up.
 */
export async function releaseMissing(trx: Kdb, tenantId: string, allocationId: string, keep: number, missing: number, twinId: string): Promise<void> {
  if (keep === 0) {
    await trx.updateTable('order_allocations').set({ status: 'released', picked: 0, updated_at: sql`now()` })
      .where('tenant_id', '=', tenantId).where('id', '=', allocationId).execute();
    return;
  }
  await trx.updateTable('order_allocations').set({ quantity: keep, picked: keep, updated_at: sql`now()` })
    .where('tenant_id', '=', tenantId).where('id', '=', allocationId).execute();
  await sql`
    insert into order_allocations (tenant_id, id, order_id, order_line_id, product_id, location_id, quantity, status, fulfillment_order_id, picked)
    select tenant_id, ${twinId}, order_id, order_line_id, product_id, location_id, ${missing}::int, 'released', fulfillment_order_id, 0
    from order_allocations where tenant_id = ${tenantId} and id = ${allocationId}`.execute(trx);
}

/** Removes units that were never there: on_hand and reserved both drop; false if the level lacks them. */
export async function writeOffShortPick(trx: Kdb, tenantId: string, productId: string, locationId: string, missing: number): Promise<boolean> {
  const result = await trx.updateTable('inventory_levels')
    .set({ on_hand: sql`on_hand - ${missing}::int`, reserved: sql`reserved - ${missing}::int`, updated_at: sql`now()` })
    .where('tenant_id', '=', tenantId).where('product_id', '=', productId).where('location_id', '=', locationId)
    .where('reserved', '>=', missing).executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Closes a wave (completed or canceled), only if it is still open. */
export async function closeWave(trx: Kdb, tenantId: string, id: string, to: 'completed' | 'canceled'): Promise<boolean> {
  const result = await trx.updateTable('pick_waves').set({ status: to, completed_at: sql`now()` })
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The product a scanned code names: its SKU or its barcode. */
export async function findProductByCode(db: Kdb, tenantId: string, code: string): Promise<{ id: string; sku: string } | undefined> {
  return db.selectFrom('products').select(['id', 'sku'])
    .where('tenant_id', '=', tenantId).where((eb) => eb.or([eb('sku', '=', code), eb('barcode', '=', code)]))
    .orderBy(sql`sku = ${code}`, 'desc').limit(1).executeTakeFirst();
}
