// In-process subscribers of the outbox. A subscriber runs inside the relay's transaction
// and writes its own rows (a notification, webhook deliveries, a survey offer): what it
// writes commits together with "this event was relayed", so each event is handled
// exactly once however many relays run. Subscribers register when their module loads
// (modules/notifications, modules/webhooks); the relay takes the registered list.
import type { Config } from '../../config.ts';
import type { Kdb } from '../db/index.ts';

/** One outbox row as the relay hands it out. */
export interface OutboxMessage {
  /** The outbox id: unique across tenants, increasing in commit-ish order. */
  id: number;
  tenantId: string;
  topic: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  /** Earlier tries of this row (0 on the first). */
  attempts: number;
}

export interface RelayContext {
  config: Config;
}

/** Writes what several events cause, in the relay's transaction; a throw fails them all (see relay.ts). */
export type OutboxBatchHandler = (trx: Kdb, messages: readonly OutboxMessage[], context: RelayContext) => Promise<void>;

/** Writes what one event causes, in the relay's transaction; a throw retries the event later. */
export interface OutboxHandler {
  (trx: Kdb, message: OutboxMessage, context: RelayContext): Promise<void>;
  /**
   * Optional: the same writes for several events (given in id order) in a few statements
   * instead of a few per event. It must write exactly what calling the handler for each
   * event in turn would. The relay uses it when it relays a batch in one go (relay.ts).
   *
   * It hangs on the handler rather than on the subscriber so that it cannot outlive the
   * handler it stands for: a wrapper that replaces `handle` (src/seed filters the seed's
   * own events that way, `{ ...subscriber, handle }`) drops the batch form with it and is
   * called event by event, instead of being bypassed by a sibling method it never saw.
   */
  batch?: OutboxBatchHandler | undefined;
}

export interface OutboxSubscriber {
  /** Unique; registering the same name again replaces the subscriber. */
  name: string;
  /** Topic patterns (see topics.ts). */
  topics: readonly string[];
  handle: OutboxHandler;
}

/** A handler with its batch form (see OutboxHandler.batch); `one` itself is left untouched. */
export function withBatchForm(
  one: (trx: Kdb, message: OutboxMessage, context: RelayContext) => Promise<void>,
  batch: OutboxBatchHandler,
): OutboxHandler {
  return Object.assign(async (trx: Kdb, message: OutboxMessage, context: RelayContext) => one(trx, message, context), { batch });
}

const registry = new Map<string, OutboxSubscriber>();

/** Adds (or replaces) a subscriber; returns a function that removes it again. */
export function registerOutboxSubscriber(subscriber: OutboxSubscriber): () => void {
  registry.set(subscriber.name, subscriber);
  return () => {
    if (registry.get(subscriber.name) === subscriber) registry.delete(subscriber.name);
  };
}

/** The registered subscribers, in registration order. */
export function registeredOutboxSubscribers(): OutboxSubscriber[] {
  return [...registry.values()];
}

/** The event id shown to the outside (webhook bodies, NATS message ids): `evt_<outbox id>`. */
export function eventId(outboxId: number): string {
  return `evt_${outboxId}`;
}
