import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK, Clock, addDays, TIME_ZONE, todayIn } from '@app/calendar';
import { APP_CONFIG, AppConfig } from '@app/config';
import {
  DeliveryKind,
  DeliveryStatus,
  ReadManager,
  ReminderDelivery,
  ReminderRun,
  UnitOfWork,
} from '@app/database';
import { jobIds, QUEUES, REMINDER_JOBS, ReminderQueue } from '@app/queue-contracts';
import {
  alertReason,
  composeAlert,
  composeDigest,
  digestAddresses,
  dueDigestSlot,
  Email,
  owedWork,
  owesAnything,
  recipientsByUnit,
} from '@app/reminders';

const SYSTEM = { userId: null, unitId: null };
/** Alerts for a day go out from this hour (Asia/Shanghai), like the working day. */
const ALERT_HOUR = 9;
/** How many past days of alerts a worker that was down catches up on. */
const ALERT_CATCH_UP_DAYS = 3;

type Planned = Pick<ReminderDelivery, 'unitId' | 'recipients' | 'cc' | 'itemCount'> & Email;

/**
 * Turns "what is owed" into delivery rows, once per (unit, kind, period), and queues their
 * sending after the rows are committed. Two workers planning the same period both try; the
 * reminder_runs primary key lets one through.
 */
@Injectable()
export class ReminderPlanner {
  private readonly logger = new Logger(ReminderPlanner.name);

  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.reminders) private readonly queue: ReminderQueue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private link = (itemId: string) => `${this.config.publicUrl}/items/${itemId}`;

  /** The repeatable tick: plans whatever has come due by now and re-queues unsent mail. */
  async tick(): Promise<void> {
    const now = this.clock.now();
    const today = todayIn(this.clock);
    const slot = dueDigestSlot(this.config.reminders.digestCron, now);
    if (slot && !(await this.planned(DeliveryKind.Digest, slot.period))) {
      await this.queue.add(
        REMINDER_JOBS.planDigest,
        { period: slot.period, asOf: today },
        { jobId: jobIds.planDigest(slot.period) },
      );
    }
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', {
        hour: '2-digit',
        hour12: false,
        timeZone: TIME_ZONE,
      }).format(now),
    );
    for (let back = ALERT_CATCH_UP_DAYS - 1; back >= 0; back--) {
      const date = addDays(today, -back);
      if (back === 0 && hour < ALERT_HOUR) continue;
      if (!(await this.planned(DeliveryKind.Alert, date))) {
        await this.queue.add(
          REMINDER_JOBS.planAlerts,
          { date },
          { jobId: jobIds.planAlerts(date) },
        );
      }
    }
    await this.requeueUnsent();
  }

  async planDigest(period: string, asOf: string): Promise<number> {
    const { dueSoonDays, escalateAfterDays } = this.config.reminders;
    return this.plan(DeliveryKind.Digest, period, async (m) => {
      const owed = new Map(
        [...(await owedWork(m, asOf, dueSoonDays))].filter(([, w]) => owesAnything(w)),
      );
      const addresses = await digestAddresses(m, owed, escalateAfterDays);
      const names = await this.unitNames(m);
      return [...owed].map(([unitId, work]) => ({
        unitId,
        ...addresses.get(unitId)!,
        itemCount: work.overdue.length + work.dueSoon.length + work.reportsMissing.length,
        ...composeDigest(names.get(unitId) ?? '', asOf, work, this.link, dueSoonDays),
      }));
    });
  }

  async planAlerts(date: string): Promise<number> {
    const offsets = this.config.reminders.alertDays;
    return this.plan(DeliveryKind.Alert, date, async (m) => {
      const candidates = [...offsets.map((d) => addDays(date, d)), addDays(date, -1)];
      const owed = await owedWork(m, date, Math.max(...offsets));
      const addresses = await recipientsByUnit(m);
      const names = await this.unitNames(m);
      const planned: Planned[] = [];
      for (const [unitId, work] of owed) {
        const due = [...work.overdue, ...work.dueSoon]
          .filter((a) => candidates.includes(a.dueOn))
          .map((a) => ({ ...a, reason: alertReason(a.dueOn, date, offsets)! }))
          .filter((a) => a.reason);
        if (!due.length) continue;
        planned.push({
          unitId,
          recipients: addresses.get(unitId) ?? [],
          cc: [],
          itemCount: due.length,
          ...composeAlert(names.get(unitId) ?? '', date, due, this.link),
        });
      }
      return planned;
    });
  }

  private async plan(
    kind: DeliveryKind,
    period: string,
    compose: (m: ReadManager) => Promise<Planned[]>,
  ): Promise<number> {
    const created = await this.uow.run(SYSTEM, async (tx) => {
      const claimed = await tx.insertIgnore(ReminderRun, { kind, period }, ['kind']);
      if (!claimed.raw.length) return -1;
      const rows = await compose(tx.read);
      if (rows.length) {
        await tx.insertIgnore(
          ReminderDelivery,
          rows.map((r) => ({
            unitId: r.unitId,
            kind,
            period,
            recipients: r.recipients,
            cc: r.cc,
            subject: r.subject,
            textBody: r.text,
            htmlBody: r.html,
            itemCount: r.itemCount,
            // A unit with no address at all cannot be mailed: say so where people look.
            ...(r.recipients.length
              ? {}
              : {
                  status: DeliveryStatus.Failed,
                  lastError: '该单位没有任何邮箱地址（单位联系邮箱和用户邮箱均为空）',
                }),
          })),
        );
      }
      await tx.updateWhere(ReminderRun, { kind, period }, { deliveries: rows.length });
      await tx.audit('create', 'ReminderRun', `${kind}:${period}`, null, {
        kind,
        period,
        deliveries: rows.length,
      });
      return rows.length;
    });
    if (created >= 0) this.logger.log(`planned ${kind} ${period}: ${created} deliveries`);
    await this.enqueuePending(kind, period);
    return created;
  }

  private async planned(kind: DeliveryKind, period: string): Promise<boolean> {
    return this.db.manager.exists(ReminderRun, { where: { kind, period } });
  }

  private async unitNames(m: ReadManager): Promise<Map<string, string>> {
    const rows: Array<{ id: string; name: string }> = await m.query('SELECT id, name FROM units');
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  private async enqueuePending(kind: DeliveryKind, period: string): Promise<void> {
    const pending = await this.db.manager.find(ReminderDelivery, {
      where: { kind, period, status: DeliveryStatus.Pending },
      select: { id: true, unitId: true, kind: true, period: true },
    });
    await this.enqueue(pending);
  }

  /** Mail whose job was lost (queued before a crash, or Redis lost it) is queued again. */
  private async requeueUnsent(): Promise<void> {
    const stale: ReminderDelivery[] = await this.db.query(
      `SELECT id, unit_id AS "unitId", kind, period FROM reminder_deliveries
       WHERE (status = 'pending' AND updated_at < now() - interval '30 seconds')
          OR (status = 'sending' AND updated_at < now() - $1 * interval '1 millisecond')`,
      [this.config.reminders.sendingTimeoutMs],
    );
    await this.enqueue(stale);
  }

  private async enqueue(rows: Array<Pick<ReminderDelivery, 'id' | 'unitId' | 'kind' | 'period'>>) {
    const { mailAttempts, mailBackoffMs } = this.config.reminders;
    await this.queue.addBulk(
      rows.map((d) => ({
        name: REMINDER_JOBS.send,
        data: { deliveryId: d.id },
        opts: {
          jobId: jobIds.send(d),
          attempts: mailAttempts,
          backoff: { type: 'exponential', delay: mailBackoffMs },
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }
}
