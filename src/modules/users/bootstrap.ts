// The first admin user, so a fresh `npm start` can be signed into. Mirrors the admin
// API key: a password from ORDO_ADMIN_PASSWORD, else one made on first start and kept
// beside the embedded database's data (so a laptop user can always look it up).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Kdb } from '../../platform/db/index.ts';
import { Problem } from '../../platform/http/index.ts';
import { DEFAULT_TENANT_ID } from '../access/index.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import * as repo from './users.repository.ts';
import { createUser } from './users.service.ts';

export const DEMO_ADMIN_EMAIL = 'admin@ordo.local';

/** Swallows the refusal of a taken e-mail (a concurrent start created the user). */
function ignoreTaken(error: unknown): null {
  if (error instanceof Problem && error.code === 'already_exists') return null;
  throw error;
}

export interface DemoAdminOptions {
  /** ORDO_ADMIN_PASSWORD: the admin's password is set to it (created or updated). */
  password?: string | undefined;
  /** Where a generated password is kept (embedded database only); null: not kept. */
  passwordFile?: string | null | undefined;
}

/**
 * Makes sure the default tenant has a signable admin. Returns the login to show, or
 * null when users exist already and the password is not known to this process.
 */
export async function ensureDemoAdmin(db: Kdb, options: DemoAdminOptions = {}): Promise<{ email: string; password: string } | null> {
  const existing = await repo.findUserByEmail(db, DEFAULT_TENANT_ID, DEMO_ADMIN_EMAIL);
  if (options.password) {
    if (!existing) await createUser(db, DEFAULT_TENANT_ID, { email: DEMO_ADMIN_EMAIL, name: 'Admin', role: 'admin', password: options.password }).catch(ignoreTaken);
    else if (!(await verifyPassword(existing.password_hash, options.password)) || existing.disabled_at !== null) {
      await repo.updateUser(db, DEFAULT_TENANT_ID, existing.id, { password_hash: await hashPassword(options.password), disabled_at: null });
    }
    return { email: DEMO_ADMIN_EMAIL, password: options.password };
  }
  const file = options.passwordFile ?? null;
  const kept = file && existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
  if (existing) return kept ? { email: DEMO_ADMIN_EMAIL, password: kept } : null;
  const anyUser = await repo.listUsers(db, DEFAULT_TENANT_ID, null, 1);
  if (anyUser.length > 0 && !kept) return null;
  const password = kept ?? randomBytes(12).toString('base64url');
  // Another process (a cluster worker) may create the admin first; its password is theirs to show.
  if (!(await createUser(db, DEFAULT_TENANT_ID, { email: DEMO_ADMIN_EMAIL, name: 'Admin', role: 'admin', password }).catch(ignoreTaken))) return null;
  if (file && !kept) writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return { email: DEMO_ADMIN_EMAIL, password };
}
