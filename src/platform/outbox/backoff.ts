// Retry delays for everything that is retried in the background (outbox rows, e-mails,
// webhook deliveries): doubling from a base up to a cap, with a little jitter so many
// rows that failed together (a receiver that was down) do not all come back at once.

export interface BackoffPolicy {
  /** Delay after the first failure. */
  baseMs: number;
  /** No delay is longer than this. */
  maxMs: number;
  /** After this many attempts the item is given up on (marked failed). */
  attemptsMax: number;
}

/** Delay before the next try after `attempts` failed tries (attempts >= 1). */
export function retryDelayMs(policy: BackoffPolicy, attempts: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const delay = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(delay * (1 + 0.1 * random()));
}

/** When to try next, or null when the attempts are used up. */
export function nextAttemptAt(policy: BackoffPolicy, attempts: number, now: Date, random: () => number = Math.random): Date | null {
  if (attempts >= policy.attemptsMax) return null;
  return new Date(now.getTime() + retryDelayMs(policy, attempts, random));
}

/** An error as a short line for a last_error column. */
export function errorText(error: unknown, maxLength = 1000): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
