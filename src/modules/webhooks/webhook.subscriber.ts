// The outbox subscriber that turns every event into deliveries for the tenant's endpoints
// whose topics match, in the relay's transaction. One event at a time: the tenant's
// endpoints, then its deliveries. A batch (several events, any tenants): the endpoints of
// all its tenants in one query, all its deliveries in one insert.
import { anyTopicMatches, eventId, withBatchForm, type OutboxMessage, type OutboxSubscriber } from '../../platform/outbox/index.ts';
import { activeEndpoints, activeEndpointsByTenant, insertDeliveries, insertDeliveriesOfEvents, type WebhookEnvelope } from './deliveries.repository.ts';

/** The body every endpoint receives for the event. */
function envelopeOf(message: OutboxMessage): WebhookEnvelope {
  return { id: eventId(message.id), topic: message.topic, created_at: message.createdAt.toISOString(), data: message.payload };
}

export const webhookSubscriber: OutboxSubscriber = {
  name: 'webhooks',
  topics: ['*'],
  handle: withBatchForm(
    async (trx, message) => {
      const endpoints = await activeEndpoints(trx, message.tenantId);
      const matching = endpoints.filter((e) => anyTopicMatches(e.topics, message.topic)).map((e) => e.id);
      await insertDeliveries(trx, message.tenantId, matching, message.id, envelopeOf(message));
    },
    async (trx, messages) => {
      const endpoints = await activeEndpointsByTenant(trx, [...new Set(messages.map((m) => m.tenantId))]);
      await insertDeliveriesOfEvents(trx, messages.flatMap((message) => {
        const matching = (endpoints.get(message.tenantId) ?? []).filter((e) => anyTopicMatches(e.topics, message.topic));
        if (matching.length === 0) return [];
        const envelope = envelopeOf(message);
        return matching.map((e) => ({ tenantId: message.tenantId, endpointId: e.id, outboxId: message.id, envelope }));
      }));
    },
  ),
};
