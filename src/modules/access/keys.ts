// API keys: random secrets shown once, stored as SHA-256 hashes. A fast hash is right
// here (unlike passwords): keys have 190+ bits of entropy, so there is nothing to
// brute-force, and every request must look one up cheaply.
import { createHash, randomBytes } from 'node:crypto';

const KEY_PREFIX = 'ordo_sk_';

/** A new secret key string. */
export function generateKeySecret(): string {
  return KEY_PREFIX + randomBytes(24).toString('base64url');
}

/** The stored form of a key. */
export function hashKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The part of a key that is safe to display. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, KEY_PREFIX.length + 6);
}
