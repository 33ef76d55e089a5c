// Passwords are hashed with argon2id, a memory-hard function: each guess costs an
// attacker memory as well as time, which GPUs and ASICs cannot cheapen much. The
// parameters are OWASP's baseline (19 MiB, 2 passes); the encoded hash records them, so
// raising them later still verifies old hashes.
import { hash, verify } from '@node-rs/argon2';

/** The package's default algorithm is Argon2id; a test checks the stored hashes say so. */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_LENGTH_MIN = 10;
/** Long enough for any pass phrase, short enough that hashing stays cheap to refuse. */
export const PASSWORD_LENGTH_MAX = 200;

/** The argon2id hash of a password, in the PHC string format (`$argon2id$v=19$…`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True when the password matches the stored hash; false for a malformed hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the same time as a real check, for sign-ins to unknown e-mails: otherwise the
 * quick answer would tell an attacker which addresses have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('ordo-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
