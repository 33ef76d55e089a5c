// Publishes relayed events to NATS JetStream, for systems downstream (ERP, CRM, a data
// warehouse) that want every event without polling Ordo. Subject `ordo.<tenant>.<topic>`;
// the message id is `<tenant>:evt_<outbox id>`, so when the relay publishes an event again
// (its transaction failed after the publish) JetStream drops the duplicate. The tenant is
// part of it because JetStream deduplicates per stream, and one stream may take the events
// of several databases (shards, or a restored copy) whose outbox ids overlap.
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import type { EventPublisher } from './relay.ts';
import { eventId, type OutboxMessage } from './subscribers.ts';

export const NATS_STREAM = 'ORDO_EVENTS';
export const NATS_SUBJECT_PREFIX = 'ordo';
const PUBLISH_TIMEOUT_MS = 5_000;
const CONNECT_TIMEOUT_MS = 5_000;
/** Longer than any relay retry of the same event is likely to take. */
const DUPLICATE_WINDOW_MS = 10 * 60_000;
const MAX_AGE_MS = 7 * 24 * 3_600_000;

/** `ordo.<tenant>.<topic>`; characters NATS reserves in subjects become `_`. */
export function natsSubject(tenantId: string, topic: string): string {
  const token = tenantId.replace(/[^A-Za-z0-9_-]/g, '_');
  return `${NATS_SUBJECT_PREFIX}.${token}.${topic}`;
}

/** The JetStream message id (deduplication key) of an event. */
export function natsMessageId(message: Pick<OutboxMessage, 'tenantId' | 'id'>): string {
  return `${message.tenantId}:${eventId(message.id)}`;
}

/** The message body: the same envelope webhooks get, plus the tenant. */
export function natsBody(message: OutboxMessage): string {
  return JSON.stringify({ id: eventId(message.id), topic: message.topic, tenant_id: message.tenantId, created_at: message.createdAt.toISOString(), data: message.payload });
}

async function ensureStream(nc: NatsConnection): Promise<void> {
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.info(NATS_STREAM);
  } catch {
    await jsm.streams.add({
      name: NATS_STREAM, subjects: [`${NATS_SUBJECT_PREFIX}.>`],
      duplicate_window: nanos(DUPLICATE_WINDOW_MS), max_age: nanos(MAX_AGE_MS),
    });
  }
}

/**
 * A publisher that connects on first use (and again after the connection closed), so a
 * NATS server that is down at start only delays events: their rows are retried.
 */
export function natsPublisher(url: string): EventPublisher {
  let session: Promise<{ nc: NatsConnection; js: JetStreamClient }> | null = null;
  const open = () => {
    session ??= (async () => {
      const nc = await connect({ servers: url, timeout: CONNECT_TIMEOUT_MS, name: `ordo:${process.pid}` });
      try {
        await ensureStream(nc);
      } catch (error) {
        await nc.close();
        throw error;
      }
      return { nc, js: jetstream(nc, { timeout: PUBLISH_TIMEOUT_MS }) };
    })();
    session.catch(() => { session = null; });
    return session;
  };
  return {
    async publish(message) {
      const { nc, js } = await open();
      if (nc.isClosed()) {
        session = null;
        throw new Error('NATS connection closed');
      }
      await js.publish(natsSubject(message.tenantId, message.topic), natsBody(message), { msgID: natsMessageId(message) });
    },
    async close() {
      const current = session;
      session = null;
      if (current) await current.then(({ nc }) => nc.drain()).catch(() => {});
    },
  };
}
