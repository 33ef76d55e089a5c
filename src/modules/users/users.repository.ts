// SQL for users, sessions and sign-in attempts: plain functions taking (db | trx).
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';

export interface UserRow {
  tenant_id: string; id: string; email: string; name: string | null; role: string; password_hash: string;
  created_at: Date; updated_at: Date; last_login_at: Date | null; disabled_at: Date | null;
}

const USER_COLUMNS = ['tenant_id', 'id', 'email', 'name', 'role', 'password_hash', 'created_at', 'updated_at', 'last_login_at', 'disabled_at'] as const;

export async function insertUser(db: Kdb, row: { tenantId: string; id: string; email: string; name: string | null; role: string; passwordHash: string }): Promise<UserRow> {
  return db.insertInto('users').values({
    tenant_id: row.tenantId, id: row.id, email: row.email, name: row.name, role: row.role, password_hash: row.passwordHash,
  }).returning(USER_COLUMNS).executeTakeFirstOrThrow();
}

export async function findUserByEmail(db: Kdb, tenantId: string, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(USER_COLUMNS).where('tenant_id', '=', tenantId).where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Kdb, tenantId: string, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(USER_COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** Users newest first, `limit + 1` rows after the cursor id. */
export async function listUsers(db: Kdb, tenantId: string, afterId: string | null, limit: number): Promise<UserRow[]> {
  let query = db.selectFrom('users').select(USER_COLUMNS).where('tenant_id', '=', tenantId);
  if (afterId) query = query.where('id', '<', afterId);
  return query.orderBy('id', 'desc').limit(limit + 1).execute();
}

export async function updateUser(db: Kdb, tenantId: string, id: string, changes: { name?: string | null; role?: string; password_hash?: string; disabled_at?: Date | null }): Promise<UserRow | undefined> {
  return db.updateTable('users').set({ ...changes, updated_at: sql`now()` })
    .where('tenant_id', '=', tenantId).where('id', '=', id).returning(USER_COLUMNS).executeTakeFirst();
}

/** Active admins other than the given user (to refuse locking the tenant out). */
export async function countOtherActiveAdmins(db: Kdb, tenantId: string, exceptId: string): Promise<number> {
  const row = await db.selectFrom('users').select(sql<number>`count(*)::int`.as('n'))
    .where('tenant_id', '=', tenantId).where('role', '=', 'admin').where('disabled_at', 'is', null).where('id', '<>', exceptId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function touchLastLogin(db: Kdb, tenantId: string, id: string): Promise<void> {
  await db.updateTable('users').set({ last_login_at: sql`now()` }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function insertSession(db: Kdb, row: {
  tenantId: string; id: string; userId: string; tokenHash: string; csrfHash: string; ip: string | null; userAgent: string | null; expiresAt: Date;
}): Promise<void> {
  await db.insertInto('user_sessions').values({
    tenant_id: row.tenantId, id: row.id, user_id: row.userId, token_hash: row.tokenHash, csrf_hash: row.csrfHash,
    ip: row.ip, user_agent: row.userAgent, expires_at: row.expiresAt,
  }).execute();
}

export interface SessionRow {
  tenant_id: string; id: string; user_id: string; csrf_hash: string; created_at: Date; last_seen_at: Date; expires_at: Date; role: string;
}

/** The unexpired session with this token hash whose user is still active. */
export async function findLiveSession(db: Kdb, tokenHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('user_sessions as s')
    .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.id', '=', 's.user_id'))
    .select(['s.tenant_id', 's.id', 's.user_id', 's.csrf_hash', 's.created_at', 's.last_seen_at', 's.expires_at', 'u.role'])
    .where('s.token_hash', '=', tokenHash).where('s.expires_at', '>', sql<Date>`now()`).where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function extendSession(db: Kdb, tenantId: string, id: string, expiresAt: Date): Promise<void> {
  await db.updateTable('user_sessions').set({ last_seen_at: sql`now()`, expires_at: expiresAt })
    .where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function deleteSessionByTokenHash(db: Kdb, tokenHash: string): Promise<void> {
  await db.deleteFrom('user_sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteUserSessions(db: Kdb, tenantId: string, userId: string): Promise<void> {
  await db.deleteFrom('user_sessions').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
}

/**
 * Counts one sign-in attempt for (e-mail, ip) in one statement, starting a new window
 * when the last one has passed; returns the count and when the window started.
 */
export async function countLoginAttempt(db: Kdb, tenantId: string, email: string, ip: string, windowMs: number): Promise<{ attempts: number; window_started_at: Date }> {
  const interval = `${Math.round(windowMs / 1000)} seconds`;
  const { rows } = await sql<{ attempts: number; window_started_at: Date }>`
    insert into login_attempts (tenant_id, email, ip, attempts, window_started_at)
    values (${tenantId}, ${email}, ${ip}, 1, now())
    on conflict (tenant_id, email, ip) do update set
      attempts = case when login_attempts.window_started_at <= now() - ${interval}::interval then 1 else login_attempts.attempts + 1 end,
      window_started_at = case when login_attempts.window_started_at <= now() - ${interval}::interval then now() else login_attempts.window_started_at end
    returning attempts, window_started_at`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('login attempt upsert returned no row');
  return { attempts: row.attempts, window_started_at: new Date(row.window_started_at) };
}

export async function clearLoginAttempts(db: Kdb, tenantId: string, email: string, ip: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('tenant_id', '=', tenantId).where('email', '=', email).where('ip', '=', ip).execute();
}

/** Deletes expired sessions and finished attempt windows; returns how many rows went. */
export async function pruneAuthRows(db: Kdb, attemptWindowMs: number): Promise<number> {
  const cutoff = new Date(Date.now() - attemptWindowMs);
  const sessions = await db.deleteFrom('user_sessions').where('expires_at', '<', new Date()).executeTakeFirst();
  const attempts = await db.deleteFrom('login_attempts').where('window_started_at', '<', cutoff).executeTakeFirst();
  return Number(sessions.numDeletedRows) + Number(attempts.numDeletedRows);
}
