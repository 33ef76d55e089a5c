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

export interface OutboxSubscriber {
  /** Unique; registering the same name again replaces the subscriber. */
  name: string;
  /** Topic patterns (see topics.ts). */
  topics: readonly string[];
  /** Writes what the event causes, in the relay's transaction; a throw retries the event later. */
  handle(trx: Kdb, message: OutboxMessage, context: RelayContext): Promise<void>;
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
