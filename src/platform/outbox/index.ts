// Relaying the transactional outbox (written by ../outbox.ts) to the world: in-process
// subscribers (notifications, webhooks), NATS JetStream, and the background loop.
export { runOutboxRelayOnce, relayBatchSize, OUTBOX_BACKOFF, RELAY_BATCH_SIZE, RELAY_BATCH_SIZE_POSTGRES, type EventPublisher, type RelayOptions, type RelayResult } from './relay.ts';
export { startOutboxRelay, RELAY_INTERVAL_MS } from './start.ts';
export {
  registerOutboxSubscriber, registeredOutboxSubscribers, eventId, withBatchForm,
  type OutboxMessage, type OutboxSubscriber, type OutboxHandler, type OutboxBatchHandler, type RelayContext,
} from './subscribers.ts';
export { topicMatches, anyTopicMatches, isTopic, isTopicPattern, TOPIC_MAX_LENGTH } from './topics.ts';
export { clockSql } from './clock.ts';
export { batchLimitSql } from './batch-limit.ts';
export { retryDelayMs, nextAttemptAt, errorText, type BackoffPolicy } from './backoff.ts';
export { startPollingWorker, type PollingWorker, type WorkerLogger } from './polling-worker.ts';
export { natsPublisher, natsSubject, natsBody, natsMessageId, NATS_STREAM } from './nats.ts';
export { sendWithin } from './send-within.ts';
