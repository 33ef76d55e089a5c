// Customer notifications: mails rendered from outbox events (the subscriber registers
// with the outbox relay on load), the SMTP sender worker, and the per-order listing.
import { registerOutboxSubscriber } from '../../platform/outbox/index.ts';
import { notificationSubscriber } from './notification.subscriber.ts';

registerOutboxSubscriber(notificationSubscriber);

export { notificationRoutes } from './notifications.routes.ts';
export { notificationSubscriber } from './notification.subscriber.ts';
export { sendDueNotifications, startNotificationSender, smtpSender, logSender, mailSenderFor, MAIL_BACKOFF, type MailSender } from './sender.ts';
export { NOTIFIED_TOPICS, renderNotification } from './render.ts';
