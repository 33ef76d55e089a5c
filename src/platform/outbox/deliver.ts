// Handing events to the subscribers of their topics and then to the event publisher
// (NATS): one event at a time, or a whole batch at once. Either way every subscriber
// writes in the caller's transaction; the caller decides what a throw rolls back.
import type { Kdb } from '../db/index.ts';
import type { EventPublisher } from './relay.ts';
import type { OutboxMessage, OutboxSubscriber, RelayContext } from './subscribers.ts';
import { anyTopicMatches } from './topics.ts';

/** One event: each subscriber of its topic in registration order, then the publisher. */
export async function deliverOne(trx: Kdb, message: OutboxMessage, subscribers: readonly OutboxSubscriber[], publisher: EventPublisher | null, context: RelayContext): Promise<void> {
  for (const subscriber of subscribers) {
    if (anyTopicMatches(subscriber.topics, message.topic)) await subscriber.handle(trx, message, context);
  }
  // Last, so a subscriber failure never leaves an event published that will be relayed again
  // (a retry after a failed commit is deduplicated by the message id anyway).
  if (publisher) await publisher.publish(message);
}

/**
 * Several events (in id order): each subscriber in registration order gets the events of
 * its topics at once, through its batch form when it has one, else one by one in id
 * order; then the publisher gets them all. So a subscriber sees the batch's events in the
 * same order as one by one, but subscriber by subscriber rather than event by event:
 * subscribers must not read each other's writes for the same event (none does; each
 * writes its own table).
 */
export async function deliverAll(trx: Kdb, messages: readonly OutboxMessage[], subscribers: readonly OutboxSubscriber[], publisher: EventPublisher | null, context: RelayContext): Promise<void> {
  for (const subscriber of subscribers) {
    const mine = messages.filter((m) => anyTopicMatches(subscriber.topics, m.topic));
    if (mine.length === 0) continue;
    const batch = subscriber.handle.batch;
    if (batch) await batch(trx, mine, context);
    else for (const message of mine) await subscriber.handle(trx, message, context);
  }
  if (publisher) await publishAll(publisher, messages);
}

/**
 * Publishes side by side (a NATS publish waits for the server's ack: one at a time, a
 * batch would wait for a round trip per event) and throws the first failure once every
 * publish has settled, so none is still in flight when the caller rolls back. What went
 * out before a failure goes out again when the events are retried; the message id makes
 * JetStream drop the repeat.
 */
async function publishAll(publisher: EventPublisher, messages: readonly OutboxMessage[]): Promise<void> {
  const outcomes = await Promise.allSettled(messages.map((m) => publisher.publish(m)));
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failure) throw failure.reason;
}
