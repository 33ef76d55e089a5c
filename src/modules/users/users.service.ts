// Staff users: creating and changing them, signing in and out. Sessions are random
// tokens kept in the database as hashes; the browser holds the token in an HttpOnly
// cookie, so page scripts (and any injected script) cannot read it.
import { randomBytes } from 'node:crypto';
import type { Kdb } from '../../platform/db/index.ts';
import { decodeCursor, iso, isUniqueViolation, notFound, Problem, toPage } from '../../platform/http/index.ts';
import { newId } from '../../platform/ids.ts';
import { DEFAULT_TENANT_ID, hashKey } from '../access/index.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import * as repo from './users.repository.ts';

/** Roles a person can hold; `channel` is for integrations' API keys only. */
export const USER_ROLES = ['admin', 'operator', 'warehouse', 'analyst'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A sign-in lasts this long without use... */
export const SESSION_IDLE_MS = 12 * 3_600_000;
/** ...and never longer than this in all. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3_600_000;
/** Sign-in attempts allowed per (e-mail, address) within one window. */
export const LOGIN_ATTEMPTS_MAX = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;

export interface UserView {
  id: string; email: string; name: string | null; role: string; disabled: boolean;
  created_at: string | null; last_login_at: string | null;
}

/** E-mail addresses compare case-insensitively; one canonical form is stored. */
export function canonicalEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toUserView(row: repo.UserRow): UserView {
  return {
    id: row.id, email: row.email, name: row.name, role: row.role, disabled: row.disabled_at !== null,
    created_at: iso(row.created_at), last_login_at: iso(row.last_login_at),
  };
}

export interface UserInput { email: string; name?: string | undefined; role: UserRole; password: string }

/** Creates a user; a taken e-mail is a 409. */
export async function createUser(db: Kdb, tenantId: string, input: UserInput): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  try {
    const row = await repo.insertUser(db, { tenantId, id: newId('usr'), email: canonicalEmail(input.email), name: input.name ?? null, role: input.role, passwordHash });
    return toUserView(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new Problem('already_exists', `A user with e-mail ${input.email} already exists.`, { errors: [{ path: 'email', message: 'is taken' }] });
    throw error;
  }
}

export async function listUsers(db: Kdb, tenantId: string, query: { limit: number; cursor?: string | undefined }) {
  const rows = await repo.listUsers(db, tenantId, decodeCursor(query.cursor), query.limit);
  const page = toPage(rows, query.limit);
  return { data: page.data.map(toUserView), next_cursor: page.next_cursor };
}

export interface UserPatch { name?: string | null | undefined; role?: UserRole | undefined; password?: string | undefined; disabled?: boolean | undefined }

/**
 * Changes a user. Disabling a user or changing their password ends their sessions.
 * The last active admin can be neither disabled nor demoted: someone must remain who
 * can manage users.
 */
export async function updateUser(db: Kdb, tenantId: string, id: string, patch: UserPatch): Promise<UserView> {
  const current = await repo.findUserById(db, tenantId, id);
  if (!current) throw notFound('User', id);
  const losesAdmin = current.role === 'admin' && current.disabled_at === null && (patch.disabled === true || (patch.role !== undefined && patch.role !== 'admin'));
  if (losesAdmin && (await repo.countOtherActiveAdmins(db, tenantId, id)) === 0) {
    const path = patch.disabled === true ? 'disabled' : 'role';
    throw new Problem('validation_failed', 'This is the last active admin; make another admin first.', { errors: [{ path, message: 'would leave no active admin' }] });
  }
  const changes: Parameters<typeof repo.updateUser>[3] = {};
  if (patch.name !== undefined) changes.name = patch.name;
  if (patch.role !== undefined) changes.role = patch.role;
  if (patch.password !== undefined) changes.password_hash = await hashPassword(patch.password);
  if (patch.disabled !== undefined) changes.disabled_at = patch.disabled ? (current.disabled_at ?? new Date()) : null;
  const row = Object.keys(changes).length > 0 ? await repo.updateUser(db, tenantId, id, changes) : current;
  if (!row) throw notFound('User', id);
  if (patch.disabled === true || patch.password !== undefined) await repo.deleteUserSessions(db, tenantId, id);
  return toUserView(row);
}

export interface LoginInput { email: string; password: string; tenant?: string | undefined }
export interface ClientInfo { ip: string; userAgent: string | null }

export interface SignedIn {
  user: UserView; tenantId: string; sessionId: string;
  /** The cookie's secret; only its hash is stored. */
  token: string;
  /** The CSRF token the web app echoes in `x-csrf-token`; only its hash is stored. */
  csrfToken: string;
  expiresAt: Date;
}

function tooManyAttempts(windowStartedAt: Date): Problem {
  const retryAfterS = Math.max(1, Math.ceil((windowStartedAt.getTime() + LOGIN_WINDOW_MS - Date.now()) / 1000));
  return new Problem('rate_limited', `Too many sign-in attempts; try again in ${Math.ceil(retryAfterS / 60)} minute(s).`, { headers: { 'retry-after': String(retryAfterS) } });
}

/**
 * Signs a user in and opens a session. Every failure answers the same 401, whether the
 * e-mail is unknown, the user disabled or the password wrong, and takes as long.
 */
export async function login(db: Kdb, input: LoginInput, client: ClientInfo): Promise<SignedIn> {
  const tenantId = input.tenant ?? DEFAULT_TENANT_ID;
  const email = canonicalEmail(input.email);
  const attempt = await repo.countLoginAttempt(db, tenantId, email, client.ip, LOGIN_WINDOW_MS);
  if (attempt.attempts > LOGIN_ATTEMPTS_MAX) throw tooManyAttempts(attempt.window_started_at);
  const user = await repo.findUserByEmail(db, tenantId, email);
  const valid = user && user.disabled_at === null ? await verifyPassword(user.password_hash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !valid) throw new Problem('unauthorized', 'The e-mail or password is wrong.');
  await repo.clearLoginAttempts(db, tenantId, email, client.ip);

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const sessionId = newId('ses');
  const expiresAt = new Date(Date.now() + SESSION_IDLE_MS);
  await repo.insertSession(db, {
    tenantId, id: sessionId, userId: user.id, tokenHash: hashKey(token), csrfHash: hashKey(csrfToken),
    ip: client.ip, userAgent: client.userAgent?.slice(0, 300) ?? null, expiresAt,
  });
  await repo.touchLastLogin(db, tenantId, user.id);
  return { user: toUserView(user), tenantId, sessionId, token, csrfToken, expiresAt };
}

/** Ends the session that holds this cookie token (nothing happens for an unknown one). */
export async function logout(db: Kdb, token: string): Promise<void> {
  await repo.deleteSessionByTokenHash(db, hashKey(token));
}

/** The user behind a session principal, or a 404 if they are gone. */
export async function getUser(db: Kdb, tenantId: string, id: string): Promise<UserView> {
  const row = await repo.findUserById(db, tenantId, id);
  if (!row) throw notFound('User', id);
  return toUserView(row);
}

/** Deletes expired sessions and old sign-in attempt windows. */
export function pruneAuthRecords(db: Kdb): Promise<number> {
  return repo.pruneAuthRows(db, LOGIN_WINDOW_MS);
}
