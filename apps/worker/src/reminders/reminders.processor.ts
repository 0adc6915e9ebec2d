import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { QUEUES, REMINDER_JOBS, ReminderJobPayloads } from '@app/queue-contracts';
import { ReminderPlanner } from './planner.service';
import { DeliverySender } from './sender.service';

type JobOf<N extends keyof ReminderJobPayloads> = Job<ReminderJobPayloads[N]>;

@Processor(QUEUES.reminders)
export class RemindersProcessor {
  constructor(
    private readonly planner: ReminderPlanner,
    private readonly sender: DeliverySender,
  ) {}

  @Process(REMINDER_JOBS.tick)
  tick(): Promise<void> {
    return this.planner.tick();
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

  @Process({ name: REMINDER_JOBS.send, concurrency: 4 })
  send(job: JobOf<typeof REMINDER_JOBS.send>): Promise<void> {
    const attempt = job.attemptsMade + 1;
    return this.sender.send(job.data.deliveryId, attempt, attempt >= (job.opts.attempts ?? 1));
  }
}
