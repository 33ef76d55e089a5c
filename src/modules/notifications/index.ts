// Customer notifications: mails rendered from outbox events (the subscriber registers
// with the outbox relay on load), the SMTP sender worker, and the per-order listing.
import { registerOutboxSubscriber } from '../../platform/outbox/index.ts';
import { notificationSubscriber } from './notification.subscriber.ts';

registerOutboxSubscriber(notificationSubscriber);

export { notificationRoutes } from './notifications.routes.ts';
export { notificationSubscriber } from './notification.subscriber.ts';
export {
  sendDueNotifications, startNotificationSender, smtpSender, logSender, mailSenderFor, mailBatchSize,
  MAIL_BACKOFF, MAIL_BATCH_SIZE, MAIL_BATCH_SIZE_POSTGRES, type MailSender, type SendOptions,
} from './sender.ts';
export type { ClaimedMail, MailOutcome } from './mail-queue.repository.ts';
export { NOTIFIED_TOPICS, renderNotification } from './render.ts';
