// Sales channels: where orders come from (web, pos, call_center, mobile, kiosk, marketplace).
import type { Selectable } from 'kysely';
import type { ChannelsTable, Kdb } from '../../platform/db/index.ts';
import { iso, isUniqueViolation, notFound, Problem } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';

export const CHANNEL_KINDS = ['web', 'pos', 'call_center', 'mobile', 'kiosk', 'marketplace'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export type ChannelRow = Selectable<ChannelsTable>;

/** When a channel's card payments are captured: as each shipment leaves (default), or at once after authorization. */
export const CAPTURE_MODES = ['on_shipment', 'immediate'] as const;
export type CaptureMode = (typeof CAPTURE_MODES)[number];

export interface ChannelView { id: string; code: string; name: string; kind: string; capture_mode: CaptureMode; created_at: string; updated_at: string }

export function toChannelView(row: ChannelRow): ChannelView {
  return { id: row.id, code: row.code, name: row.name, kind: row.kind, capture_mode: row.capture_mode, created_at: iso(row.created_at) ?? '', updated_at: iso(row.updated_at) ?? '' };
}

/** Creates a channel; a taken code is a 409. */
export async function createChannel(db: Kdb, tenantId: string, input: { code: string; name: string; kind: ChannelKind; capture_mode?: CaptureMode | undefined }): Promise<ChannelRow> {
  try {
    return await db.insertInto('channels')
      .values({ tenant_id: tenantId, id: newId('chn'), code: input.code, name: input.name, kind: input.kind, ...(input.capture_mode ? { capture_mode: input.capture_mode } : {}) })
      .returningAll().executeTakeFirstOrThrow();
  } catch (error) {
    if (isUniqueViolation(error)) throw new Problem('already_exists', `Channel ${input.code} already exists.`, { errors: [{ path: 'code', message: 'is taken' }] });
    throw error;
  }
}

export async function listChannels(db: Kdb, tenantId: string): Promise<ChannelRow[]> {
  return db.selectFrom('channels').selectAll().where('tenant_id', '=', tenantId).orderBy('code').execute();
}

export async function findChannelByCode(db: Kdb, tenantId: string, code: string): Promise<ChannelRow | undefined> {
  return db.selectFrom('channels').selectAll().where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();
}

/** The channel with this code, or a 404. */
export async function getChannelByCode(db: Kdb, tenantId: string, code: string): Promise<ChannelRow> {
  const row = await findChannelByCode(db, tenantId, code);
  if (!row) throw notFound('Channel', code);
  return row;
}

/** Changes a channel's name or capture mode. */
export async function updateChannel(db: Kdb, tenantId: string, code: string, patch: { name?: string | undefined; capture_mode?: CaptureMode | undefined }): Promise<ChannelRow> {
  const row = await db.updateTable('channels').set({
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.capture_mode !== undefined ? { capture_mode: patch.capture_mode } : {}),
    updated_at: new Date(),
  }).where('tenant_id', '=', tenantId).where('code', '=', code).returningAll().executeTakeFirst();
  if (!row) throw notFound('Channel', code);
  return row;
}
