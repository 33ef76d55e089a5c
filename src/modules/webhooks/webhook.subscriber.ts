// The outbox subscriber that turns every event into deliveries for the tenant's endpoints
// whose topics match, in the relay's transaction.
import { anyTopicMatches, eventId, type OutboxSubscriber } from '../../platform/outbox/index.ts';
import { activeEndpoints, insertDeliveries } from './deliveries.repository.ts';

export const webhookSubscriber: OutboxSubscriber = {
  name: 'webhooks',
  topics: ['*'],
  async handle(trx, message) {
    const endpoints = await activeEndpoints(trx, message.tenantId);
    const matching = endpoints.filter((e) => anyTopicMatches(e.topics, message.topic)).map((e) => e.id);
    await insertDeliveries(trx, message.tenantId, matching, message.id, {
      id: eventId(message.id), topic: message.topic, created_at: message.createdAt.toISOString(), data: message.payload,
    });
  },
};
