// Turns the session cookie's token into a Principal for the auth hook. Not cached: a
// sign-out or a disabled user takes effect on the very next request, and the web app's
// traffic is small next to API keys'.
import type { Kdb } from '../../platform/db/index.ts';
import { hashKey, type Role, type SessionMatch, type SessionResolver } from '../access/index.ts';
import { findLiveSession, extendSession } from './users.repository.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './users.service.ts';

/** Sessions are extended at most this often, so reading pages does not write per request. */
const EXTEND_EVERY_MS = 5 * 60_000;
const TOKEN_LENGTH_MAX = 200;

export class SessionAuthenticator implements SessionResolver {
  constructor(private readonly db: Kdb) {}

  async authenticate(token: string): Promise<SessionMatch | null> {
    if (token.length === 0 || token.length > TOKEN_LENGTH_MAX) return null;
    const row = await findLiveSession(this.db, hashKey(token));
    if (!row) return null;
    const now = Date.now();
    if (now - new Date(row.last_seen_at).getTime() > EXTEND_EVERY_MS) {
      const expiresAt = new Date(Math.min(new Date(row.created_at).getTime() + SESSION_ABSOLUTE_MS, now + SESSION_IDLE_MS));
      await extendSession(this.db, row.tenant_id, row.id, expiresAt);
    }
    return {
      principal: { tenantId: row.tenant_id, keyId: row.id, role: row.role as Role, channelId: null, actor: `user:${row.user_id}`, userId: row.user_id },
      csrfHash: row.csrf_hash,
    };
  }
}
