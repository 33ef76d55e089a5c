// Sales channels: where orders come from (web, pos, call_center, mobile, kiosk, marketplace).
import type { Selectable } from 'kysely';
import type { ChannelsTable, Kdb } from '../../platform/db/index.ts';
import { iso, isUniqueViolation, notFound, Problem } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';

export const CHANNEL_KINDS = ['web', 'pos', 'call_center', 'mobile', 'kiosk', 'marketplace'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export type ChannelRow = Selectable<ChannelsTable>;

export interface ChannelView { id: string; code: string; name: string; kind: string; created_at: string; updated_at: string }

export function toChannelView(row: ChannelRow): ChannelView {
  return { id: row.id, code: row.code, name: row.name, kind: row.kind, created_at: iso(row.created_at) ?? '', updated_at: iso(row.updated_at) ?? '' };
}

/** Creates a channel; a taken code is a 409. */
export async function createChannel(db: Kdb, tenantId: string, input: { code: string; name: string; kind: ChannelKind }): Promise<ChannelRow> {
  try {
    return await db.insertInto('channels')
      .values({ tenant_id: tenantId, id: newId('chn'), code: input.code, name: input.name, kind: input.kind })
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
