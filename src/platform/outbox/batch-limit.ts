// The batch limit of the senders' claim statements (e-mail sender, webhook worker).
import { sql } from 'kysely';

/**
 * A worker's batch size as SQL text rather than a parameter: batch sizes are a few
 * constants, and with `limit $1` a generic plan does not know the batch is small (see
 * notifications' mail-queue.repository.ts). Anything but a positive integer is refused.
 */
export function batchLimitSql(limit: number) {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`batch size must be a positive integer, got ${limit}`);
  return sql.lit(limit);
}
