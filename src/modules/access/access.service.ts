// Tenants and API keys: creating them, bootstrapping the admin key from the
// environment, and turning a bearer token into a Principal.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { newId } from '../../platform/ids.ts';
import { Problem } from '../../platform/http/problem.ts';
import { displayPrefix, generateKeySecret, hashKey } from './keys.ts';
import * as repo from './access.repository.ts';
import { ROLES, type Principal, type Role } from './permissions.ts';

/** Advisory lock class for start-up bootstrap (tenant, bootstrap key); the second key says what is bootstrapped. */
const STARTUP_LOCK = 7_042_002;

export const DEFAULT_TENANT_ID = 'ten_default';
const BOOTSTRAP_KEY_NAME = 'bootstrap admin (ORDO_ADMIN_KEY)';
const TENANT_ID_PATTERN = /^ten_[a-z0-9_]{1,60}$/;

/** The per-tenant sequence behind human order numbers (gaps allowed, no lock held). */
export function orderNumberSequence(tenantId: string): string {
  if (!TENANT_ID_PATTERN.test(tenantId)) throw new Error(`bad tenant id ${tenantId}`);
  return `order_number_${tenantId}`;
}

/** Creates a tenant and its order-number sequence; idempotent by id. */
export async function ensureTenant(db: Kdb, tenantId: string, name: string): Promise<void> {
  const sequence = orderNumberSequence(tenantId);
  await db.transaction().execute(async (trx) => {
    // Processes starting at once on a new database all ensure the default tenant:
    // `create sequence if not exists` fails for all but one unless they take turns.
    await sql`select pg_advisory_xact_lock(${STARTUP_LOCK}, hashtext(${tenantId}))`.execute(trx);
    await trx.insertInto('tenants').values({ id: tenantId, name }).onConflict((oc) => oc.column('id').doNothing()).execute();
    await sql`create sequence if not exists ${sql.id(sequence)} start with 1001`.execute(trx);
  });
}

/** Creates a new tenant with a fresh id. */
export async function createTenant(db: Kdb, name: string): Promise<string> {
  const id = newId('ten');
  await ensureTenant(db, id, name);
  return id;
}

export interface CreatedKey { id: string; secret: string; role: Role; name: string; channel: string | null }

/** Creates an API key; the secret is returned once and only its hash is stored. */
export async function createApiKey(
  db: Kdb, tenantId: string, input: { name: string; role: Role; channelCode?: string | undefined },
): Promise<CreatedKey> {
  if (!ROLES.includes(input.role)) throw new Problem('validation_failed', `unknown role ${input.role}`, { errors: [{ path: 'role', message: `must be one of ${ROLES.join(', ')}` }] });
  let channelId: string | null = null;
  if (input.role === 'channel') {
    if (!input.channelCode) throw new Problem('validation_failed', 'a channel key needs a channel', { errors: [{ path: 'channel', message: 'is required for the channel role' }] });
    const channel = await db.selectFrom('channels').select('id').where('tenant_id', '=', tenantId).where('code', '=', input.channelCode).executeTakeFirst();
    if (!channel) throw new Problem('validation_failed', `unknown channel ${input.channelCode}`, { errors: [{ path: 'channel', message: 'is not a known channel code' }] });
    channelId = channel.id;
  } else if (input.channelCode) {
    throw new Problem('validation_failed', 'only channel keys are bound to a channel', { errors: [{ path: 'channel', message: 'is only allowed with role channel' }] });
  }
  const secret = generateKeySecret();
  const id = newId('key');
  await repo.insertKey(db, { tenantId, id, name: input.name, role: input.role, channelId, keyHash: hashKey(secret), keyPrefix: displayPrefix(secret) });
  return { id, secret, role: input.role, name: input.name, channel: input.channelCode ?? null };
}

/** Makes `secret` an admin key of the default tenant (created, or its hash updated). */
export async function bootstrapAdminKey(db: Kdb, secret: string): Promise<void> {
  const keyHash = hashKey(secret);
  await db.transaction().execute(async (trx) => {
    // Every process started with ORDO_ADMIN_KEY does this at start; taking turns, the
    // later ones find the key the first one stored.
    await sql`select pg_advisory_xact_lock(${STARTUP_LOCK}, 0)`.execute(trx);
    const existing = await trx.selectFrom('api_keys').select(['id', 'key_hash'])
      .where('tenant_id', '=', DEFAULT_TENANT_ID).where('name', '=', BOOTSTRAP_KEY_NAME).executeTakeFirst();
    if (existing) {
      if (existing.key_hash !== keyHash) {
        await trx.updateTable('api_keys').set({ key_hash: keyHash, key_prefix: displayPrefix(secret), revoked_at: null })
          .where('tenant_id', '=', DEFAULT_TENANT_ID).where('id', '=', existing.id).execute();
      }
      return;
    }
    await repo.insertKey(trx, { tenantId: DEFAULT_TENANT_ID, id: newId('key'), name: BOOTSTRAP_KEY_NAME, role: 'admin', channelId: null, keyHash, keyPrefix: displayPrefix(secret) });
  });
}

/**
 * Resolves bearer tokens to principals. Lookups are cached briefly because every
 * request needs one; a revoked key stops working within `ttlMs`.
 */
export class KeyAuthenticator {
  readonly #cache = new Map<string, { principal: Principal | null; expires: number }>();

  constructor(private readonly db: Kdb, private readonly ttlMs = 5_000, private readonly maxEntries = 10_000) {}

  async authenticate(secret: string): Promise<Principal | null> {
    const keyHash = hashKey(secret);
    const now = Date.now();
    const cached = this.#cache.get(keyHash);
    if (cached && cached.expires > now) return cached.principal;
    const row = await repo.findActiveKeyByHash(this.db, keyHash);
    const principal: Principal | null = row
      ? { tenantId: row.tenant_id, keyId: row.id, role: row.role as Role, channelId: row.channel_id, actor: `key:${row.id}` }
      : null;
    if (this.#cache.size >= this.maxEntries) this.#cache.clear();
    this.#cache.set(keyHash, { principal, expires: now + this.ttlMs });
    return principal;
  }

  /** Forgets cached lookups (after a revoke in this process). */
  clear(): void { this.#cache.clear(); }
}

export { listKeys, revokeKey } from './access.repository.ts';
