import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { QUEUES, REMINDER_JOBS, ReminderJobPayloads } from '@app/queue-contracts';

@Processor(QUEUES.reminders)
export class RemindersProcessor {
  private readonly logger = new Logger(RemindersProcessor.name);

  @Process(REMINDER_JOBS.ping)
  ping(job: Job<ReminderJobPayloads['ping']>): { receivedAt: string; sentAt: string } {
    this.logger.debug(`ping ${job.id}`);
    return { sentAt: job.data.sentAt, receivedAt: new Date().toISOString() };
  }
}
