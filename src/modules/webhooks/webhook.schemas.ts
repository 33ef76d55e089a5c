// Request and answer shapes of the webhook routes.
import { Type, type Static } from 'typebox';
import { PageQuery, StrictObject } from '../../platform/http/index.ts';
import { TOPIC_MAX_LENGTH } from '../../platform/outbox/index.ts';

export const WEBHOOK_URL_MAX_LENGTH = 2000;
export const WEBHOOK_TOPICS_MAX = 50;

export const WebhookInput = StrictObject({
  url: Type.String({ minLength: 1, maxLength: WEBHOOK_URL_MAX_LENGTH, description: 'http:// or https:// URL that receives the POSTs' }),
  topics: Type.Array(Type.String({ minLength: 1, maxLength: TOPIC_MAX_LENGTH, description: "A topic ('order.created'), a prefix ('order.*') or '*'" }),
    { minItems: 1, maxItems: WEBHOOK_TOPICS_MAX, uniqueItems: true }),
});
export type WebhookInput = Static<typeof WebhookInput>;

export const WebhookParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

export const DeliveryListQuery = Type.Object({
  status: Type.Optional(Type.Enum(DELIVERY_STATUSES)),
  ...PageQuery,
});
