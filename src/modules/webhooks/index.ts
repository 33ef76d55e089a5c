// Webhooks: endpoints that receive signed POSTs of outbox events, their deliveries and
// the worker that makes them. The subscriber registers with the outbox relay on load.
import { registerOutboxSubscriber } from '../../platform/outbox/index.ts';
import { webhookSubscriber } from './webhook.subscriber.ts';

registerOutboxSubscriber(webhookSubscriber);

export { webhookRoutes } from './webhooks.routes.ts';
export { webhookSubscriber } from './webhook.subscriber.ts';
export {
  sendDueWebhooks, startWebhookWorker, deliveryRequest, webhookBatchSize,
  WEBHOOK_BACKOFF, WEBHOOK_TIMEOUT_MS, WEBHOOK_BATCH_SIZE, WEBHOOK_BATCH_SIZE_POSTGRES, type DeliveryOptions,
} from './delivery-worker.ts';
export { signBody, verifySignature } from './signature.ts';
export { webhookUrlErrors } from './endpoints.service.ts';
