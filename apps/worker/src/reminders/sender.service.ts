import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { DeliveryStatus, PreparedStatements, ReminderDelivery } from '@app/database';
import { Mailer } from './mailer.service';

type Claimed = Pick<
  ReminderDelivery,
  'id' | 'recipients' | 'cc' | 'subject' | 'textBody' | 'htmlBody'
>;

/**
 * Sends each delivery of a batch at most once per claim. The rows are claimed with one UPDATE
 * (pending, or a 'sending' left by a worker that died), so two workers holding the same rows
 * cannot both send one; a sent row is never claimed again. Each row is marked as soon as its
 * own message is taken, not with the batch, so a worker killed mid-batch repeats at most the
 * messages in flight. SMTP errors put the row back to 'pending' and fail the job, so Bull's
 * next attempt sends the rows still pending; after the last attempt they are 'failed', with
 * the error.
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

  async send(deliveryIds: string[], attempt: number, lastAttempt: boolean): Promise<void> {
    const claimed = await this.db.query<Claimed>(
      `UPDATE reminder_deliveries SET status = 'sending', attempts = attempts + 1, updated_at = now()
         WHERE id = ANY($1::uuid[]) AND (status = 'pending'
           OR (status = 'sending' AND updated_at < now() - $2 * interval '1 millisecond'))
         RETURNING id, recipients, cc, subject, text_body AS "textBody", html_body AS "htmlBody"`,
      [deliveryIds, this.config.reminders.sendingTimeoutMs],
    );
    // Rows not claimed are sent already, or another worker is sending them right now.
    const errors = await Promise.all(claimed.map((d) => this.sendOne(d, attempt, lastAttempt)));
    const failed = errors.filter((e): e is string => e !== undefined);
    if (failed.length && !lastAttempt) {
      // Bull retries with backoff; the rows sent meanwhile are not claimed again.
      throw new Error(`${failed.length} of ${claimed.length} messages failed: ${failed[0]}`);
    }
  }

  /** Sends one claimed row and marks it; returns the error when SMTP refused it. */
  private async sendOne(
    claimed: Claimed,
    attempt: number,
    lastAttempt: boolean,
  ): Promise<string | undefined> {
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
      await this.db.query(
        `UPDATE reminder_deliveries SET status = $2, last_error = $3, updated_at = now() WHERE id = $1`,
        [
          claimed.id,
          lastAttempt ? DeliveryStatus.Failed : DeliveryStatus.Pending,
          `第 ${attempt} 次发送失败：${message}`,
        ],
      );
      this.logger.warn(`delivery ${claimed.id} attempt ${attempt}: ${message}`);
      return message;
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
