import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { DeliveryKind, DeliveryStatus, ReminderDelivery, Tx } from '@app/database';
import { DeliveryKey, QUEUES, ReminderQueue, sendJobs } from '@app/queue-contracts';
import { Email, recipientsByUnit } from '@app/reminders';

export interface UnitEvent {
  unitId: string;
  kind: DeliveryKind;
  /** What makes the event one: the chase batch, the request, the report and its version. */
  key: string;
  email: Email;
  itemCount: number;
}

/**
 * Immediate emails (催办 and events a unit must act on) go through the delivery table like the
 * digest: the row is written in the event's own transaction (one per event and unit, the unique
 * key (unit, kind, period = key) makes it once), and the worker sends it. The job is queued after
 * the commit; if Redis is down then, the worker's tick queues the row later (see
 * ReminderPlanner.requeueUnsent), so an event's email is never lost with the request.
 */
@Injectable()
export class EventMail {
  constructor(
    @InjectQueue(QUEUES.reminders) private readonly queue: ReminderQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The console page an email links to. */
  link(path: string): string {
    return `${this.config.publicUrl}${path}`;
  }

  async record(tx: Tx, events: UnitEvent[]): Promise<void> {
    if (!events.length) return;
    const addresses = await recipientsByUnit(tx.read, [...new Set(events.map((e) => e.unitId))]);
    const queued: DeliveryKey[] = [];
    for (const e of events) {
      const recipients = addresses.get(e.unitId) ?? [];
      const inserted = await tx.insertIgnore(
        ReminderDelivery,
        {
          unitId: e.unitId,
          kind: e.kind,
          period: e.key,
          recipients,
          cc: [],
          subject: e.email.subject,
          textBody: e.email.text,
          htmlBody: e.email.html,
          itemCount: e.itemCount,
          // Said where the offices look, as the digest does for a unit without any address.
          ...(recipients.length
            ? {}
            : {
                status: DeliveryStatus.Failed,
                lastError: '该单位没有任何邮箱地址（单位联系邮箱和用户邮箱均为空）',
              }),
        },
        ['id'],
      );
      const id = (inserted.raw as Array<{ id: string }>)[0]?.id;
      if (!id || !recipients.length) continue;
      queued.push({ id, unitId: e.unitId, kind: e.kind, period: e.key });
    }
    if (!queued.length) return;
    tx.onCommit(async () => {
      await this.queue.addBulk(sendJobs(queued, this.config.reminders));
    });
  }
}
