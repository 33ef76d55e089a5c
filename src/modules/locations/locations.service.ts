// Stock locations: warehouses and stores, with what they can do (ship, pickup), where
// they are (coordinates for routing by distance) and a priority for ties (lower first).
import type { Selectable } from 'kysely';
import type { Address, Kdb, LocationsTable } from '../../platform/db/index.ts';
import { iso, isUniqueViolation, notFound, Problem } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';

export type LocationRow = Selectable<LocationsTable>;
export type LocationKind = 'warehouse' | 'store';

export interface LocationInput {
  code: string; name: string; kind: LocationKind; address: Address;
  latitude?: number | undefined; longitude?: number | undefined;
  ships: boolean; pickup: boolean; priority?: number | undefined;
}

export interface LocationView {
  id: string; code: string; name: string; kind: string; address: Address;
  latitude: number | null; longitude: number | null; ships: boolean; pickup: boolean;
  priority: number; active: boolean; created_at: string; updated_at: string;
}

export function toLocationView(row: LocationRow): LocationView {
  return {
    id: row.id, code: row.code, name: row.name, kind: row.kind, address: row.address,
    latitude: row.latitude, longitude: row.longitude, ships: row.ships, pickup: row.pickup,
    priority: row.priority, active: row.active, created_at: iso(row.created_at) ?? '', updated_at: iso(row.updated_at) ?? '',
  };
}

/** Creates a location. Coordinates default to the address's, when it has them. */
export async function createLocation(db: Kdb, tenantId: string, input: LocationInput): Promise<LocationRow> {
  const latitude = input.latitude ?? input.address.latitude ?? null;
  const longitude = input.longitude ?? input.address.longitude ?? null;
  if ((latitude === null) !== (longitude === null)) {
    throw new Problem('validation_failed', 'latitude and longitude go together', { errors: [{ path: latitude === null ? 'latitude' : 'longitude', message: 'is required when the other coordinate is given' }] });
  }
  try {
    return await db.insertInto('locations').values({
      tenant_id: tenantId, id: newId('loc'), code: input.code, name: input.name, kind: input.kind,
      address: JSON.stringify(input.address), latitude, longitude, ships: input.ships, pickup: input.pickup,
      priority: input.priority ?? 100,
    }).returningAll().executeTakeFirstOrThrow();
  } catch (error) {
    if (isUniqueViolation(error)) throw new Problem('already_exists', `Location ${input.code} already exists.`, { errors: [{ path: 'code', message: 'is taken' }] });
    throw error;
  }
}

export interface LocationPatch {
  name?: string | undefined; kind?: LocationKind | undefined; address?: Address | undefined;
  latitude?: number | null | undefined; longitude?: number | null | undefined;
  ships?: boolean | undefined; pickup?: boolean | undefined; priority?: number | undefined; active?: boolean | undefined;
}

/**
 * The coordinates a patch sets: both given (numbers, or null to clear), else those of a
 * new address that carries them, else none (the location keeps its own).
 */
function patchedCoordinates(patch: LocationPatch): { latitude: number | null; longitude: number | null } | null {
  const hasLatitude = patch.latitude !== undefined;
  const hasLongitude = patch.longitude !== undefined;
  if (hasLatitude !== hasLongitude || (hasLatitude && (patch.latitude === null) !== (patch.longitude === null))) {
    const path = hasLatitude && patch.latitude !== null ? 'longitude' : 'latitude';
    throw new Problem('validation_failed', 'latitude and longitude go together', { errors: [{ path, message: 'is required when the other coordinate is given' }] });
  }
  if (hasLatitude) return { latitude: patch.latitude ?? null, longitude: patch.longitude ?? null };
  const fromAddress = patch.address;
  if (fromAddress?.latitude !== undefined && fromAddress.longitude !== undefined) return { latitude: fromAddress.latitude, longitude: fromAddress.longitude };
  return null;
}

/**
 * Changes a location; the code stays. Routing reads the new values from the next order on;
 * reservations already made at the location stay where they are.
 */
export async function updateLocation(db: Kdb, tenantId: string, code: string, patch: LocationPatch): Promise<LocationRow> {
  const coordinates = patchedCoordinates(patch);
  const row = await db.updateTable('locations').set({
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
    ...(patch.address !== undefined ? { address: JSON.stringify(patch.address) } : {}),
    ...(coordinates ?? {}),
    ...(patch.ships !== undefined ? { ships: patch.ships } : {}),
    ...(patch.pickup !== undefined ? { pickup: patch.pickup } : {}),
    ...(patch.priority !== undefined ? { priority: patch.priority } : {}),
    ...(patch.active !== undefined ? { active: patch.active } : {}),
    updated_at: new Date(),
  }).where('tenant_id', '=', tenantId).where('code', '=', code).returningAll().executeTakeFirst();
  if (!row) throw notFound('Location', code);
  return row;
}

export async function listLocations(db: Kdb, tenantId: string): Promise<LocationRow[]> {
  return db.selectFrom('locations').selectAll().where('tenant_id', '=', tenantId).orderBy('priority').orderBy('code').execute();
}

export async function findLocationByCode(db: Kdb, tenantId: string, code: string): Promise<LocationRow | undefined> {
  return db.selectFrom('locations').selectAll().where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();
}

/** The location with this code, or a 404. */
export async function getLocationByCode(db: Kdb, tenantId: string, code: string): Promise<LocationRow> {
  const row = await findLocationByCode(db, tenantId, code);
  if (!row) throw notFound('Location', code);
  return row;
}
