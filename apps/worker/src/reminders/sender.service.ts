import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { DeliveryStatus, PreparedStatements, ReminderDelivery } from '@app/database';
import { Mailer } from './mailer.service';

type Claimed = Pick<
  ReminderDelivery,
  'id' | 'recipients' | 'cc' | 'subject' | 'textBody' | 'htmlBody' | 'attempts'
>;

/**
 * Sends each delivery of a batch at most once per claim. The rows are claimed with one UPDATE
 * (pending, or a 'sending' left by a worker that died), so two workers holding the same rows
 * cannot both send one; a sent row is never claimed again. Each row is marked as soon as its
 * own message is taken, not with the batch, so a worker killed mid-batch repeats at most the
 * messages in flight. A row counts its own tries: an SMTP error puts it back to 'pending' and
 * fails the job, so Bull's next attempt sends the rows still pending (and the tick queues a row
 * again if the job has no attempt left), until the row's MAIL_ATTEMPTS-th try, after which it
 * is 'failed', with the error.
 */
@Injectable()
export class DeliverySender {
  private readonly logger = new Logger(DeliverySender.name);

  constructor(
    private readonly mailer: Mailer,
    /** Prepared: a digest is hundreds of these in a row, each planned anew otherwise. */
    private readonly db: PreparedStatements,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(deliveryIds: string[]): Promise<void> {
    const claimed = await this.db.query<Claimed>(
      `UPDATE reminder_deliveries SET status = 'sending', attempts = attempts + 1, updated_at = now()
         WHERE id = ANY($1::uuid[]) AND (status = 'pending'
           OR (status = 'sending' AND updated_at < now() - $2 * interval '1 millisecond'))
         RETURNING id, recipients, cc, subject, text_body AS "textBody", html_body AS "htmlBody",
           attempts`,
      [deliveryIds, this.config.reminders.sendingTimeoutMs],
    );
    // Rows not claimed are sent already, or another worker is sending them right now. Every
    // message finishes before the job does, whatever happens to the others.
    const outcomes = await Promise.allSettled(claimed.map((d) => this.sendOne(d)));
    const retry = outcomes
      .map((o) => (o.status === 'rejected' ? (o.reason as Error).message : o.value))
      .filter((error): error is string => error !== undefined);
    if (retry.length) {
      // Bull retries with backoff; the rows sent meanwhile are not claimed again.
      throw new Error(`${retry.length} of ${claimed.length} messages to retry: ${retry[0]}`);
    }
  }

  /** Sends one claimed row and marks it; returns the error when the row is to be tried again. */
  private async sendOne(claimed: Claimed): Promise<string | undefined> {
    const messageId = `<${claimed.id}@luoshi.reminders>`;
    let rejected: string[];
    try {
      ({ rejected } = await this.mailer.send({
        to: claimed.recipients,
        cc: claimed.cc,
        subject: claimed.subject,
        text: claimed.textBody,
        html: claimed.htmlBody,
        messageId,
      }));
    } catch (error) {
      const message = (error as Error).message;
      const last = claimed.attempts >= this.config.reminders.mailAttempts;
      await this.db.query(
        `UPDATE reminder_deliveries SET status = $2, last_error = $3, updated_at = now() WHERE id = $1`,
        [
          claimed.id,
          last ? DeliveryStatus.Failed : DeliveryStatus.Pending,
          `第 ${claimed.attempts} 次发送失败：${message}`,
        ],
      );
      this.logger.warn(`delivery ${claimed.id} attempt ${claimed.attempts}: ${message}`);
      return last ? undefined : message;
    }
    // Sent to the others; the refused addresses are kept where the offices can see them.
    await this.db.query(
      `UPDATE reminder_deliveries SET status = 'sent', sent_at = now(), message_id = $2, last_error = $3,
         updated_at = now() WHERE id = $1`,
      [claimed.id, messageId, rejected.length ? `以下地址拒收：${rejected.join('、')}` : null],
    );
    return undefined;
  }
}
