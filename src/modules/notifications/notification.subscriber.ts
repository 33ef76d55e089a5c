// The outbox subscriber that renders customer mails into the notifications table, in the
// relay's transaction (so each event yields its mail exactly once). A batch of events
// reads the orders of all of them in one query and stores all their mails in one insert.
import { withBatchForm, type OutboxSubscriber } from '../../platform/outbox/index.ts';
import { insertNotification, insertNotificationsOfEvents } from './notifications.repository.ts';
import { NOTIFIED_TOPICS, renderNotification, renderNotifications } from './render.ts';

export const notificationSubscriber: OutboxSubscriber = {
  name: 'notifications',
  topics: NOTIFIED_TOPICS,
  handle: withBatchForm(
    async (trx, message, context) => {
      const draft = await renderNotification(trx, message, context.config);
      if (draft) await insertNotification(trx, message.tenantId, message.id, draft);
    },
    async (trx, messages, context) => {
      const drafts = await renderNotifications(trx, messages, context.config);
      await insertNotificationsOfEvents(trx, drafts.map(({ message, draft }) => ({ tenantId: message.tenantId, outboxId: message.id, draft })));
    },
  ),
};
