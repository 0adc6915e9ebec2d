import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { DeliveryStatus, PreparedStatements, ReminderDelivery } from '@app/database';
import { Mailer } from './mailer.service';

/**
 * Sends one delivery at most once per claim. The row is claimed with one UPDATE (pending, or a
 * 'sending' left by a worker that died), so two workers holding the same job cannot both send;
 * a sent row is never claimed again. SMTP errors go back to 'pending' for Bull's next attempt,
 * and to 'failed' with the error after the last one.
 */
@Injectable()
export class DeliverySender {
  private readonly logger = new Logger(DeliverySender.name);

  constructor(
    private readonly mailer: Mailer,
    /** Prepared: a digest is thousands of these in a row, each planned anew otherwise. */
    private readonly db: PreparedStatements,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(deliveryId: string, attempt: number, lastAttempt: boolean): Promise<void> {
    const [claimed] = await this.db.query<ReminderDelivery>(
      `UPDATE reminder_deliveries SET status = 'sending', attempts = attempts + 1, updated_at = now()
         WHERE id = $1 AND (status = 'pending'
           OR (status = 'sending' AND updated_at < now() - $2 * interval '1 millisecond'))
         RETURNING id, recipients, cc, subject, text_body AS "textBody", html_body AS "htmlBody"`,
      [deliveryId, this.config.reminders.sendingTimeoutMs],
    );
    if (!claimed) return; // sent already, or another worker is sending it right now
    const messageId = `<${deliveryId}@luoshi.reminders>`;
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
          deliveryId,
          lastAttempt ? DeliveryStatus.Failed : DeliveryStatus.Pending,
          `第 ${attempt} 次发送失败：${message}`,
        ],
      );
      this.logger.warn(`delivery ${deliveryId} attempt ${attempt}: ${message}`);
      if (!lastAttempt) throw error; // Bull retries with backoff
      return;
    }
    // Sent to the others; the refused addresses are kept where the offices can see them.
    await this.db.query(
      `UPDATE reminder_deliveries SET status = 'sent', sent_at = now(), message_id = $2, last_error = $3,
         updated_at = now() WHERE id = $1`,
      [deliveryId, messageId, rejected.length ? `以下地址拒收：${rejected.join('、')}` : null],
    );
  }
}
