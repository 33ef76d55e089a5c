// SQL for routing outside intake (intake reads the same through its snapshot query):
// the tenant's rules, the candidate locations and the destination's postal-code centroid,
// in one statement. Locations are read here as a read model; the locations module writes them.
import { sql } from 'kysely';
import type { Address, Kdb } from '../../platform/db/index.ts';
import type { Point } from './distance.ts';
import type { Candidate, RoutingDelivery } from './plan.ts';
import { postalCodeKeys, rulesFromRow, type RoutingRules, type RoutingSettingsRow } from './rules.ts';

export interface RoutingContext {
  rules: RoutingRules;
  /** Every active location, with what it can do. */
  candidates: Candidate[];
  /** Where a shipment to the address goes: its coordinates, else its postal code's centroid, else unknown. */
  delivery: RoutingDelivery;
}

interface ContextRow {
  settings: RoutingSettingsRow | null;
  centroid: Point | null;
  locations: { id: string; code: string; priority: number; latitude: number | null; longitude: number | null; ships: boolean; pickup: boolean }[];
}

/** Loads the rules, candidates and destination for routing a shipment to `address` (or to a pickup location). */
export async function loadRoutingContext(db: Kdb, tenantId: string, target: { address: Address | null } | { pickupLocationId: string }): Promise<RoutingContext> {
  const address = 'address' in target ? target.address : null;
  const hasPosition = address?.latitude !== undefined && address.longitude !== undefined;
  const keys = address && !hasPosition ? postalCodeKeys(address.postal_code) : [];
  const { rows } = await sql<ContextRow>`
    select
      (select json_build_object('use_distance', r.use_distance, 'max_splits', r.max_splits, 'min_split_order_value', r.min_split_order_value)
         from routing_settings r where r.tenant_id = ${tenantId}) as settings,
      (select json_build_object('latitude', z.latitude, 'longitude', z.longitude)
         from postal_code_centroids z where z.country = ${address?.country ?? null}::bpchar and z.postal_code = any(${keys}::text[])
         order by length(z.postal_code) desc limit 1) as centroid,
      (select coalesce(json_agg(json_build_object('id', l.id, 'code', l.code, 'priority', l.priority, 'latitude', l.latitude,
                'longitude', l.longitude, 'ships', l.ships, 'pickup', l.pickup) order by l.code), '[]'::json)
         from locations l where l.tenant_id = ${tenantId} and l.active) as locations`.execute(db);
  const row = rows[0] as ContextRow;
  const candidates = row.locations.map((l) => ({ locationId: l.id, code: l.code, priority: l.priority, latitude: l.latitude, longitude: l.longitude, ships: l.ships, pickup: l.pickup }));
  let delivery: RoutingDelivery;
  if ('pickupLocationId' in target) delivery = { type: 'pickup', locationId: target.pickupLocationId };
  else if (address && hasPosition) delivery = { type: 'ship', destination: { latitude: address.latitude as number, longitude: address.longitude as number, source: 'address' } };
  else delivery = { type: 'ship', destination: row.centroid ? { ...row.centroid, source: 'postal_code' } : null };
  return { rules: rulesFromRow(row.settings), candidates, delivery };
}

export interface RoutingSettingsView { use_distance: boolean; max_splits: number; min_split_order_value: number; updated_at: string | null }

export async function findRoutingSettings(db: Kdb, tenantId: string) {
  return db.selectFrom('routing_settings').select(['use_distance', 'max_splits', 'min_split_order_value', 'updated_at'])
    .where('tenant_id', '=', tenantId).executeTakeFirst();
}

export async function upsertRoutingSettings(trx: Kdb, tenantId: string, rules: RoutingRules) {
  const values = { use_distance: rules.useDistance, max_splits: rules.maxSplits, min_split_order_value: rules.minSplitOrderValue };
  return trx.insertInto('routing_settings').values({ tenant_id: tenantId, ...values, updated_at: new Date() })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...values, updated_at: sql`now()` }))
    .returning(['use_distance', 'max_splits', 'min_split_order_value', 'updated_at'])
    .executeTakeFirstOrThrow();
}
