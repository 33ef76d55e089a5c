// The outbox subscriber that renders customer mails into the notifications table, in the
// relay's transaction (so each event yields its mail exactly once).
import type { OutboxSubscriber } from '../../platform/outbox/index.ts';
import { insertNotification } from './notifications.repository.ts';
import { NOTIFIED_TOPICS, renderNotification } from './render.ts';

export const notificationSubscriber: OutboxSubscriber = {
  name: 'notifications',
  topics: NOTIFIED_TOPICS,
  async handle(trx, message, context) {
    const draft = await renderNotification(trx, message, context.config);
    if (draft) await insertNotification(trx, message.tenantId, message.id, draft);
  },
};
