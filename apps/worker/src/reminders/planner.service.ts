import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { CLOCK, Clock, addDays, TIME_ZONE, todayIn } from '@app/calendar';
import { APP_CONFIG, AppConfig } from '@app/config';
import {
  CalendarSource,
  DeliveryKind,
  DeliveryStatus,
  INSTALLED_AT,
  ReadManager,
  ReminderDelivery,
  ReminderRun,
  SystemState,
  UnitKind,
  UnitOfWork,
} from '@app/database';
import {
  deliveriesHeldBy,
  jobIds,
  QUEUES,
  REMINDER_JOBS,
  ReminderQueue,
  sendJobs,
} from '@app/queue-contracts';
import {
  alertReason,
  composeAlert,
  composeDigest,
  composeEscalation,
  digestAddresses,
  digestUnits,
  dueDigestSlot,
  Email,
  escalatedUnits,
  owedWork,
  recipientsByUnit,
  supervisionOffice,
} from '@app/reminders';

const SYSTEM = { userId: null, unitId: null };
/** Alerts for a day go out from this hour (Asia/Shanghai), like the working day. */
const ALERT_HOUR = 9;
/** How many past days of alerts a worker that was down catches up on. */
const ALERT_CATCH_UP_DAYS = 3;

/** Alerts for a day are due at 09:00 that day in Asia/Shanghai (UTC+8, no DST). */
const alertTime = (date: string): Date =>
  new Date(Date.parse(`${date}T00:00:00Z`) + (ALERT_HOUR - 8) * 3_600_000);

type UnitInfo = { name: string; kind: UnitKind; active: boolean };

/** A delivery to write; `kind` only when it differs from the run's (the escalation summary). */
type Planned = Pick<ReminderDelivery, 'unitId' | 'recipients' | 'cc' | 'itemCount'> &
  Email & { kind?: DeliveryKind };

/** A delivery whose email is composed when it is written (see `plan`). */
type Draft = () => Planned;

/** Deliveries written per statement while the next ones are composed. */
const WRITE_CHUNK = 200;

/** The row of one planned email; `kind` is the run's unless the email has its own. */
function delivery(r: Planned, kind: DeliveryKind, period: string): Partial<ReminderDelivery> {
  return {
    unitId: r.unitId,
    kind: r.kind ?? kind,
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
  };
}

/**
 * Turns "what is owed" into delivery rows, once per (unit, kind, period), and queues their
 * sending after the rows are committed. Two workers planning the same period both try; the
 * reminder_runs primary key lets one through.
 */
@Injectable()
export class ReminderPlanner {
  private readonly logger = new Logger(ReminderPlanner.name);
  private installedAt?: Date;
  private readonly skipLogged = new Set<string>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly calendar: CalendarSource,
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.reminders) private readonly queue: ReminderQueue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private link = (itemId: string) => `${this.config.publicUrl}/items/${itemId}`;

  /**
   * The repeatable tick: plans whatever has come due by now and re-queues unsent mail. Catching
   * up covers slots missed while no worker ran, never slots from before the installation: a
   * fresh install (migrate, seed, start) mails nobody until the next slot or a hand run.
   */
  async tick(): Promise<void> {
    // A year stored through the API (another process) counts from this tick on.
    await this.calendar.refreshIfChanged();
    const now = this.clock.now();
    const today = todayIn(this.clock);
    const installedAt = await this.installation();
    const skipped: string[] = [];
    const slot = dueDigestSlot(this.config.reminders.digestCron, now);
    if (slot && slot.sendAt < installedAt) {
      skipped.push(`digest ${slot.period}`);
    } else if (slot && !(await this.planned(DeliveryKind.Digest, slot.period))) {
      await this.queue.add(
        REMINDER_JOBS.planDigest,
        { period: slot.period, asOf: today, workBefore: slot.sendAt.toISOString() },
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
      if (alertTime(date) < installedAt) {
        skipped.push(`alerts ${date}`);
        continue;
      }
      if (!(await this.planned(DeliveryKind.Alert, date))) {
        await this.queue.add(
          REMINDER_JOBS.planAlerts,
          { date },
          { jobId: jobIds.planAlerts(date) },
        );
      }
    }
    await this.requeueUnsent();
    const fresh = skipped.filter((s) => !this.skipLogged.has(s));
    if (fresh.length) {
      fresh.forEach((s) => this.skipLogged.add(s));
      this.logger.log(
        `not catching up ${fresh.join(', ')}: due before the installation (${installedAt.toISOString()})`,
      );
    }
  }

  /** When this installation began (system_state, written by the migration that made it). */
  private async installation(): Promise<Date> {
    if (this.installedAt) return this.installedAt;
    const row = await this.db.manager.findOne(SystemState, { where: { key: INSTALLED_AT } });
    // No record (a database from before the record existed and never migrated since): no limit.
    if (!row) return new Date(0);
    this.installedAt = new Date(row.value);
    return this.installedAt;
  }

  async planDigest(period: string, asOf: string, workBefore?: Date): Promise<number> {
    const { dueSoonDays, escalateAfterDays } = this.config.reminders;
    await this.calendar.refreshIfChanged();
    return this.plan(DeliveryKind.Digest, period, async (m) => {
      const owing = await digestUnits(m, asOf, dueSoonDays, {
        calendar: this.calendar.calendar(),
        workBefore,
      });
      const addresses = await digestAddresses(
        m,
        new Map(owing.map(({ unitId, work }) => [unitId, work])),
      );
      const planned: Draft[] = owing.map(({ unitId, unit, work, notes }) => () => ({
        unitId,
        ...addresses.get(unitId)!,
        ...composeDigest(unit.name, asOf, work, this.link, dueSoonDays, notes),
      }));
      // One summary to the supervision office per run, in the same transaction, so it is
      // planned (and sent) exactly once with the digests it sums up.
      const escalated = escalatedUnits(owing, escalateAfterDays);
      const office = escalated.length ? await supervisionOffice(m) : undefined;
      if (office) {
        planned.push(() => ({
          kind: DeliveryKind.Escalation,
          unitId: office.unitId,
          recipients: office.addresses,
          cc: [],
          ...composeEscalation(
            asOf,
            escalated.map(({ unit, work }) => ({ unitName: unit.name, owed: work })),
            this.link,
            escalateAfterDays,
          ),
        }));
      }
      return planned;
    });
  }

  async planAlerts(date: string): Promise<number> {
    const offsets = this.config.reminders.alertDays;
    return this.plan(DeliveryKind.Alert, date, async (m) => {
      const candidates = [...offsets.map((d) => addDays(date, d)), addDays(date, -1)];
      const owed = await owedWork(m, date, Math.max(...offsets));
      const addresses = await recipientsByUnit(m);
      const names = await this.unitNames(m);
      const planned: Draft[] = [];
      for (const [unitId, work] of owed) {
        const due = [...work.overdue, ...work.dueSoon]
          .filter((a) => candidates.includes(a.dueOn))
          .map((a) => ({ ...a, reason: alertReason(a.dueOn, date, offsets)! }))
          .filter((a) => a.reason);
        if (!due.length) continue;
        planned.push(() => ({
          unitId,
          recipients: addresses.get(unitId) ?? [],
          cc: [],
          itemCount: due.length,
          ...composeAlert(names.get(unitId) ?? '', date, due, this.link),
        }));
      }
      return planned;
    });
  }

  private async plan(
    kind: DeliveryKind,
    period: string,
    compose: (m: ReadManager) => Promise<Draft[]>,
  ): Promise<number> {
    // What is owed is read before the run is claimed and outside its transaction, so its
    // statements run side by side on the pool instead of one after another on the transaction's
    // connection (a province's digest: 2.5 s -> 1.3 s). The claim still lets one worker through;
    // one that loses it has read for nothing, and none reads for a run already planned.
    const drafts = (await this.planned(kind, period)) ? undefined : await compose(this.db.manager);
    const created = !drafts
      ? -1
      : await this.uow.run(SYSTEM, async (tx) => {
          const claimed = await tx.insertIgnore(ReminderRun, { kind, period }, ['kind']);
          if (!claimed.raw.length) return -1;
          // The emails are composed a chunk at a time while the chunk before is written: the
          // text is this process's work, its compression and WAL the database's, and the two
          // overlap. One statement in flight at a time on the transaction's connection.
          let writing: Promise<unknown> = Promise.resolve();
          try {
            for (let i = 0; i < drafts.length; i += WRITE_CHUNK) {
              const rows = drafts
                .slice(i, i + WRITE_CHUNK)
                .map((draft) => delivery(draft(), kind, period));
              await writing;
              writing = tx.insertIgnore(ReminderDelivery, rows);
            }
          } catch (error) {
            // Composing failed with a chunk still being written: wait for it (its own failure
            // is moot) so nothing is left running on the connection or rejected unheard.
            await writing.catch(() => undefined);
            throw error;
          }
          await writing;
          await tx.updateWhere(ReminderRun, { kind, period }, { deliveries: drafts.length });
          await tx.audit('create', 'ReminderRun', `${kind}:${period}`, null, {
            kind,
            period,
            deliveries: drafts.length,
          });
          return drafts.length;
        });
    if (created >= 0) this.logger.log(`planned ${kind} ${period}: ${created} deliveries`);
    await this.enqueuePending(kind, period);
    return created;
  }

  private async planned(kind: DeliveryKind, period: string): Promise<boolean> {
    return this.db.manager.exists(ReminderRun, { where: { kind, period } });
  }

  private async unitNames(m: ReadManager): Promise<Map<string, string>> {
    return new Map([...(await this.units(m))].map(([id, u]) => [id, u.name]));
  }

  private async units(m: ReadManager): Promise<Map<string, UnitInfo>> {
    const rows: Array<UnitInfo & { id: string }> = await m.query(
      'SELECT id, name, kind, active FROM units ORDER BY name',
    );
    return new Map(rows.map(({ id, ...unit }) => [id, unit]));
  }

  private async enqueuePending(kind: DeliveryKind, period: string): Promise<void> {
    // A digest run also wrote the supervision office's summary for its period.
    const kinds = kind === DeliveryKind.Digest ? [kind, DeliveryKind.Escalation] : [kind];
    const pending = await this.db.manager.find(ReminderDelivery, {
      where: { kind: In(kinds), period, status: DeliveryStatus.Pending },
      select: { id: true, unitId: true, kind: true, period: true },
      // A stable order makes the same batches, so queueing them again names the same jobs.
      order: { id: 'ASC' },
    });
    await this.enqueue(pending);
  }

  /**
   * Mail whose job was lost (queued before a crash, or Redis lost it) is queued again. A row
   * still held by a job of the queue is not lost, only behind others (a long digest on a slow
   * relay) or being sent: queueing it again each tick would pile up copies of the backlog, since
   * batches made now need not match the planner's. The queue is read only when some row looks
   * lost; a job that ends between the two reads costs one needless job at most, whose claim
   * finds its rows sent.
   */
  private async requeueUnsent(): Promise<void> {
    const stale: ReminderDelivery[] = await this.db.query(
      `SELECT id, unit_id AS "unitId", kind, period FROM reminder_deliveries
       WHERE (status = 'pending' AND updated_at < now() - interval '30 seconds')
          OR (status = 'sending' AND updated_at < now() - $1 * interval '1 millisecond')
       ORDER BY id`,
      [this.config.reminders.sendingTimeoutMs],
    );
    if (!stale.length) return;
    const held = deliveriesHeldBy(
      await this.queue.getJobs(['active', 'waiting', 'delayed', 'paused']),
    );
    await this.enqueue(stale.filter((d) => !held.has(d.id)));
  }

  private async enqueue(rows: Array<Pick<ReminderDelivery, 'id' | 'unitId' | 'kind' | 'period'>>) {
    if (rows.length) await this.queue.addBulk(sendJobs(rows, this.config.reminders));
  }
}
