// The e-mail sender: claims due notifications and sends them over SMTP with nodemailer,
// retrying with backoff and marking a mail failed after the last attempt. Without
// ORDO_SMTP_URL nothing is sent: each mail is written to the log and marked 'logged', so a
// laptop install shows what would go out, and configuring SMTP later does not suddenly
// send a backlog of old mails.
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { Config } from '../../config.ts';
import type { Kdb } from '../../platform/db/index.ts';
import { errorText, nextAttemptAt, startPollingWorker, type BackoffPolicy, type PollingWorker, type WorkerLogger } from '../../platform/outbox/index.ts';
import { claimDueNotifications, recordSendOutcome, type ClaimedNotification, type SendOutcome } from './notifications.repository.ts';

export const MAIL_BATCH_SIZE = 20;
/** 1 min, 2 min, 4 min … capped at 2 h; failed after 8 tries (about 6 hours). */
export const MAIL_BACKOFF: BackoffPolicy = { baseMs: 60_000, maxMs: 2 * 3_600_000, attemptsMax: 8 };
const LEASE_MS = 120_000;
const SMTP_TIMEOUT_MS = 15_000;
const WORKER_INTERVAL_MS = 2_000;

export interface MailSender {
  send(mail: ClaimedNotification): Promise<SendOutcome>;
  close(): void;
}

/** The domain of the From address, for Message-IDs. */
function fromDomain(from: string): string {
  return /@([^>\s]+)/.exec(from)?.[1] ?? 'ordo.local';
}

/** An SMTP sender for the URL (smtp://, smtps://; user and password in the URL). */
export function smtpSender(smtpUrl: string, mailFrom: string): MailSender {
  const options: SMTPPool.Options = {
    url: smtpUrl, pool: true, maxConnections: 3,
    connectionTimeout: SMTP_TIMEOUT_MS, greetingTimeout: SMTP_TIMEOUT_MS, socketTimeout: SMTP_TIMEOUT_MS,
  };
  const transport: Transporter = nodemailer.createTransport(options);
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
          from: mailFrom, to: mail.recipient, subject: mail.subject, text: mail.body_text,
          ...(mail.body_html ? { html: mail.body_html } : {}),
          // Stable across retries, so a receiver can tell a resend from a new mail.
          messageId: `<${mail.id}@${fromDomain(mailFrom)}>`,
          headers: { 'X-Ordo-Template': mail.template },
        });
        return { kind: 'sent', response: String(info.response ?? '') };
      } catch (error) {
        const next = nextAttemptAt(MAIL_BACKOFF, mail.attempts, mail.now);
        return next ? { kind: 'retry', error: errorText(error), nextAttemptAt: next } : { kind: 'failed', error: errorText(error) };
      }
    },
    close: () => transport.close(),
  };
}

/** The stand-in without SMTP: logs the mail's envelope and subject. */
export function logSender(log: Pick<WorkerLogger, 'info'>): MailSender {
  return {
    async send(mail) {
      log.info({ notification: mail.id, to: mail.recipient, subject: mail.subject, template: mail.template }, 'e-mail not sent (ORDO_SMTP_URL is not set); logged');
      return { kind: 'logged' };
    },
    close() {},
  };
}

export interface SendOptions { now?: Date | undefined; batchSize?: number | undefined }

/** One pass: claims due mails, sends them, records each outcome; returns how many. */
export async function sendDueNotifications(db: Kdb, sender: MailSender, options: SendOptions = {}): Promise<number> {
  const claimed = await claimDueNotifications(db, options.batchSize ?? MAIL_BATCH_SIZE, LEASE_MS, options.now);
  await Promise.all(claimed.map(async (mail) => recordSendOutcome(db, mail, await sender.send(mail))));
  return claimed.length;
}

/** The sender for the configuration: SMTP when ORDO_SMTP_URL is set, else the log. */
export function mailSenderFor(config: Config, log: Pick<WorkerLogger, 'info'>): MailSender {
  return config.smtpUrl ? smtpSender(config.smtpUrl, config.mailFrom) : logSender(log);
}

/** Sends notifications in the background until stop(). */
export function startNotificationSender(db: Kdb, log: WorkerLogger, config: Config): PollingWorker {
  const sender = mailSenderFor(config, log);
  const worker = startPollingWorker(() => sendDueNotifications(db, sender), { name: 'notifications', intervalMs: WORKER_INTERVAL_MS, batchSize: MAIL_BATCH_SIZE, log });
  return {
    async stop() {
      await worker.stop();
      sender.close();
    },
  };
}
