import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { SendMailOptions, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@app/config';

export interface OutgoingMail {
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/**
 * The transport's options beside the SMTP URL (the digest benchmark's baseline uses them too).
 * They go in one object with the URL: nodemailer reads a second argument as defaults for every
 * message, so `createTransport(url, { pool: true })` opens a new connection per email.
 */
export const SMTP_TRANSPORT_OPTIONS = {
  pool: true,
  maxConnections: 4,
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
} as const;

/**
 * The message nodemailer builds for one email (the digest benchmark's baseline sends the same).
 * Bodies go out in base64: nodemailer would pick quoted-printable for HTML that is mostly
 * markup, which spends three bytes and a scan per byte on every Chinese character's three
 * (a digest's message: 55 KB against 45 KB, and bench:digest sends a third more per second).
 */
export function mailMessage(mail: OutgoingMail, from: string): SendMailOptions {
  return {
    from,
    to: mail.to,
    cc: mail.cc.length ? mail.cc : undefined,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    textEncoding: 'base64',
  };
}

/** nodemailer over SMTP with a small connection pool (a digest run is thousands of messages). */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = nodemailer.createTransport({ url: config.smtpUrl, ...SMTP_TRANSPORT_OPTIONS });
  }

  /**
   * Resolves once the server has taken the message for at least one recipient, with the
   * addresses it refused; fails when it refused them all.
   */
  async send(mail: OutgoingMail): Promise<{ rejected: string[] }> {
    const info = await this.transport.sendMail(mailMessage(mail, this.config.mailFrom));
    const rejected: Array<string | { address: string }> = info.rejected ?? [];
    return { rejected: rejected.map((a) => (typeof a === 'string' ? a : a.address)) };
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
