import type { Kdb } from '../../platform/db/index.ts';
import type { Role } from './permissions.ts';

export interface KeyRow {
  tenant_id: string;
  id: string;
  name: string;
  role: string;
  channel_id: string | null;
  key_prefix: string;
  created_at: Date;
  revoked_at: Date | null;
}

/** Finds an active key by its hash, across tenants (the hash identifies the tenant). */
export async function findActiveKeyByHash(db: Kdb, keyHash: string): Promise<KeyRow | undefined> {
  return db
    .selectFrom('api_keys')
    .select(['tenant_id', 'id', 'name', 'role', 'channel_id', 'key_prefix', 'created_at', 'revoked_at'])
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function insertKey(db: Kdb, row: {
  tenantId: string; id: string; name: string; role: Role; channelId: string | null; keyHash: string; keyPrefix: string;
}): Promise<void> {
  await db.insertInto('api_keys').values({
    tenant_id: row.tenantId, id: row.id, name: row.name, role: row.role,
    channel_id: row.channelId, key_hash: row.keyHash, key_prefix: row.keyPrefix,
  }).execute();
}

export async function listKeys(db: Kdb, tenantId: string): Promise<KeyRow[]> {
  return db
    .selectFrom('api_keys')
    .select(['tenant_id', 'id', 'name', 'role', 'channel_id', 'key_prefix', 'created_at', 'revoked_at'])
    .where('tenant_id', '=', tenantId)
    .orderBy('id', 'desc')
    .execute();
}

export async function revokeKey(db: Kdb, tenantId: string, id: string): Promise<boolean> {
  const result = await db.updateTable('api_keys').set({ revoked_at: new Date() })
    .where('tenant_id', '=', tenantId).where('id', '=', id).where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function tenantExists(db: Kdb, tenantId: string): Promise<boolean> {
  const row = await db.selectFrom('tenants').select('id').where('id', '=', tenantId).executeTakeFirst();
  return row !== undefined;
}
