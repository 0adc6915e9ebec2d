import { Process, Processor } from '@nestjs/bull';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bull';
import { DataSource } from 'typeorm';
import { QUEUES, REMINDER_JOBS, ReminderJobPayloads } from '@app/queue-contracts';
import { SMTP_TRANSPORT_OPTIONS } from './mailer.service';
import { ReminderPlanner } from './planner.service';
import { DeliverySender } from './sender.service';

type JobOf<N extends keyof ReminderJobPayloads> = Job<ReminderJobPayloads[N]>;

@Processor(QUEUES.reminders)
export class RemindersProcessor {
  constructor(
    private readonly planner: ReminderPlanner,
    private readonly sender: DeliverySender,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /**
   * The repeatable tick also folds the changes to the open work per due date into one row per
   * date (see migration OpenDueCounts), so the overdue count sums a few thousand rows.
   */
  @Process(REMINDER_JOBS.tick)
  async tick(): Promise<void> {
    await this.planner.tick();
    await this.db.query('SELECT compact_open_due_counts()');
  }

  @Process(REMINDER_JOBS.planDigest)
  planDigest(job: JobOf<typeof REMINDER_JOBS.planDigest>): Promise<number> {
    const { period, asOf, workBefore } = job.data;
    return this.planner.planDigest(period, asOf, workBefore ? new Date(workBefore) : undefined);
  }

  @Process(REMINDER_JOBS.planAlerts)
  planAlerts(job: JobOf<typeof REMINDER_JOBS.planAlerts>): Promise<number> {
    return this.planner.planAlerts(job.data.date);
  }

  /**
   * One job of SEND_BATCH deliveries per SMTP connection. Bull adds up the concurrency of every
   * handler of the queue and lets any of them take any job, so a worker holds at most eight
   * jobs, 64 messages claimed and waiting for its four connections (bench:digest, one worker
   * against the bare nodemailer loop: 0.91–1.02×; with two jobs per connection 0.93–0.99×, but
   * up to 96 messages waiting). A row waiting longer than MAIL_SENDING_TIMEOUT_MS is still not
   * taken for lost while its job runs: the tick skips the rows that jobs hold.
   */
  @Process({ name: REMINDER_JOBS.send, concurrency: SMTP_TRANSPORT_OPTIONS.maxConnections })
  send(job: JobOf<typeof REMINDER_JOBS.send>): Promise<void> {
    return this.sender.send(job.data.deliveryIds);
  }

  /** A job queued by a version before send-deliveries: one delivery. */
  @Process(REMINDER_JOBS.sendOne)
  sendOne(job: JobOf<typeof REMINDER_JOBS.sendOne>): Promise<void> {
    return this.sender.send([job.data.deliveryId]);
  }
}
