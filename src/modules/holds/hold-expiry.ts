// When a payment_declined hold expires (nobody paid in time), the order's reservations
// go back on sale. The hold stays active (the order still waits for a payment); its
// expired_at records that the expiry was acted on, so it happens once.
import { sql } from 'kysely';
import type { Kdb } from '../../platform/db/index.ts';
import { transaction } from '../../platform/http/index.ts';
import { releaseOrderReservations } from '../inventory/index.ts';
import { recordEvents } from '../orders/index.ts';

export const EXPIRY_BATCH_MAX = 50;
const WORKER_ACTOR = 'system:payments';

/** Acts on holds whose expires_at has passed; answers how many. */
export async function expireHolds(db: Kdb, now: Date = new Date()): Promise<number> {
  let done = 0;
  for (;;) {
    const handled = await transaction(db, async (trx) => {
      const { rows } = await sql<{ tenant_id: string; id: string; order_id: string; type: string }>`
        select tenant_id, id, order_id, type from order_holds
        where released_at is null and expires_at is not null and expired_at is null and expires_at <= ${now}
        order by expires_at limit 1 for update skip locked`.execute(trx);
      const hold = rows[0];
      if (!hold) return false;
      const units = await releaseOrderReservations(trx, hold.tenant_id, WORKER_ACTOR, hold.order_id, `${hold.type} hold expired`);
      await trx.updateTable('order_holds').set({ expired_at: now }).where('tenant_id', '=', hold.tenant_id).where('id', '=', hold.id).execute();
      const data = { hold_id: hold.id, type: hold.type, reason: `${hold.type} hold expired`, units_released: units };
      await recordEvents(trx, hold.tenant_id, hold.order_id, WORKER_ACTOR, [{ type: 'order.reservations_released', data }],
        [{ topic: 'order.reservations_released', aggregateId: hold.order_id, payload: { order_id: hold.order_id, ...data } }]);
      return true;
    });
    if (!handled) return done;
    if (++done >= EXPIRY_BATCH_MAX) return done;
  }
}
