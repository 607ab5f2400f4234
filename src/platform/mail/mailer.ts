/**
 * Sending email. With SMTP_URL set, messages go to that mail server through nodemailer; without it
 * Hearth has no way to send mail, and the modules keep each message in their outbox pages instead.
 */
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}

export interface Mailer {
  /** 'smtp' sends through a mail server; 'outbox' has none: nothing leaves Hearth. */
  readonly mode: 'smtp' | 'outbox';
  /** Sends one message; rejects with the mail server's reason when it is refused or unreachable. */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** How long to wait for the mail server at each step before giving up (and retrying later). */
const TIMEOUT_MS = 10_000;

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(
    { url, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS },
    { from },
  );
  return {
    mode: 'smtp',
    async send(message) {
      await transport.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        attachments: message.attachments,
      });
    },
    close: () => transport.close(),
  };
}

export const outboxMailer: Mailer = {
  mode: 'outbox',
  send() {
    return Promise.reject(new Error('No mail server is set up (SMTP_URL)'));
  },
  close() {},
};

export function createMailer(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>): Mailer {
  return config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.MAIL_FROM) : outboxMailer;
}

/** The reason a mail server gave, short enough to show to a worker (never logged with addresses). */
export function mailFailureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim().slice(0, 300) || 'The mail server did not accept the message';
}
