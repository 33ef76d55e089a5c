// The e-mail sender: claims due notifications and sends them over SMTP with nodemailer,
// retrying with backoff and marking a mail failed after the last attempt. Without
// ORDO_SMTP_URL nothing is sent: each mail is written to the log and marked 'logged', so a
// laptop install shows what would go out, and configuring SMTP later does not suddenly
// send a backlog of old mails.
//
// A pass costs two statements however many mails it holds: one claims and leases the
// batch (committed before anything is sent), one records every outcome once the sends are
// done (mail-queue.repository.ts). The sends run side by side, as many at once as the
// sender has connections, and none starts later than SEND_WINDOW_MS after the claim:
// mails not started by then are handed back unsent, so a slow SMTP server can never keep a
// pass going until its lease runs out and another sender sends the same mails again.
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { Config } from '../../config.ts';
import type { Kdb } from '../../platform/db/index.ts';
import { errorText, nextAttemptAt, startPollingWorker, type BackoffPolicy, type PollingWorker, type WorkerLogger, sendWithin } from '../../platform/outbox/index.ts';
import { claimDueMails, recordMailOutcomes, type ClaimedMail, type MailOutcome } from './mail-queue.repository.ts';
import { claimDueMailsRowByRow, recordMailOutcome } from './mail-queue.row-by-row.ts';

/** Mails per pass on the embedded database (also the default of a single pass). */
export const MAIL_BATCH_SIZE = 20;
// PostgreSQL: bigger passes, fewer statements per mail. Sending, not the database, sets
// how long a pass takes with SMTP (three connections); logged mails go as fast as the two
// statements allow (bench/senders.bench.ts).
export const MAIL_BATCH_SIZE_POSTGRES = 100;
/** 1 min, 2 min, 4 min … capped at 2 h; failed after 8 tries (about 6 hours). */
export const MAIL_BACKOFF: BackoffPolicy = { baseMs: 60_000, maxMs: 2 * 3_600_000, attemptsMax: 8 };
const LEASE_MS = 120_000;
// A send started at the end of the window may still take its SMTP timeouts (connection,
// greeting, then the socket: 3 x 15 s) and must end well inside the lease.
const SEND_WINDOW_MS = 30_000;
const SMTP_TIMEOUT_MS = 15_000;
const SMTP_CONNECTIONS = 3;
/** Sends in flight at once for a sender that does not say (the log: it does not wait anyway). */
const DEFAULT_IN_FLIGHT = 8;
const WORKER_INTERVAL_MS = 2_000;

/** The batch size for the configured database: PostgreSQL when a URL is set, else the embedded one. */
export function mailBatchSize(config: Pick<Config, 'databaseUrl'>): number {
  return config.databaseUrl ? MAIL_BATCH_SIZE_POSTGRES : MAIL_BATCH_SIZE;
}

export interface MailSender {
  send(mail: ClaimedMail): Promise<MailOutcome>;
  /** How many sends may be in flight at once (an SMTP pool's connections). */
  readonly inFlight?: number | undefined;
  close(): void;
}

/** The domain of the From address, for Message-IDs. */
function fromDomain(from: string): string {
  return /@([^>\s]+)/.exec(from)?.[1] ?? 'ordo.local';
}

/** An SMTP sender for the URL (smtp://, smtps://; user and password in the URL). */
export function smtpSender(smtpUrl: string, mailFrom: string): MailSender {
  const options: SMTPPool.Options = {
    url: smtpUrl, pool: true, maxConnections: SMTP_CONNECTIONS,
    connectionTimeout: SMTP_TIMEOUT_MS, greetingTimeout: SMTP_TIMEOUT_MS, socketTimeout: SMTP_TIMEOUT_MS,
  };
  const transport: Transporter = nodemailer.createTransport(options);
  return {
    // One send per connection: more would only queue inside nodemailer, where the send
    // window cannot see them.
    inFlight: SMTP_CONNECTIONS,
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
        return retryOrFail(mail, error);
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

/** A failed try: tried again after the backoff, or failed when the attempts are used up. */
function retryOrFail(mail: ClaimedMail, error: unknown): MailOutcome {
  const next = nextAttemptAt(MAIL_BACKOFF, mail.attempts, mail.now);
  return next ? { kind: 'retry', error: errorText(error), nextAttemptAt: next } : { kind: 'failed', error: errorText(error) };
}

export interface SendOptions {
  now?: Date | undefined;
  batchSize?: number | undefined;
  /** How long after the claim sends may start (tests shorten it). */
  sendWindowMs?: number | undefined;
  /** The sender as it was: one update per claimed mail and per outcome (the benchmark's baseline). */
  rowByRow?: boolean | undefined;
}


/** One pass: claims due mails, sends them, records their outcomes; returns how many were claimed. */
export async function sendDueNotifications(db: Kdb, sender: MailSender, options: SendOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? MAIL_BATCH_SIZE;
  if (options.rowByRow) {
    const claimed = await claimDueMailsRowByRow(db, batchSize, LEASE_MS, options.now);
    await Promise.all(claimed.map(async (mail) => recordMailOutcome(db, mail, await sender.send(mail))));
    return claimed.length;
  }
  const claimed = await claimDueMails(db, batchSize, LEASE_MS, options.now);
  if (claimed.length === 0) return 0;
  // A sender that throws instead of answering fails only that mail: the outcomes of the
  // others (mails that went out) must still be recorded.
  const outcomes = await sendWithin(claimed, sender.inFlight ?? DEFAULT_IN_FLIGHT, options.sendWindowMs ?? SEND_WINDOW_MS,
    async (mail) => {
      try {
        return await sender.send(mail);
      } catch (error) {
        return retryOrFail(mail, error);
      }
    });
  await recordMailOutcomes(db, claimed.map((mail, i) => ({ mail, outcome: outcomes[i] ?? { kind: 'unsent' } })));
  return claimed.length;
}

/** The sender for the configuration: SMTP when ORDO_SMTP_URL is set, else the log. */
export function mailSenderFor(config: Config, log: Pick<WorkerLogger, 'info'>): MailSender {
  return config.smtpUrl ? smtpSender(config.smtpUrl, config.mailFrom) : logSender(log);
}

/** Sends notifications in the background until stop(). */
export function startNotificationSender(db: Kdb, log: WorkerLogger, config: Config): PollingWorker {
  const sender = mailSenderFor(config, log);
  const batchSize = mailBatchSize(config);
  const worker = startPollingWorker(() => sendDueNotifications(db, sender, { batchSize }), { name: 'notifications', intervalMs: WORKER_INTERVAL_MS, batchSize, log });
  return {
    async stop() {
      await worker.stop();
      sender.close();
    },
  };
}
