import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { TIME_ZONE } from '@app/calendar';
import { APP_CONFIG, AppConfig } from '@app/config';
import { QUEUES, REMINDER_JOBS, ReminderQueue } from '@app/queue-contracts';

/**
 * Registers the repeatable tick at start, and asks for one tick straight away. Identical repeat options from several workers are one
 * repeatable in Redis; a changed cron would leave the old one running, so every repeatable of
 * the tick that is not today's cron is removed.
 */
@Injectable()
export class ReminderSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReminderSchedule.name);

  constructor(
    @InjectQueue(QUEUES.reminders) private readonly queue: ReminderQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const cron = this.config.reminders.tickCron;
    const tz = TIME_ZONE;
    for (const job of await this.queue.getRepeatableJobs()) {
      if (job.name === REMINDER_JOBS.tick && (job.cron !== cron || job.tz !== tz)) {
        await this.queue.removeRepeatableByKey(job.key);
        this.logger.log(`removed stale schedule ${job.cron} (${job.tz})`);
      }
    }
    await this.queue.add(
      REMINDER_JOBS.tick,
      {},
      {
        repeat: { cron, tz },
        jobId: REMINDER_JOBS.tick,
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
    // A worker that starts after downtime catches up now rather than at the next cron slot. Ticks
    // are idempotent (the delivery rows decide), so several workers starting at once do no harm.
    await this.queue.add(REMINDER_JOBS.tick, {}, { removeOnComplete: true, removeOnFail: true });
    this.logger.log(
      `reminder tick every "${cron}" (${tz}); digest "${this.config.reminders.digestCron}"`,
    );
  }
}
